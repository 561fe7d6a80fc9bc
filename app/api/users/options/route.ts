// GET /api/users/options – active users (id, e-mail, name) for owner pickers (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { listUserOptions } from "@/server/checklists/recurring/user-options";

export const GET = withAuth(async () => Response.json({ items: await listUserOptions() }, { headers: { "Cache-Control": "no-store" } }), { role: "ANALYST" });
