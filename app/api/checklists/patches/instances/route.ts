// GET /api/checklists/patches/instances – managed instances with their patch state; filters and paging in the query string (any role)
import { withAuth } from "@/server/auth/guard";
import { listPatchInstances } from "@/server/checklists/patches/list-patch-instances";
import { ZInstanceQuery } from "@/server/checklists/patches/patches.types";

export const GET = withAuth(async (request) => {
  const query = ZInstanceQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listPatchInstances(query), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
