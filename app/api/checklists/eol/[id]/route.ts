// PUT /api/checklists/eol/:id – edit a manual or imported entry (same body as POST) (ANALYST)
// DELETE /api/checklists/eol/:id – delete a manual or imported entry (ANALYST)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { deleteInventoryItem, updateInventoryItem } from "@/server/checklists/eol/inventory";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const PUT = withAuth<{ id: string }>(
  async (request, { user, params }) => Response.json(await updateInventoryItem(params.id, await parseJsonBody(request, z.unknown()), { user, ip: clientIp(request.headers) })),
  { role: "ANALYST" },
);

export const DELETE = withAuth<{ id: string }>(async (request, { user, params }) => {
  await deleteInventoryItem(params.id, { user, ip: clientIp(request.headers) });
  return new Response(null, { status: 204 });
}, { role: "ANALYST" });
