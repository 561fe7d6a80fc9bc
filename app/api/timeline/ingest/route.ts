// GET /api/timeline/ingest – ingest progress per account × region (any role); POST – "Sync now" / "Backfill" (ANALYST, audited)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { getIngestStatus } from "@/server/timeline/ingest-status";
import { requestIngest } from "@/server/timeline/request-ingest";

const ZIngestRequest = z.object({ mode: z.enum(["sync", "backfill"]), backfillDays: z.number().int().min(1).max(90).optional() }).strict();

export const GET = withAuth(async () => Response.json(await getIngestStatus(), { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });

export const POST = withAuth(
  async (request, { user }) => {
    const body = await parseJsonBody(request, ZIngestRequest);
    return Response.json(await requestIngest({ actor: user, ...body, ip: clientIp(request.headers) }), { status: 202 });
  },
  { role: "ANALYST" },
);
