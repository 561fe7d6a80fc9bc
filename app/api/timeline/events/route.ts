// GET /api/timeline/events – CloudTrail events matching the filters, newest first, keyset-paged (any role)
import { withAuth } from "@/server/auth/guard";
import { searchEvents } from "@/server/timeline/search-events";
import { parseTimelineQuery } from "@/server/timeline/timeline.schema";

export const GET = withAuth(
  async (request) => Response.json(await searchEvents(parseTimelineQuery(new URL(request.url).searchParams)), { headers: { "Cache-Control": "no-store" } }),
  { role: "VIEWER" },
);
