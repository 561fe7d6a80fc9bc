import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSyncRun } from "./sync-api";
import { CountCells, CountHeaders, COUNT_COLUMNS, RunError, td, th } from "./sync-run-cells";
import { SyncStatusBadge } from "./sync-status-badge";
import { useSyncFormat } from "./use-sync-format";

const COLUMNS = 5 + COUNT_COLUMNS.length;

/** The most recent runs, newest first, as the server sends them. */
export function SyncRunsTable({ runs, now }: { runs: TSyncRun[]; now: string }) {
  const t = useTranslations("sync");
  const f = useSyncFormat();

  return (
    <section aria-labelledby="sync-recent-title" className="flex flex-col gap-3">
      <div>
        <h2 id="sync-recent-title" className="text-lg font-semibold">
          {t("recent.title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("recent.description", { count: runs.length })}</p>
      </div>
      {runs.length === 0 ? (
        <EmptyState headingLevel="h3" title={t("recent.empty.title")} description={t("recent.empty.body")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-card">
          <table className="w-full min-w-[70rem] border-collapse text-sm" data-testid="sync-runs-table">
            <caption className="sr-only">{t("recent.title")}</caption>
            <thead className="bg-muted/60">
              <tr>
                <th scope="col" className={th}>
                  {t("columns.started")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.source")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.scope")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.trigger")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.status")}
                </th>
                <CountHeaders />
              </tr>
            </thead>
            {runs.map((run) => (
              <tbody key={run.id} className="border-t border-border">
                <tr
                  data-testid="sync-run-row"
                  data-kind={run.kind}
                  data-scope={run.scope}
                  data-status={run.status}
                  data-trigger={run.trigger}
                >
                  <td className={cn(td, "text-xs")}>
                    <DateTime value={run.startedAt} now={now} />
                  </td>
                  <th scope="row" className={cn(td, "text-left font-medium whitespace-nowrap")}>
                    {f.source(run.kind)}
                  </th>
                  <td className={cn(td, "font-mono text-xs whitespace-nowrap")}>{f.scope(run.scope)}</td>
                  <td className={cn(td, "whitespace-nowrap")}>{f.trigger(run.trigger)}</td>
                  <td className={td}>
                    <SyncStatusBadge status={run.status} />
                  </td>
                  <CountCells run={run} />
                </tr>
                {run.status === "FAILED" ? <RunError run={run} testId="sync-run-error" columns={COLUMNS} /> : null}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
