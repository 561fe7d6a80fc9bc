// GET /api/checklists/eol – the EOL inventory with status counts and groups, filtered by the query string (any role)
// POST /api/checklists/eol – add a manual entry {product:{kind,slug|name}, version, accountId?, region?, …} (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { createInventoryItem, listInventory } from "@/server/checklists/eol/inventory";
import { ZInventoryQuery } from "@/server/checklists/eol/inventory.types";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { z } from "zod";

export const GET = withAuth(async (request) => {
  const query = ZInventoryQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listInventory(query), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });

export const POST = withAuth(
  async (request, { user }) => Response.json(await createInventoryItem(await parseJsonBody(request, z.unknown()), { user, ip: clientIp(request.headers) }), { status: 201 }),
  { role: "ANALYST" },
);
