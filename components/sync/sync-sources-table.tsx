import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { DateTime } from "@/components/ui/date-time";
import type { TSyncRun } from "./sync-api";
import { CountCells, COUNT_COLUMNS, RunError, td } from "./sync-run-cells";
import { SyncStatusBadge } from "./sync-status-badge";
import { SyncTableSection } from "./sync-table-section";
import { useSyncFormat } from "./use-sync-format";

const COLUMNS = 4 + COUNT_COLUMNS.length;

/** The newest run of every source and scope; a failed one shows AWS's error under its row. */
export function SyncSourcesTable({ runs, now }: { runs: TSyncRun[]; now: string }) {
  const t = useTranslations("sync");
  const f = useSyncFormat();

  return (
    <SyncTableSection
      id="sync-sources-title"
      title={t("sources.title")}
      description={t("sources.description")}
      empty={runs.length === 0 ? { title: t("sources.empty.title"), body: t("sources.empty.body") } : null}
      testId="sync-sources-table"
      minWidth="min-w-[64rem]"
      columns={[t("columns.source"), t("columns.scope"), t("columns.status"), t("columns.lastRun")]}
    >
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
    </SyncTableSection>
  );
}
