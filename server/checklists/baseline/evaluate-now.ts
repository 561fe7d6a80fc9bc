import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import type { TSyncConfig } from "@/server/sync/sync-config";
import type { TEvaluationSummary } from "./baseline.types";
import { evaluateBaseline } from "./evaluate-baseline";

/** "Evaluate now" from the UI (ANALYST+): runs the evaluation and audits who asked and what it found. */
export async function evaluateBaselineNow(
  user: TSessionUser,
  context: { ip?: string | null; userAgent?: string | null; config?: TSyncConfig } = {},
): Promise<TEvaluationSummary> {
  const summary = await evaluateBaseline({ trigger: "manual", config: context.config });
  await recordAudit({
    actor: { id: user.id, email: user.email },
    action: "checklist.baseline.evaluate",
    target: { type: "sync_run", id: summary.runId },
    after: { ok: summary.ok, accounts: summary.accounts, regions: summary.regions, results: summary.results, totals: summary.totals, error: summary.error ?? null },
    ip: context.ip ?? null,
    userAgent: context.userAgent ?? null,
  });
  return summary;
}
