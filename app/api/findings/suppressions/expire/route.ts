// POST /api/findings/suppressions/expire – run the suppression expiry now (ADMIN; the worker runs it every minute)
import { withAuth } from "@/server/auth/guard";
import { expireSuppressions } from "@/server/findings/expire-suppressions";

export const POST = withAuth(async () => Response.json({ expired: await expireSuppressions() }), { role: "ADMIN" });
