// DELETE /api/checklists/eol/ical/:id – revoke a feed: its URL answers 404 from now on (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { revokeIcalFeed } from "@/server/checklists/eol/ical-feeds";
import { clientIp } from "@/server/http/client-info";

export const DELETE = withAuth<{ id: string }>(async (request, { user, params }) => {
  await revokeIcalFeed(params.id, { user, ip: clientIp(request.headers) });
  return new Response(null, { status: 204 });
}, { role: "ANALYST" });
