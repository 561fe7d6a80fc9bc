// GET /api/notifications?cursor=&limit=&failed= – recent digests with each channel's delivery, newest first (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { listDigests } from "@/server/notifications/list-deliveries";
import { ZDigestListQuery } from "@/server/notifications/notifications.types";

export const GET = withAuth(
  async (request) => {
    const query = ZDigestListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const page = await listDigests({ cursor: query.cursor, limit: query.limit, failedOnly: query.failed });
    return Response.json(page, { headers: { "Cache-Control": "no-store" } });
  },
  { role: "ADMIN" },
);
