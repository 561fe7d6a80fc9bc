import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { DateTime } from "@/components/ui/date-time";
import type { TSyncRun } from "./sync-api";
import { CountCells, COUNT_COLUMNS, RunError, td } from "./sync-run-cells";
import { SyncStatusBadge } from "./sync-status-badge";
import { SyncTableSection } from "./sync-table-section";
import { useSyncFormat } from "./use-sync-format";

const COLUMNS = 5 + COUNT_COLUMNS.length;

/** The most recent runs, newest first, as the server sends them. */
export function SyncRunsTable({ runs, now }: { runs: TSyncRun[]; now: string }) {
  const t = useTranslations("sync");
  const f = useSyncFormat();

  return (
    <SyncTableSection
      id="sync-recent-title"
      title={t("recent.title")}
      description={t("recent.description", { count: runs.length })}
      empty={runs.length === 0 ? { title: t("recent.empty.title"), body: t("recent.empty.body") } : null}
      testId="sync-runs-table"
      minWidth="min-w-[70rem]"
      columns={[t("columns.started"), t("columns.source"), t("columns.scope"), t("columns.trigger"), t("columns.status")]}
    >
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
    </SyncTableSection>
  );
}
