import { useTranslations } from "next-intl";
import { LoaderCircle } from "lucide-react";
import type { TSyncRun } from "./sync-api";
import { useSyncFormat } from "./use-sync-format";

/** While a sync runs: a spinner and the live counts of every running source and scope. */
export function SyncProgress({ runs, waiting }: { runs: TSyncRun[]; waiting: boolean }) {
  const t = useTranslations("sync.progress");
  const f = useSyncFormat();

  return (
    <section
      data-testid="sync-progress"
      data-waiting={waiting}
      aria-labelledby="sync-progress-title"
      className="flex flex-col gap-3 rounded-lg border border-link/40 bg-card p-4"
    >
      {/* Only the heading is live: the counts change every 2 s and would flood a screen reader. */}
      <div role="status" className="flex items-center gap-2">
        <LoaderCircle aria-hidden="true" className="size-5 text-link motion-safe:animate-spin" />
        <h2 id="sync-progress-title" className="text-base font-semibold">
          {waiting ? t("waiting") : t("title", { count: runs.length })}
        </h2>
      </div>
      {runs.length > 0 ? (
        <ul className="flex flex-col gap-1.5 text-sm">
          {runs.map((run) => (
            <li
              key={run.id}
              data-testid="sync-progress-run"
              data-kind={run.kind}
              data-scope={run.scope}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5"
            >
              <span className="font-medium">{f.source(run.kind)}</span>
              <span className="font-mono text-xs text-muted-foreground">{f.scope(run.scope)}</span>
              <span className="tabular-nums">
                {t("counts", {
                  fetched: f.number(run.fetched),
                  inserted: f.number(run.inserted),
                  updated: f.number(run.updated),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-muted-foreground">{t("leave")}</p>
    </section>
  );
}
