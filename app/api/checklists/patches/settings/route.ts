// GET /api/checklists/patches/settings – the stale threshold (any role); PUT { staleDays } – change it, audited (ADMIN)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { getPatchSetting, updatePatchSetting } from "@/server/checklists/patches/patch-settings";
import { clientInfo } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const GET = withAuth(async () => Response.json(await getPatchSetting(), { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });

export const PUT = withAuth(
  async (request, { user }) => Response.json(await updatePatchSetting(await parseJsonBody(request, z.unknown()), { user, ...clientInfo(request.headers) })),
  { role: "ADMIN" },
);
