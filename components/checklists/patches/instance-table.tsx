"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import type { TInstancePage, TInstanceSort, TPatchInstanceView, TPatchState } from "./patches-api";

const STATE_TONE: Record<TPatchState, "success" | "danger" | "warning"> = { compliant: "success", noncompliant: "danger", stale: "warning" };

export function StateBadge({ state }: { state: TPatchState }) {
  const t = useTranslations("checklistsPatches.state");
  return <Badge tone={STATE_TONE[state]} data-testid="instance-state" data-state={state}>{t(state)}</Badge>;
}

type TColumn = { key: TInstanceSort | null; label: string; numeric?: boolean };

/**
 * The instance list: sortable headers (aria-sort), per-instance counts, patch group, baseline, the last operation
 * with a stale badge, and a pager. Test hooks: instance-table (data-total), instance-row (data-id, data-state),
 * instance-state, sort-<key>, page-prev, page-next, page-status.
 */
export function InstanceTable({ page, sort, dir, now, onSort, onPage }: {
  page: TInstancePage; sort: TInstanceSort; dir: "asc" | "desc"; now: string;
  onSort: (sort: TInstanceSort, dir: "asc" | "desc") => void; onPage: (page: number) => void;
}) {
  const t = useTranslations("checklistsPatches.instances");
  const format = useFormatter();
  const columns: TColumn[] = [
    { key: "instance", label: t("instance") },
    { key: "account", label: t("account") },
    { key: "state", label: t("state") },
    { key: "missing", label: t("missing"), numeric: true },
    { key: "failed", label: t("failed"), numeric: true },
    { key: "pendingReboot", label: t("pendingReboot"), numeric: true },
    { key: "critical", label: t("critical"), numeric: true },
    { key: "security", label: t("security"), numeric: true },
    { key: "patchGroup", label: t("patchGroup") },
    { key: "lastOperation", label: t("lastOperation") },
  ];
  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.total, page.page * page.pageSize);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));

  const cell = (row: TPatchInstanceView, value: number) => (
    <td className={`px-2 py-1.5 text-right tabular-nums ${value > 0 && row.state !== "stale" ? "font-semibold" : "text-muted-foreground"}`}>{format.number(value)}</td>
  );

  return (
    <div className="flex flex-col gap-2">
      <div className="relative overflow-x-auto rounded-lg border border-border">
        <table data-testid="instance-table" data-total={page.total} className="w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
            <tr>
              {columns.map((c) => {
                const active = c.key !== null && c.key === sort;
                return (
                  <th key={c.label} scope="col" className={c.numeric ? "px-2 py-2 text-right" : "px-3 py-2"} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                    {c.key ? (
                      <button type="button" data-testid={`sort-${c.key}`} className="inline-flex items-center gap-1 rounded hover:text-foreground"
                        onClick={() => onSort(c.key!, active && dir === "asc" ? "desc" : active ? "asc" : c.numeric || c.key === "lastOperation" ? "desc" : "asc")}>
                        {c.label}
                        {active ? (dir === "asc" ? <ArrowUp aria-hidden="true" className="size-3" /> : <ArrowDown aria-hidden="true" className="size-3" />) : <ArrowUpDown aria-hidden="true" className="size-3 opacity-50" />}
                      </button>
                    ) : c.label}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {page.items.map((row) => (
              <tr key={`${row.accountId}/${row.region}/${row.instanceId}`} data-testid="instance-row" data-id={row.instanceId} data-state={row.state}>
                <td className="px-3 py-1.5">
                  <div className="flex flex-col">
                    <span className="max-w-60 truncate" title={[row.computerName, row.platformName].filter(Boolean).join(" · ") || undefined}>{row.computerName || row.instanceId}</span>
                    <span className="font-mono text-xs text-muted-foreground">{row.instanceId}</span>
                  </div>
                </td>
                <td className="px-3 py-1.5">
                  <div className="flex flex-col whitespace-nowrap">
                    <span>{row.accountName ?? row.accountId}</span>
                    <span className="text-xs text-muted-foreground"><span className="font-mono">{row.accountId}</span> · {row.region}</span>
                  </div>
                </td>
                <td className="px-3 py-1.5"><StateBadge state={row.state} /></td>
                {cell(row, row.missing)}
                {cell(row, row.failed)}
                {cell(row, row.pendingReboot)}
                {cell(row, row.critical)}
                {cell(row, row.security)}
                <td className="px-3 py-1.5">
                  <div className="flex flex-col whitespace-nowrap">
                    <span>{row.patchGroup || <span className="text-muted-foreground">{t("noGroup")}</span>}</span>
                    <span className="font-mono text-xs text-muted-foreground" title={row.baselineId ? t("baselineTitle", { id: row.baselineId }) : undefined}>
                      {row.baselineId ? `${row.baselineId.slice(0, 7)}…${row.baselineId.slice(-4)}` : "–"}
                    </span>
                  </div>
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  {row.operationEndAt ? (
                    <div className="flex flex-col gap-0.5">
                      <span className="flex items-center gap-1">
                        <span className="text-xs">{row.operation === "Install" ? t("install") : t("scan")}</span>
                        {row.state === "stale" ? <Badge tone="warning" data-testid="stale-badge">{t("staleBadge")}</Badge> : null}
                      </span>
                      <DateTime value={row.operationEndAt} now={now} variant="relative" className="text-xs text-muted-foreground" />
                    </div>
                  ) : (
                    <span className="flex items-center gap-1"><Badge tone="warning" data-testid="stale-badge">{t("staleBadge")}</Badge><span className="text-xs">{t("neverScanned")}</span></span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("pager")} className="flex items-center justify-between gap-2 text-sm">
        <span data-testid="page-status" aria-live="polite">{t("range", { first, last, total: page.total })}</span>
        <span className="flex gap-2">
          <Button variant="secondary" size="sm" data-testid="page-prev" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>{t("prev")}</Button>
          <Button variant="secondary" size="sm" data-testid="page-next" disabled={page.page >= pages} onClick={() => onPage(page.page + 1)}>{t("next")}</Button>
        </span>
      </nav>
    </div>
  );
}
