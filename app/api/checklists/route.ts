// GET /api/checklists – recurring checklists with the current period, each item's state and fed items' live state (any role);
//   ?archived=true lists the archived ones instead. POST /api/checklists – create a checklist (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { listArchivedChecklists, listChecklists } from "@/server/checklists/recurring/checklists";
import { ZCreateChecklist } from "@/server/checklists/recurring/checklist-input.schema";
import { createChecklist } from "@/server/checklists/recurring/edit-checklists";
import { AppError } from "@/server/http/app-error";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

const noStore = { "Cache-Control": "no-store" };

export const GET = withAuth(async (request) => {
  const archived = new URL(request.url).searchParams.get("archived");
  if (archived !== null && archived !== "true" && archived !== "false") throw new AppError("BAD_REQUEST", `archived: use true or false, got "${archived.slice(0, 20)}".`);
  const items = archived === "true" ? await listArchivedChecklists() : await listChecklists();
  return Response.json({ items }, { headers: noStore });
}, { role: "VIEWER" });

export const POST = withAuth(
  async (request, { user }) => Response.json(await createChecklist(await parseJsonBody(request, ZCreateChecklist), { actor: user, ip: clientIp(request.headers) }), { status: 201 }),
  { role: "ANALYST" },
);
