// GET /api/users – every user with role and state (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { listUsers } from "@/server/users/list-users";

export const GET = withAuth(async () => Response.json({ items: await listUsers() }), { role: "ADMIN" });
