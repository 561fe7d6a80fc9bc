// GET /api/compliance/trend – daily scores per standard from the snapshots (?account= or ?ou=, ?standard=, ?weeks=12) (any role)
import { withAuth } from "@/server/auth/guard";
import { ZTrendQuery } from "@/server/compliance/compliance.types";
import { getComplianceTrend } from "@/server/compliance/get-compliance-trend";

export const GET = withAuth(async (request) => {
  const query = ZTrendQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getComplianceTrend(query), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
