// POST /api/findings/actions – a triage action (status, assign, note, suppress, unsuppress) on ids or on every finding of a filter (ANALYST)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { handleTriageRequest } from "@/server/findings/triage-request";
import { clientInfo } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const POST = withAuth(
  async (request, { user }) => {
    const body = await parseJsonBody(request, z.unknown());
    return Response.json(await handleTriageRequest(body, user, clientInfo(request.headers)));
  },
  { role: "ANALYST" },
);
