// GET /api/timeline/histogram – event counts per time bucket for the same filters as /events (any role)
import { withAuth } from "@/server/auth/guard";
import { eventHistogram } from "@/server/timeline/search-events";
import { parseTimelineQuery } from "@/server/timeline/timeline.schema";

export const GET = withAuth(
  async (request) => {
    const params = new URL(request.url).searchParams;
    params.delete("cursor");
    params.delete("limit");
    return Response.json(await eventHistogram(parseTimelineQuery(params)), { headers: { "Cache-Control": "no-store" } });
  },
  { role: "VIEWER" },
);
