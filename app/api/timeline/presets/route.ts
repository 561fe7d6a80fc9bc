// GET /api/timeline/presets – the sensitive-event presets (any role)
import { withAuth } from "@/server/auth/guard";
import { listPresets } from "@/server/timeline/presets";

export const GET = withAuth(async () => Response.json({ items: listPresets() }), { role: "VIEWER" });
