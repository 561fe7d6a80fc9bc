// PATCH /api/checklists/items/:id – rename, describe, change the source, archive or restore an item (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { ZUpdateItem } from "@/server/checklists/recurring/checklist-input.schema";
import { updateItem } from "@/server/checklists/recurring/edit-checklists";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const PATCH = withAuth<{ id: string }>(
  async (request, { user, params }) => Response.json(await updateItem(params.id, await parseJsonBody(request, ZUpdateItem), { actor: user, ip: clientIp(request.headers) })),
  { role: "ANALYST" },
);
