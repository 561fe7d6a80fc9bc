// POST /api/reviews/:id/action-items – add an action item {title, ownerId?, dueDate?, link?} to a DRAFT review (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { createActionItem } from "@/server/review/action-items";
import { ZActionItemInput } from "@/server/review/review.types";

export const POST = withAuth<{ id: string }>(
  async (request, { user, params }) => Response.json(await createActionItem(params.id, await parseJsonBody(request, ZActionItemInput), { user, ip: clientIp(request.headers) }), { status: 201 }),
  { role: "ANALYST" },
);
