// GET /api/reviews/action-items/mine – the signed-in user's open action items across reviews (their queue)
import { withAuth } from "@/server/auth/guard";
import { myActionItems } from "@/server/review/action-items";

export const GET = withAuth(async (_request, { user }) => Response.json({ items: await myActionItems(user.id) }, { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });
