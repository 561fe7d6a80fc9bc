// GET /api/compliance/scores – current scores per standard for the organization, OUs and accounts (?ou= limits the accounts) (any role)
import { withAuth } from "@/server/auth/guard";
import { ZScoresQuery } from "@/server/compliance/compliance.types";
import { getComplianceScores } from "@/server/compliance/get-compliance-scores";

export const GET = withAuth(async (request) => {
  const query = ZScoresQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getComplianceScores(query), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
