// GET /api/checklists/baseline – the account security baseline matrix (accounts × checks) ?ou=&account=&status= (any role)
import { withAuth } from "@/server/auth/guard";
import { getBaselineMatrix } from "@/server/checklists/baseline/baseline-matrix";
import { firstParams, ZBaselineFilter } from "@/server/checklists/baseline/baseline.schema";

export const GET = withAuth(async (request) => {
  const filter = ZBaselineFilter.parse(firstParams(new URL(request.url).searchParams));
  return Response.json(await getBaselineMatrix(filter), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
