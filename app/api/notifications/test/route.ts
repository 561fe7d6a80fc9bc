// POST /api/notifications/test – sends a test message to each configured channel and returns each result (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { sendTestMessage } from "@/server/notifications/send-test";

export const POST = withAuth(async (request, { user }) => Response.json(await sendTestMessage({ actor: user, ip: clientIp(request.headers) })), { role: "ADMIN" });
