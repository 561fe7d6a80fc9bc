// GET /api/suppression-rules – every rule with covers/matches counts (any role); POST – create a rule, applied at once to matching findings (ANALYST)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { createSuppressionRule, listSuppressionRules } from "@/server/findings/suppression-rules";
import { clientInfo } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const GET = withAuth(
  async () => Response.json({ items: await listSuppressionRules() }, { headers: { "Cache-Control": "no-store" } }),
  { role: "VIEWER" },
);

export const POST = withAuth(
  async (request, { user }) => {
    const body = await parseJsonBody(request, z.unknown());
    return Response.json(await createSuppressionRule(body, { user, ...clientInfo(request.headers) }), { status: 201 });
  },
  { role: "ANALYST" },
);
