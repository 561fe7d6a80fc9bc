// GET /api/reviews?page=n – past reviews, newest first (VIEWER) · POST /api/reviews – start a review of the period since the last one (ANALYST)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { listReviews, startReview } from "@/server/review/reviews";

const ZQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) });

export const GET = withAuth(async (request) => {
  const query = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listReviews(query), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });

export const POST = withAuth(async (request, { user }) => Response.json(await startReview({ user, ip: clientIp(request.headers) }), { status: 201 }), { role: "ANALYST" });
