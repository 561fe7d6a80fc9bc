// POST /api/reviews/:id/refresh – rebuild a DRAFT review's agenda for its period (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { refreshAgenda } from "@/server/review/reviews";

export const POST = withAuth<{ id: string }>(async (request, { user, params }) => Response.json(await refreshAgenda(params.id, { user, ip: clientIp(request.headers) })), { role: "ANALYST" });
