// GET /api/eol/ical/:token – the EOL calendar as iCal for a secret feed URL (no session: the token is the key; unknown or revoked → 404)
import { withErrors } from "@/server/auth/guard";
import { icalForToken } from "@/server/checklists/eol/ical-feeds";
import { errorResponse } from "@/server/http/to-response";

export const dynamic = "force-dynamic";

export const GET = withErrors<{ token: string }>(async (_request, { params }) => {
  const body = await icalForToken(params.token.replace(/\.ics$/, ""));
  if (body === null) return errorResponse(404, "NOT_FOUND", "No such calendar feed.");
  return new Response(body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="kanshi-eol.ics"', "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
});
