// GET /api/checklists – recurring checklists with the current period and each item's state (any role)
import { withAuth } from "@/server/auth/guard";
import { listChecklists } from "@/server/checklists/recurring/checklists";

export const GET = withAuth(async () => Response.json({ items: await listChecklists() }, { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });
