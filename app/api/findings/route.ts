// GET /api/findings?<filter>&sort=&dir=&cursor=&limit= – one keyset page of findings (any role)
import { withAuth } from "@/server/auth/guard";
import { parseFindingFilter, parsePaging } from "@/server/findings/filters";
import { listFindings } from "@/server/findings/list-findings";

export const GET = withAuth(
  async (request, { user }) => {
    const params = new URL(request.url).searchParams;
    const result = await listFindings(parseFindingFilter(params), parsePaging(params), { userId: user.id });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
  { role: "VIEWER" },
);
