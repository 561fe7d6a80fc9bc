import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import type { TSyncRun } from "./sync-api";
import { useSyncFormat } from "./use-sync-format";

// Shared by the Sources and Recent runs tables: the same columns in the same order.

export const COUNT_COLUMNS = ["duration", "fetched", "inserted", "updated", "unchanged", "skipped", "apiCalls", "throttles"] as const;

export const th = "px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase";
// Numeric headers are single short words: never broken; text headers break between phrases (:lang(ja) auto-phrase).
export const thNumber = cn(th, "text-right whitespace-nowrap");
export const td = "px-3 py-2.5 align-top";
const tdNumber = cn(td, "text-right tabular-nums whitespace-nowrap");

export function CountHeaders() {
  const t = useTranslations("sync.columns");
  return COUNT_COLUMNS.map((column) => (
    <th key={column} scope="col" className={thNumber}>
      {t(column)}
    </th>
  ));
}

export function CountCells({ run }: { run: TSyncRun }) {
  const f = useSyncFormat();
  const tCommon = useTranslations("common");
  return (
    <>
      <td className={tdNumber}>{f.duration(run.durationMs) ?? <span className="text-muted-foreground">{tCommon("none")}</span>}</td>
      {(["fetched", "inserted", "updated", "unchanged", "skipped", "apiCalls"] as const).map((key) => (
        <td key={key} className={tdNumber} data-count={key}>
          {f.number(run[key])}
        </td>
      ))}
      <td className={cn(tdNumber, run.throttles > 0 && "font-semibold text-warning-foreground")} data-count="throttles">
        {f.number(run.throttles)}
      </td>
    </>
  );
}

/** The message AWS (or the sync) gave, in full: it is what an admin needs to fix the role or the region. */
export function RunError({ run, testId, columns }: { run: TSyncRun; testId: string; columns: number }) {
  const t = useTranslations("sync");
  const f = useSyncFormat();
  if (!run.error) return null;
  return (
    <tr className="bg-danger-soft">
      <td colSpan={columns} className="px-3 pt-0 pb-3">
        <div data-testid={testId} data-kind={run.kind} data-scope={run.scope} className="flex flex-col gap-1">
          <span className="text-xs font-semibold text-danger dark:text-red-300">
            {t("errorLabel", { source: f.source(run.kind), scope: f.scope(run.scope) })}
          </span>
          <pre className="font-mono text-xs leading-relaxed break-words whitespace-pre-wrap text-foreground">{run.error}</pre>
        </div>
      </td>
    </tr>
  );
}
