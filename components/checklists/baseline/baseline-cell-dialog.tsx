"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ExternalLink } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { Modal } from "@/components/ui/modal";
import { Skeleton } from "@/components/ui/skeleton";
import { ACCOUNT_LEVEL_CHECKS, CHECK_CONTROLS, isBaselineProblem, type TBaselineCheck } from "@/server/checklists/baseline/baseline.types";
import { baselineKeys, fetchCell, findingsHref } from "./baseline-api";
import { BaselineEvidence } from "./baseline-evidence";
import { BaselineStatus } from "./baseline-status";

/**
 * The drill-down of one cell: each region's result with its evidence, the reason for an unknown, and
 * the findings of a failing area. Test hooks: baseline-cell-dialog, baseline-region (data-region,
 * data-status), baseline-reason, baseline-problem, baseline-findings-link, baseline-cell-error.
 */
export function BaselineCellDialog({ accountId, accountName, check, now, onClose }: { accountId: string; accountName: string; check: TBaselineCheck; now: string; onClose: () => void }) {
  const t = useTranslations("checklistsBaseline");
  const query = useQuery({ queryKey: baselineKeys.cell(accountId, check), queryFn: ({ signal }) => fetchCell(accountId, check, signal) });
  const cell = query.data;
  const accountLevel = ACCOUNT_LEVEL_CHECKS.includes(check);
  const evaluatedIn = cell?.regions.find((r) => typeof r.evidence.evaluatedIn === "string")?.evidence.evaluatedIn as string | undefined;
  return (
    <Modal open onClose={onClose} size="lg" testId="baseline-cell-dialog" title={t("cell.title", { check: t(`checks.${check}`), account: accountName })} description={t(`checkDescriptions.${check}`)}>
      {query.isPending ? (
        <div aria-busy="true" className="space-y-2">
          <p className="sr-only">{t("cell.loading")}</p>
          <Skeleton className="h-6 w-1/2" />
          <Skeleton className="h-20 w-full" />
        </div>
      ) : query.isError ? (
        <Alert tone="danger" data-testid="baseline-cell-error">
          <p>{t("cell.error", { message: query.error.message })}</p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={() => void query.refetch()}>{t("cell.retry")}</Button>
        </Alert>
      ) : cell ? (
        <div className="space-y-4">
          <p className="font-mono text-xs text-muted-foreground">{accountId}</p>
          {accountLevel && evaluatedIn ? <p className="text-sm text-muted-foreground">{t("cell.accountLevel", { region: evaluatedIn })}</p> : null}
          {cell.status === "FAIL" ? (
            <div className="rounded-md border border-border px-3 py-2 text-sm">
              <Link href={findingsHref(accountId, check)} data-testid="baseline-findings-link" className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline">
                {t("cell.findingsLink")}
                <ExternalLink aria-hidden="true" className="size-3.5" />
              </Link>
              <p className="text-xs text-muted-foreground">{t("cell.findingsHelp", { controls: CHECK_CONTROLS[check].join(", ") })}</p>
            </div>
          ) : null}
          <ul className="space-y-3">
            {cell.regions.map((r) => (
              <li key={r.region} data-testid="baseline-region" data-region={r.region} data-status={r.status} className="rounded-md border border-border p-3">
                <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-mono text-sm font-semibold">{r.region}</h3>
                  <div className="flex items-center gap-3 text-xs text-muted-foreground">
                    <span>
                      {t("cell.evaluated")} <DateTime value={r.evaluatedAt} now={now} variant="relative" />
                    </span>
                    <BaselineStatus status={r.status} />
                  </div>
                </div>
                {isBaselineProblem(r.evidence.problem) ? (
                  <p data-testid="baseline-problem" className="mb-2 text-sm font-medium">{t(`problems.${r.evidence.problem}`)}</p>
                ) : null}
                {r.error ? (
                  <div data-testid="baseline-reason" className="mb-2 rounded border border-border bg-muted px-2 py-1.5 text-sm">
                    <p className="font-medium">{t("cell.reason")}: <span className="font-mono">{r.error.code}</span></p>
                    <p className="font-mono text-xs break-all">{r.error.message}</p>
                    <p className="mt-1 text-xs text-muted-foreground">{t("cell.reasonHelp")}</p>
                  </div>
                ) : (
                  <section aria-label={t("cell.evidence")}>
                    <BaselineEvidence evidence={r.evidence} />
                  </section>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Modal>
  );
}
