// POST /api/checklists/baseline/evaluate – evaluate the baseline of every account and region now; returns the summary (ANALYST, audited)
import { withAuth } from "@/server/auth/guard";
import { evaluateBaselineNow } from "@/server/checklists/baseline/evaluate-now";
import { clientInfo } from "@/server/http/client-info";

export const POST = withAuth(async (request, { user }) => Response.json(await evaluateBaselineNow(user, clientInfo(request.headers))), { role: "ANALYST" });
