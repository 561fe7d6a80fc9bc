"use client";

import { Fragment, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { ChevronDown, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/lib/cn";
import type { TAccountRollup, TOuRollup, TPatchCounts } from "./patches-api";
import { PctBar } from "./pct-bar";

type TFilter = { account?: string | null; ou?: string | null; region?: string | null; state?: string | null };

/**
 * Roll-ups by account (with its regions) or by OU (sub-OUs included), worst first for accounts; names and counts
 * filter the instance list. Test hooks: rollup-table (data-by), rollup-row (data-account | data-ou | data-region),
 * rollup-by-account, rollup-by-ou, rollup-noncompliant.
 */
export function RollupTable({ by, accounts, ous, onBy, onFilter }: {
  by: "account" | "ou"; accounts: TAccountRollup[]; ous: TOuRollup[]; onBy: (by: "account" | "ou") => void; onFilter: (filter: TFilter) => void;
}) {
  const t = useTranslations("checklistsPatches.rollup");
  const format = useFormatter();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setOpen((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  const figures = (row: TPatchCounts, filter: TFilter) => (
    <>
      <td className="px-3 py-2 text-right tabular-nums">{format.number(row.instances)}</td>
      <td className="px-3 py-2"><PctBar value={row.pctCompliant} /></td>
      <td className="px-3 py-2 text-right tabular-nums">
        {row.nonCompliant > 0 ? (
          <Button variant="link" data-testid="rollup-noncompliant" className="font-semibold text-danger dark:text-red-300" onClick={() => onFilter({ ...filter, state: "noncompliant" })}
            aria-label={t("showNonCompliant", { count: row.nonCompliant })}>
            {format.number(row.nonCompliant)}
          </Button>
        ) : <span className="text-muted-foreground">0</span>}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">
        {row.stale > 0 ? (
          <Button variant="link" className="text-warning-foreground" onClick={() => onFilter({ ...filter, state: "stale" })} aria-label={t("showStale", { count: row.stale })}>
            {format.number(row.stale)}
          </Button>
        ) : <span className="text-muted-foreground">0</span>}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{format.number(row.missing)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{format.number(row.failed)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{format.number(row.pendingReboot)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{format.number(row.critical)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{format.number(row.security)}</td>
    </>
  );

  return (
    <section aria-labelledby="rollup-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="rollup-heading" className="text-base font-semibold">{by === "ou" ? t("titleOu") : t("titleAccount")}</h3>
        <div role="group" aria-label={t("byLabel")} className="inline-flex rounded-md border border-border p-0.5">
          {(["account", "ou"] as const).map((value) => (
            <button key={value} type="button" data-testid={`rollup-by-${value}`} aria-pressed={by === value} onClick={() => onBy(value)}
              className={cn("rounded px-3 py-1 text-sm", by === value ? "bg-primary text-primary-foreground" : "hover:bg-accent")}>
              {value === "ou" ? t("byOu") : t("byAccount")}
            </button>
          ))}
        </div>
      </div>
      <div className="relative overflow-x-auto rounded-lg border border-border">
        <table data-testid="rollup-table" data-by={by} className="w-full text-sm">
          <caption className="sr-only">{by === "ou" ? t("titleOu") : t("titleAccount")}</caption>
          <thead className="bg-muted/50 text-left text-xs whitespace-nowrap text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-2">{by === "ou" ? t("ou") : t("account")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("instances")}</th>
              <th scope="col" className="px-3 py-2">{t("pctCompliant")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("nonCompliant")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("stale")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("missing")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("failed")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("pendingReboot")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("critical")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("security")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {by === "account" ? accounts.map((a) => (
              <Fragment key={a.accountId}>
                <tr data-testid="rollup-row" data-account={a.accountId}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="flex items-center gap-1">
                      <button type="button" onClick={() => toggle(a.accountId)} aria-expanded={open.has(a.accountId)} className="rounded p-0.5 hover:bg-accent"
                        aria-label={t("regions", { name: a.accountName ?? a.accountId })}>
                        {open.has(a.accountId) ? <ChevronDown aria-hidden="true" className="size-4" /> : <ChevronRight aria-hidden="true" className="size-4" />}
                      </button>
                      <Button variant="link" onClick={() => onFilter({ account: a.accountId, ou: null, region: null, state: null })} aria-label={t("showAccount", { name: a.accountName ?? a.accountId })}>
                        {a.accountName ?? a.accountId}
                      </Button>
                      <span className="font-mono text-xs text-muted-foreground">{a.accountId}</span>
                    </span>
                  </th>
                  {figures(a, { account: a.accountId, ou: null, region: null })}
                </tr>
                {open.has(a.accountId) ? a.regions.map((r) => (
                  <tr key={r.region} data-testid="rollup-row" data-region={`${a.accountId}/${r.region}`} className="bg-muted/30">
                    <th scope="row" className="py-2 pr-3 pl-12 text-left font-normal">
                      <Button variant="link" onClick={() => onFilter({ account: a.accountId, region: r.region, ou: null, state: null })}>{r.region}</Button>
                    </th>
                    {figures(r, { account: a.accountId, region: r.region, ou: null })}
                  </tr>
                )) : null}
              </Fragment>
            )) : ous.map((o) => (
              <tr key={o.ouId} data-testid="rollup-row" data-ou={o.ouId}>
                <th scope="row" className="px-3 py-2 text-left font-normal" style={{ paddingLeft: `${0.75 + o.depth * 1.25}rem` }}>
                  <Button variant="link" onClick={() => onFilter({ ou: o.ouId, account: null, region: null, state: null })} aria-label={t("showOu", { name: o.name })}>{o.name}</Button>
                  <span className="ml-2 text-xs text-muted-foreground">{t("accounts", { count: o.accounts })}</span>
                </th>
                {figures(o, { ou: o.ouId, account: null, region: null })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
