// GET /api/reviews/:id – one review with its agenda and action items (VIEWER) · PATCH – attendees, notes, decisions of a DRAFT (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { getReview, updateReview } from "@/server/review/reviews";
import { ZReviewUpdate } from "@/server/review/review.types";

export const GET = withAuth<{ id: string }>(async (_request, { params }) => Response.json(await getReview(params.id), { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });

export const PATCH = withAuth<{ id: string }>(
  async (request, { user, params }) => Response.json(await updateReview(params.id, await parseJsonBody(request, ZReviewUpdate), { user, ip: clientIp(request.headers) })),
  { role: "ANALYST" },
);
