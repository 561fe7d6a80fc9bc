// GET /api/checklists/baseline/:accountId/:check – one cell's evidence, per region (any role)
import { withAuth } from "@/server/auth/guard";
import { getBaselineCell } from "@/server/checklists/baseline/baseline-matrix";
import { ZBaselineCellParams } from "@/server/checklists/baseline/baseline.schema";

export const GET = withAuth<{ accountId: string; check: string }>(async (_request, { params }) => {
  const { accountId, check } = ZBaselineCellParams.parse(params);
  return Response.json(await getBaselineCell(accountId, check), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
