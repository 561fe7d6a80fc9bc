// GET /api/checklists/eol/discover – the latest AWS discovery run: status, counts, per-scope failures (any role)
// POST /api/checklists/eol/discover – start a discovery run now; 202 with its id, 409 while one runs (ANALYST)
import { recordAudit } from "@/server/audit/record-audit";
import { withAuth } from "@/server/auth/guard";
import { discoveryRun, startEolDiscovery } from "@/server/checklists/eol/run-discovery";
import { clientIp } from "@/server/http/client-info";

export const GET = withAuth(async () => Response.json({ run: await discoveryRun() }, { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });

export const POST = withAuth(async (request, { user }) => {
  const { runId } = await startEolDiscovery();
  await recordAudit({ actor: user, action: "eol.discovery.start", target: { type: "syncRun", id: runId }, ip: clientIp(request.headers) });
  return Response.json({ run: await discoveryRun(runId) }, { status: 202 });
}, { role: "ANALYST" });
