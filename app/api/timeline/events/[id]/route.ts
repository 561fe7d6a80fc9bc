// GET /api/timeline/events/:id – one event with its raw record and the findings on the same resources (any role)
import { withAuth } from "@/server/auth/guard";
import { getTimelineEvent } from "@/server/timeline/get-event";

export const GET = withAuth<{ id: string }>(
  async (_request, { params }) => Response.json(await getTimelineEvent(params.id), { headers: { "Cache-Control": "no-store" } }),
  { role: "VIEWER" },
);
