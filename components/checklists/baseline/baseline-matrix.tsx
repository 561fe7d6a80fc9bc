"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label, Select } from "@/components/ui/field";
import { cn } from "@/components/lib/cn";
import { BASELINE_CHECKS, BASELINE_STATUSES, type TBaselineCheck, type TBaselineFilter, type TBaselineMatrix } from "@/server/checklists/baseline/baseline.types";
import { parseCellParam } from "./baseline-api";
import { BaselineCellDialog } from "./baseline-cell-dialog";
import { BaselineStatus } from "./baseline-status";

/**
 * The matrix accounts × checks with its filters (OU, account, status: in the URL) and the drill-down
 * (?cell=<accountId>.<check>). Test hooks: baseline-filter-<ou|account|status>, baseline-clear-filters,
 * baseline-matrix, baseline-row (data-account), baseline-cell (data-account, data-check, data-status).
 */
export function BaselineMatrix({ matrix, filter, now }: { matrix: TBaselineMatrix; filter: TBaselineFilter; now: string }) {
  const t = useTranslations("checklistsBaseline");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const open = parseCellParam(params.get("cell"));

  const setParam = useCallback((name: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("cell");
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
  }, [params, pathname, router]);

  // Opening and closing the drill-down changes only the URL (shareable), without reloading the matrix.
  const setCell = (value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set("cell", value);
    else next.delete("cell");
    window.history.replaceState(null, "", `${pathname}?${next}`);
  };
  const filtered = Boolean(filter.ou || filter.account || filter.status);
  const openRow = open ? matrix.rows.find((r) => r.accountId === open.accountId) : undefined;

  return (
    <div className="space-y-4">
      <form role="search" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <div className="flex flex-col gap-1">
          <Label htmlFor="baseline-ou">{t("filters.ou")}</Label>
          <Select id="baseline-ou" data-testid="baseline-filter-ou" className="w-44" value={filter.ou ?? ""} onChange={(e) => setParam("ou", e.target.value || null)}>
            <option value="">{t("filters.all")}</option>
            {matrix.ous.map((ou) => <option key={ou.id} value={ou.id}>{ou.name}</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="baseline-account">{t("filters.account")}</Label>
          <Select id="baseline-account" data-testid="baseline-filter-account" className="w-56" value={filter.account ?? ""} onChange={(e) => setParam("account", e.target.value || null)}>
            <option value="">{t("filters.all")}</option>
            {matrix.accounts.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.id})</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="baseline-status">{t("filters.status")}</Label>
          <Select id="baseline-status" data-testid="baseline-filter-status" className="w-36" value={filter.status ?? ""} onChange={(e) => setParam("status", e.target.value || null)}>
            <option value="">{t("filters.all")}</option>
            {BASELINE_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </Select>
        </div>
        {filtered ? (
          <Button variant="ghost" data-testid="baseline-clear-filters" onClick={() => startTransition(() => router.replace(`${pathname}?tab=baseline`, { scroll: false }))}>
            {t("filters.clear")}
          </Button>
        ) : null}
      </form>

      {matrix.rows.length === 0 ? (
        <EmptyState headingLevel="h3" title={t("empty.filteredTitle")} description={t("empty.filtered")} />
      ) : (
        <div className={cn("max-h-[70vh] overflow-auto rounded-lg border border-border", pending && "opacity-60")} aria-busy={pending}>
          <table data-testid="baseline-matrix" className="w-full border-separate border-spacing-0 text-sm">
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="sticky top-0 left-0 z-20 border-b border-border bg-card px-3 py-2 text-left font-medium">{t("table.account")}</th>
                {BASELINE_CHECKS.map((check) => (
                  <th key={check} scope="col" title={t(`checkDescriptions.${check}`)} className="sticky top-0 z-10 border-b border-border bg-card px-3 py-2 text-left font-medium whitespace-nowrap">
                    {t(`checks.${check}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.accountId} data-testid="baseline-row" data-account={row.accountId} className="hover:bg-muted/50">
                  <th scope="row" className="sticky left-0 z-[5] border-b border-border bg-card px-3 py-2 text-left font-normal">
                    <div className="font-medium">{row.accountName}</div>
                    <div className="font-mono text-xs text-muted-foreground">{row.accountId}</div>
                    {row.ou ? <div className="text-xs text-muted-foreground">{row.ou.name}</div> : null}
                  </th>
                  {BASELINE_CHECKS.map((check: TBaselineCheck) => {
                    const cell = row.cells[check];
                    const status = cell?.status ?? "none";
                    return (
                      <td key={check} className="border-b border-border px-3 py-2">
                        {cell ? (
                          <button
                            type="button"
                            data-testid="baseline-cell"
                            data-account={row.accountId}
                            data-check={check}
                            data-status={status}
                            aria-label={t("table.openCell", { check: t(`checks.${check}`), account: row.accountName, status: t(`status.${status}`) })}
                            onClick={() => setCell(`${row.accountId}.${check}`)}
                            className="rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                          >
                            <BaselineStatus status={status} />
                          </button>
                        ) : (
                          <BaselineStatus status="none" />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? (
        <BaselineCellDialog
          key={`${open.accountId}.${open.check}`}
          accountId={open.accountId}
          accountName={openRow?.accountName ?? open.accountId}
          check={open.check}
          now={now}
          onClose={() => setCell(null)}
        />
      ) : null}
    </div>
  );
}
