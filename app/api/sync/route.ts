// GET /api/sync – sync status, runs and errors (any role); POST /api/sync – "Sync now" (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { getSyncStatus } from "@/server/sync/get-sync-status";
import { requestSync } from "@/server/sync/request-sync";

export const GET = withAuth(async () => Response.json(await getSyncStatus(), { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });

export const POST = withAuth(
  async (request, { user }) => Response.json(await requestSync({ actor: user, ip: clientIp(request.headers) }), { status: 202 }),
  { role: "ADMIN" },
);
