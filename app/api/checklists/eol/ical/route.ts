// GET /api/checklists/eol/ical – active iCal feeds, creation info only (ANALYST)
// POST /api/checklists/eol/ical – create a secret feed URL {name}; the URL is shown once (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { createIcalFeed, listIcalFeeds, ZCreateFeed } from "@/server/checklists/eol/ical-feeds";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const GET = withAuth(async () => Response.json({ items: await listIcalFeeds() }, { headers: { "Cache-Control": "no-store" } }), { role: "ANALYST" });

export const POST = withAuth(async (request, { user }) => {
  const feed = await createIcalFeed(await parseJsonBody(request, ZCreateFeed), { user, ip: clientIp(request.headers) });
  return Response.json({ ...feed, url: new URL(feed.path, request.url).toString() }, { status: 201, headers: { "Cache-Control": "no-store" } });
}, { role: "ANALYST" });
