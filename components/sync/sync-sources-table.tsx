import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSyncRun } from "./sync-api";
import { CountCells, CountHeaders, COUNT_COLUMNS, RunError, td, th } from "./sync-run-cells";
import { SyncStatusBadge } from "./sync-status-badge";
import { useSyncFormat } from "./use-sync-format";

const COLUMNS = 4 + COUNT_COLUMNS.length;

/** The newest run of every source and scope; a failed one shows AWS's error under its row. */
export function SyncSourcesTable({ runs, now }: { runs: TSyncRun[]; now: string }) {
  const t = useTranslations("sync");
  const f = useSyncFormat();

  return (
    <section aria-labelledby="sync-sources-title" className="flex flex-col gap-3">
      <div>
        <h2 id="sync-sources-title" className="text-lg font-semibold">
          {t("sources.title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("sources.description")}</p>
      </div>
      {runs.length === 0 ? (
        <EmptyState headingLevel="h3" title={t("sources.empty.title")} description={t("sources.empty.body")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-card">
          <table className="w-full min-w-[64rem] border-collapse text-sm" data-testid="sync-sources-table">
            <caption className="sr-only">{t("sources.title")}</caption>
            <thead className="bg-muted/60">
              <tr>
                <th scope="col" className={th}>
                  {t("columns.source")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.scope")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.status")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.lastRun")}
                </th>
                <CountHeaders />
              </tr>
            </thead>
            {runs.map((run) => (
              // One tbody per source and scope keeps the error row with its run.
              <tbody key={run.id} className="border-t border-border">
                <tr
                  data-testid="sync-scope-row"
                  data-kind={run.kind}
                  data-scope={run.scope}
                  data-status={run.status}
                  className={cn(run.status === "FAILED" && "bg-danger-soft")}
                >
                  <th scope="row" className={cn(td, "text-left font-medium whitespace-nowrap")}>
                    {f.source(run.kind)}
                  </th>
                  <td className={cn(td, "font-mono text-xs whitespace-nowrap")}>{f.scope(run.scope)}</td>
                  <td className={td}>
                    <SyncStatusBadge status={run.status} />
                  </td>
                  <td className={cn(td, "text-xs")}>
                    <DateTime value={run.startedAt} now={now} />
                  </td>
                  <CountCells run={run} />
                </tr>
                {run.status === "FAILED" ? <RunError run={run} testId="sync-error" columns={COLUMNS} /> : null}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
