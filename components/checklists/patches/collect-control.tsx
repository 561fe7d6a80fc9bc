"use client";

import { useTranslations } from "next-intl";
import { RefreshCw } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import type { TCollectionView } from "./patches-api";
import { useCollectNow } from "./use-patches";

/**
 * "Collect now" (analysts and admins) with the running collection's progress, and the last collection's
 * per-scope errors for everyone. Test hooks: collect-now, collect-progress (data-done, data-total),
 * collect-result (data-status), collect-errors, collect-error (data-scope).
 */
export function CollectControl({ collection, canCollect, now }: { collection: TCollectionView | null; canCollect: boolean; now: string }) {
  const t = useTranslations("checklistsPatches.collect");
  const errorMessage = useApiErrorMessage();
  const collect = useCollectNow();
  const running = collection?.status === "RUNNING";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        {canCollect ? (
          <Button data-testid="collect-now" onClick={() => collect.mutate()} disabled={running || collect.isPending}>
            <RefreshCw aria-hidden="true" className={running || collect.isPending ? "size-4 animate-spin" : "size-4"} />
            {running ? t("running") : t("button")}
          </Button>
        ) : null}
        {running && collection ? (
          <div className="flex items-center gap-2 text-sm" data-testid="collect-progress" data-done={collection.scopesDone} data-total={collection.scopesTotal}>
            <progress className="h-2 w-40 accent-primary" max={Math.max(1, collection.scopesTotal)} value={collection.scopesDone} aria-label={t("progressLabel")} />
            <span aria-live="polite">{t("progress", { done: collection.scopesDone, total: collection.scopesTotal, instances: collection.instances })}</span>
          </div>
        ) : null}
        {!running && collection?.finishedAt ? (
          <span className="flex items-center gap-1 text-sm text-muted-foreground" data-testid="collect-result" data-status={collection.status}>
            {t(`status.${collection.status === "RUNNING" ? "SUCCEEDED" : collection.status}`, { failed: collection.scopesFailed, total: collection.scopesTotal })}
            <DateTime value={collection.finishedAt} now={now} variant="relative" />
          </span>
        ) : null}
      </div>
      {collect.isError ? <Alert tone="danger">{t("failed", { message: errorMessage(collect.error) })}</Alert> : null}
      {collection && collection.errors.length > 0 ? (
        <details data-testid="collect-errors" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium text-danger dark:text-red-300">{t("errors", { count: collection.errors.length })}</summary>
          <p className="mt-1 text-muted-foreground">{t("errorsHelp")}</p>
          <ul className="mt-2 flex flex-col gap-1">
            {collection.errors.map((e) => (
              <li key={e.scope} data-testid="collect-error" data-scope={e.scope}>
                <span className="font-mono">{e.scope}</span>: <span className="break-all">{e.error}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
