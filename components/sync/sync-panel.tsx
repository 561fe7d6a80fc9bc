"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { TSyncStatus } from "./sync-api";
import { SyncCollectorsTable } from "./sync-collectors-table";
import { SyncNowButton } from "./sync-now-button";
import { SyncProgress } from "./sync-progress";
import { SyncRunsTable } from "./sync-runs-table";
import { SyncSourcesTable } from "./sync-sources-table";
import { useSyncStatus } from "./use-sync-status";

/**
 * The live part of Settings → Sync. Renders the server's data first (also without JavaScript),
 * then follows GET /api/sync while a run goes.
 * Test hooks: sync-status (data-running), sync-progress, sync-scope-row, sync-error, sync-run-row.
 */
export function SyncPanel({ initial, renderedAt, summary }: { initial: TSyncStatus; renderedAt: string; summary: ReactNode }) {
  const t = useTranslations("sync");
  const errorMessage = useApiErrorMessage();
  const { query, waiting, markQueued } = useSyncStatus({ initial, renderedAt });
  const status = query.data;
  // The relative times count from when the data was read, so they match the server's render.
  const now = new Date(query.dataUpdatedAt).toISOString();
  const running = status.latestByScope.filter((run) => run.status === "RUNNING");

  return (
    <div data-testid="sync-status" data-running={status.running} className="flex flex-col gap-8">
      <Card className="flex flex-col gap-5 p-5 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0 flex-1">{summary}</div>
        <SyncNowButton onQueued={markQueued} />
      </Card>

      {status.running || waiting ? <SyncProgress runs={running} waiting={waiting} /> : null}

      {query.isError ? (
        <Alert tone="danger" data-testid="sync-poll-error">
          {t("pollFailed", { message: errorMessage(query.error) })}
        </Alert>
      ) : null}

      <SyncSourcesTable runs={status.latestByScope} now={now} />
      <SyncRunsTable runs={status.recent} now={now} />
      <SyncCollectorsTable collectors={status.collectors} now={now} />
    </div>
  );
}
