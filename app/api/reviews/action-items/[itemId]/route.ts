// PATCH /api/reviews/action-items/:itemId – edit (ANALYST, DRAFT review) or mark done/open (its owner or ANALYST) · DELETE (ANALYST, DRAFT)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { deleteActionItem, updateActionItem } from "@/server/review/action-items";
import { ZActionItemPatch } from "@/server/review/review.types";

// VIEWER here: an owner with the viewer role may complete their own item; the use case checks the rest.
export const PATCH = withAuth<{ itemId: string }>(
  async (request, { user, params }) => Response.json(await updateActionItem(params.itemId, await parseJsonBody(request, ZActionItemPatch), { user, ip: clientIp(request.headers) })),
  { role: "VIEWER" },
);

export const DELETE = withAuth<{ itemId: string }>(async (request, { user, params }) => {
  await deleteActionItem(params.itemId, { user, ip: clientIp(request.headers) });
  return new Response(null, { status: 204 });
}, { role: "ANALYST" });
