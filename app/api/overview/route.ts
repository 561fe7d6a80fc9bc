// GET /api/overview – the overview's figures from the summary tables: KPIs, weekly trends, age buckets, compliance trend, open CRITICAL/HIGH by account and OU (any role)
import { withAuth } from "@/server/auth/guard";
import { getOverview } from "@/server/overview/get-overview";

export const GET = withAuth(async () => {
  return Response.json(await getOverview(), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
