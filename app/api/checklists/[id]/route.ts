// PATCH /api/checklists/:id – edit name, description, cadence, time zone, owner, item order; archive (ANALYST), restore (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { ZUpdateChecklist } from "@/server/checklists/recurring/checklist-input.schema";
import { updateChecklist } from "@/server/checklists/recurring/edit-checklists";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const PATCH = withAuth<{ id: string }>(
  async (request, { user, params }) => Response.json(await updateChecklist(params.id, await parseJsonBody(request, ZUpdateChecklist), { actor: user, ip: clientIp(request.headers) })),
  { role: "ANALYST" },
);
