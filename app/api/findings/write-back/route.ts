// GET /api/findings/write-back – write-back (outbox) status: items by state, oldest pending, last error (any role)
import { withAuth } from "@/server/auth/guard";
import { outboxStatus } from "@/server/sync/outbox-status";

export const GET = withAuth(async () => Response.json(await outboxStatus(), { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });
