import { getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { hasRole, type TSessionUser } from "@/server/auth/roles.types";
import { getBaselineMatrix } from "@/server/checklists/baseline/baseline-matrix";
import { firstParams, ZBaselineFilter } from "@/server/checklists/baseline/baseline.schema";
import type { TBaselineFilter } from "@/server/checklists/baseline/baseline.types";
import { BaselineMatrix } from "./baseline-matrix";
import { EvaluateButton } from "./evaluate-button";

/*
 * The Baseline tab of the Checklists page (server component): the latest evaluation as a matrix accounts × checks,
 * filters in the URL (?ou=&account=&status=), the drill-down per cell (?cell=<accountId>.<check>), "Evaluate now"
 * for ANALYST and ADMIN. Test hooks: baseline-panel, baseline-summary, baseline-evaluated-at, baseline-filter-error,
 * baseline-viewer-note, baseline-last-run-error, plus those of BaselineMatrix, BaselineCellDialog and EvaluateButton.
 */
export async function BaselinePanel({ user, params }: { user: TSessionUser; params: Record<string, string | string[] | undefined> }) {
  const t = await getTranslations("checklistsBaseline");
  const parsed = ZBaselineFilter.safeParse(firstParams(params));
  const filter: TBaselineFilter = parsed.success ? parsed.data : {};
  const matrix = await getBaselineMatrix(filter);
  const canEvaluate = hasRole(user.role, "ANALYST");
  const now = new Date().toISOString();
  const hasResults = matrix.evaluatedAt !== null;
  return (
    <section aria-labelledby="tab-baseline-heading" data-testid="baseline-panel" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-1">
          <h2 id="tab-baseline-heading" className="text-lg font-semibold">{t("title")}</h2>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
          <p className="flex flex-wrap items-center gap-x-3 text-sm">
            <span data-testid="baseline-evaluated-at" className="inline-flex items-center gap-1">
              {t("evaluatedAt")}: {matrix.evaluatedAt ? <DateTime value={matrix.evaluatedAt} now={now} variant="relative" /> : t("neverEvaluated")}
            </span>
            {hasResults ? (
              <span data-testid="baseline-summary" className="text-muted-foreground">
                {t("totals", { pass: matrix.totals.PASS, fail: matrix.totals.FAIL, unknown: matrix.totals.UNKNOWN })}
              </span>
            ) : null}
          </p>
        </div>
        <div className="ml-auto">
          {canEvaluate ? <EvaluateButton /> : <p data-testid="baseline-viewer-note" className="max-w-xs text-sm text-muted-foreground">{t("evaluate.viewerNote")}</p>}
        </div>
      </div>
      {!parsed.success ? (
        <Alert tone="info" data-testid="baseline-filter-error">{t("filters.invalid", { message: parsed.error.issues.map((i) => i.message).join("; ") })}</Alert>
      ) : null}
      {matrix.lastRun?.status === "FAILED" ? (
        <Alert tone="danger" data-testid="baseline-last-run-error">{t("lastRunFailed", { error: matrix.lastRun.error ?? "" })}</Alert>
      ) : null}
      {hasResults ? (
        <BaselineMatrix matrix={matrix} filter={filter} now={now} />
      ) : (
        <EmptyState headingLevel="h3" icon={ShieldCheck} title={t("empty.title")} description={canEvaluate ? t("empty.analyst") : t("empty.viewer")} />
      )}
    </section>
  );
}
