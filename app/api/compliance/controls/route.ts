// GET /api/compliance/controls – failing controls of a scope and standard with links to their findings (?standard=fsbp, ?account= or ?ou=) (any role)
import { withAuth } from "@/server/auth/guard";
import { ZControlsQuery } from "@/server/compliance/compliance.types";
import { listFailingControls } from "@/server/compliance/list-failing-controls";

export const GET = withAuth(async (request) => {
  const query = ZControlsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listFailingControls(query), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
