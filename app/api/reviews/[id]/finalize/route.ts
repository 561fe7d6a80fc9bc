// POST /api/reviews/:id/finalize – make a DRAFT review final and unchangeable (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { finalizeReview } from "@/server/review/reviews";

export const POST = withAuth<{ id: string }>(async (request, { user, params }) => Response.json(await finalizeReview(params.id, { user, ip: clientIp(request.headers) })), { role: "ANALYST" });
