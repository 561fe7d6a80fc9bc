// GET /api/findings/counts?<filter> – counts by severity for the filter without its severity part (any role)
import { withAuth } from "@/server/auth/guard";
import { parseFindingFilter } from "@/server/findings/filters";
import { countFindings } from "@/server/findings/list-findings";

export const GET = withAuth(
  async (request, { user }) => {
    const filter = parseFindingFilter(new URL(request.url).searchParams);
    return Response.json(await countFindings(filter, { userId: user.id }), { headers: { "Cache-Control": "no-store" } });
  },
  { role: "VIEWER" },
);
