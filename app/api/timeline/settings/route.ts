// GET /api/timeline/settings – event retention (any role); PUT – change it (ADMIN, audited)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { getTimelineSettings, updateTimelineSettings } from "@/server/timeline/retention";

const ZSettings = z.object({ retentionDays: z.number().int().min(30).max(3650) }).strict();

export const GET = withAuth(async () => Response.json(await getTimelineSettings()), { role: "VIEWER" });

export const PUT = withAuth(
  async (request, { user }) => Response.json(await updateTimelineSettings({ actor: user, ...(await parseJsonBody(request, ZSettings)), ip: clientIp(request.headers) })),
  { role: "ADMIN" },
);
