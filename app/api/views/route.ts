// GET /api/views – my saved views and the shared ones (any role); POST /api/views – save a view {name, query, shared}
import { withAuth } from "@/server/auth/guard";
import { createView, listViews, ZCreateView } from "@/server/findings/saved-views";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const GET = withAuth(async (_request, { user }) => Response.json({ items: await listViews(user) }), { role: "VIEWER" });

export const POST = withAuth(
  async (request, { user }) => Response.json(await createView(await parseJsonBody(request, ZCreateView), user, clientIp(request.headers)), { status: 201 }),
  { role: "VIEWER" },
);
