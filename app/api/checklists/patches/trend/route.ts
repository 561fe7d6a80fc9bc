// GET /api/checklists/patches/trend – daily % compliant and counts from the snapshots (?account= or ?ou=, ?weeks=12) (any role)
import { withAuth } from "@/server/auth/guard";
import { getPatchTrend } from "@/server/checklists/patches/get-patch-trend";
import { ZTrendQuery } from "@/server/checklists/patches/patches.types";

export const GET = withAuth(async (request) => {
  const query = ZTrendQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getPatchTrend(query), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
