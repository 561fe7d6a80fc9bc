// GET /api/checklists/patches – patch compliance summary with roll-ups by account (× region) and by OU (any role)
import { withAuth } from "@/server/auth/guard";
import { getPatchSummary } from "@/server/checklists/patches/get-patch-summary";

export const GET = withAuth(async () => Response.json(await getPatchSummary(), { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });
