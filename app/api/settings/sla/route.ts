// GET /api/settings/sla – the SLA policy (any role; ?critical=&high=&medium=&low= adds a preview of those days); PUT – change it, due dates recomputed (ADMIN)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { getSlaPolicy, parseSlaDays, previewSlaPolicy, updateSlaPolicy } from "@/server/findings/sla-policy";
import { SLA_SEVERITIES } from "@/server/findings/triage-settings.types";
import { clientInfo } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = withAuth(
  async (request) => {
    const params = new URL(request.url).searchParams;
    const policy = await getSlaPolicy();
    if (!SLA_SEVERITIES.some((key) => params.has(key))) return Response.json(policy, { headers: NO_STORE });
    const days = parseSlaDays(Object.fromEntries(params), { fromQuery: true });
    return Response.json({ ...policy, preview: await previewSlaPolicy(days) }, { headers: NO_STORE });
  },
  { role: "VIEWER" },
);

export const PUT = withAuth(
  async (request, { user }) => {
    const body = await parseJsonBody(request, z.unknown());
    return Response.json(await updateSlaPolicy(body, { user, ...clientInfo(request.headers) }));
  },
  { role: "ADMIN" },
);
