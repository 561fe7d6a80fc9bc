// POST /api/checklists/items/:id/complete – record an item done for its current or previous period {periodKey, result, note?, link?} (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { completeItem, ZCompleteItem } from "@/server/checklists/recurring/checklists";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const POST = withAuth<{ id: string }>(
  async (request, { user, params }) => Response.json(await completeItem(params.id, await parseJsonBody(request, ZCompleteItem), user, clientIp(request.headers)), { status: 201 }),
  { role: "ANALYST" },
);
