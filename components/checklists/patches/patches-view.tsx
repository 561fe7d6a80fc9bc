"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { RotateCw, ServerCog, TriangleExclamationPoint } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { INSTANCE_SORTS, type TInstanceSort } from "@/server/checklists/patches/patches.types";
import { CollectControl } from "./collect-control";
import { InstanceFilters } from "./instance-filters";
import { InstanceTable } from "./instance-table";
import type { TPatchCounts, TPatchSummary } from "./patches-api";
import { RollupTable } from "./rollup-table";
import { StaleSetting } from "./stale-setting";
import { SummaryTiles } from "./summary-tiles";
import { TrendChart } from "./trend-chart";
import { usePatchCollection, usePatchInstances, usePatchSummary, usePatchTrend } from "./use-patches";
import { usePatchesParams } from "./use-patches-params";

/** "Now" for "collected … ago": the server's render time first, then the browser clock every minute. */
function useNow(renderedAt: string): string {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The Patches tab: summary tiles, trend, roll-ups by account or OU, the instance list (filters in the URL), "Collect now"
 * and the stale setting. Test hooks: patches-panel, patches-loading, patches-error, patches-retry, patches-as-of,
 * patches-not-collected, instances-loading, instances-empty, instances-error, plus those of the child components.
 */
export function PatchesView({ initial, renderedAt, canCollect, canEditSetting }: { initial?: TPatchSummary; renderedAt: string; canCollect: boolean; canEditSetting: boolean }) {
  const t = useTranslations("checklistsPatches");
  const errorMessage = useApiErrorMessage();
  const now = useNow(renderedAt);
  const { params, update, instanceQuery, trendQuery, by } = usePatchesParams();
  const summary = usePatchSummary(initial, renderedAt);
  const collection = usePatchCollection(initial?.lastCollection ?? null);
  const instances = usePatchInstances(instanceQuery);
  const trend = usePatchTrend(trendQuery);

  if (!summary.data && !summary.isError) {
    return (
      <div role="status" aria-live="polite" data-testid="patches-loading" className="flex flex-col gap-4">
        <span className="sr-only">{t("loading")}</span>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-6">{Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-24" />)}</div>
        <Skeleton className="h-56 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (!summary.data) {
    return (
      <div role="alert" data-testid="patches-error" className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft p-6">
        <h2 className="flex items-center gap-2 text-lg font-semibold text-danger dark:text-red-300">
          <TriangleExclamationPoint aria-hidden="true" className="size-5" />
          {t("errorTitle")}
        </h2>
        <p className="max-w-prose text-base">{errorMessage(summary.error)}</p>
        <Button variant="secondary" onClick={() => void summary.refetch()} data-testid="patches-retry">
          <RotateCw aria-hidden="true" className="size-4" />
          {t("retry")}
        </Button>
      </div>
    );
  }

  const s = summary.data;
  const current = collection.data?.collection ?? s.lastCollection;
  // A collection that ended after the page was rendered must not read "in 4 seconds".
  const at = [now, s.asOf, current?.finishedAt].filter((v): v is string => Boolean(v)).sort().at(-1)!;
  const account = params.get("account");
  const ou = params.get("ou");
  const accountRow = account ? s.accounts.find((a) => a.accountId === account) : undefined;
  const ouRow = ou ? s.ous.find((o) => o.ouId === ou) : undefined;
  const accountName = (id: string) => s.accounts.find((a) => a.accountId === id)?.accountName ?? id;
  const ouName = (id: string) => s.ous.find((o) => o.ouId === id)?.name ?? id;
  const scopeLabel = account ? accountName(account) : ou ? ouName(ou) : t("organization");
  const counts: TPatchCounts = accountRow ?? ouRow ?? s.organization;
  const regions = [...new Set(s.accounts.flatMap((a) => a.regions.map((r) => r.region)))].sort();
  const sortParam = params.get("sort");
  const sort: TInstanceSort = INSTANCE_SORTS.find((k) => k === sortParam) ?? "state";
  const dir = params.get("dir") === "desc" ? "desc" : "asc";
  const neverCollected = !s.asOf && s.organization.instances === 0;

  return (
    <section aria-labelledby="patches-heading" data-testid="patches-panel" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h2 id="patches-heading" className="text-lg font-semibold">{t("title")}</h2>
          <p className="text-sm text-muted-foreground" data-testid="patches-as-of">
            {s.asOf ? <>{t("asOf")} <DateTime value={s.asOf} now={at} variant="relative" /></> : t("neverCollected")}
            {" · "}{t("staleAfter", { days: s.staleDays })}
          </p>
        </div>
        <CollectControl collection={current} canCollect={canCollect} now={at} />
      </div>
      {!canCollect ? <Alert tone="info" role="note" data-testid="patches-read-only">{t("readOnly")}</Alert> : null}
      {summary.isRefetchError ? <Alert tone="danger">{t("refreshError", { message: errorMessage(summary.error) })}</Alert> : null}

      {neverCollected ? (
        <EmptyState
          icon={ServerCog}
          headingLevel="h3"
          title={t("empty.title")}
          description={canCollect ? t("empty.body") : t("empty.bodyViewer")}
          className="[&]:py-10"
        />
      ) : (
        <>
          <SummaryTiles counts={counts} scopeLabel={scopeLabel} active={params.get("state")} onState={(state) => update({ state })} />
          <TrendChart trend={trend.data} scopeLabel={scopeLabel} loading={trend.isLoading} />
          <RollupTable by={by} accounts={s.accounts} ous={s.ous} onBy={(value) => update({ by: value === "ou" ? "ou" : null })}
            onFilter={(filter) => update(Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v ?? null])))} />

          <section aria-labelledby="instances-heading" className="flex flex-col gap-3">
            <h3 id="instances-heading" className="text-base font-semibold">{t("instances.title")}</h3>
            <InstanceFilters params={params} regions={regions} accountName={accountName} ouName={ouName} onChange={update} />
            {instances.isError && !instances.data ? (
              <Alert tone="danger" data-testid="instances-error">
                {t("instances.error", { message: errorMessage(instances.error) })}{" "}
                <Button variant="link" onClick={() => void instances.refetch()}>{t("retry")}</Button>
              </Alert>
            ) : !instances.data ? (
              <div role="status" data-testid="instances-loading"><span className="sr-only">{t("instances.loading")}</span><Skeleton className="h-64 w-full" /></div>
            ) : instances.data.total === 0 ? (
              <EmptyState headingLevel="h3" title={t("instances.emptyTitle")} description={t("instances.emptyBody")} className="py-8" />
            ) : (
              <div aria-busy={instances.isFetching} className={instances.isPlaceholderData ? "opacity-60" : undefined}>
                <InstanceTable page={instances.data} sort={sort} dir={dir} now={s.referenceAt}
                  onSort={(key, d) => update({ sort: key, dir: d })} onPage={(page) => update({ page: String(page) })} />
              </div>
            )}
          </section>
        </>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <details className="rounded-lg border border-border bg-card p-4 text-sm" data-testid="patches-help">
          <summary className="cursor-pointer font-semibold">{t("help.title")}</summary>
          <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
            <li>{t("help.compliant")}</li>
            <li>{t("help.nonCompliant")}</li>
            <li>{t("help.stale", { days: s.staleDays })}</li>
            <li>{t("help.pct")}</li>
            <li>{t("help.source")}</li>
          </ul>
        </details>
        {canEditSetting ? <StaleSetting staleDays={s.staleDays} /> : null}
      </div>
    </section>
  );
}
