// POST /api/checklists/:id/items – add an item {title, description?, source} at the end (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { ZNewItem } from "@/server/checklists/recurring/checklist-input.schema";
import { addItem } from "@/server/checklists/recurring/edit-checklists";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const POST = withAuth<{ id: string }>(
  async (request, { user, params }) => Response.json(await addItem(params.id, await parseJsonBody(request, ZNewItem), { actor: user, ip: clientIp(request.headers) }), { status: 201 }),
  { role: "ANALYST" },
);
