// GET /api/findings/facets – options of the filter pickers: accounts, OUs, regions, resource types, controls, products, assignable users (any role)
import { withAuth } from "@/server/auth/guard";
import { getFacets } from "@/server/findings/list-findings";

export const GET = withAuth(async () => Response.json(await getFacets(), { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });
