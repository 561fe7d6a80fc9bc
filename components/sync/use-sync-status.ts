"use client";

import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchSyncStatus, syncKeys, toSyncSummary, type TSyncStatus, type TSyncSummary } from "./sync-api";

export const SYNC_PAGE_POLL_MS = 2_000;
export const SYNC_INDICATOR_POLL_MS = 10_000;
/** After "Sync now", how long to wait for the worker to pick the job up before giving up polling. */
const QUEUED_WAIT_MS = 2 * 60_000;

function newestStart(status: TSyncStatus | undefined): number {
  return status?.recent.reduce((max, run) => Math.max(max, Date.parse(run.startedAt)), 0) ?? 0;
}

/**
 * The sync page's status: the server's data first, then GET /api/sync every 2 s while a run goes,
 * or while a run the user just queued has not started yet. Polling stops when nothing runs.
 * The cache key is shared with the top bar indicator, so both show the same state.
 */
export function useSyncStatus({ initial, renderedAt }: { initial: TSyncStatus; renderedAt: string }) {
  // The newest run start (server clock) when "Sync now" was accepted: a later start means the worker took it.
  const [queuedAfter, setQueuedAfter] = useState<number | null>(null);

  const query = useQuery({
    queryKey: syncKeys.status(),
    queryFn: ({ signal }) => fetchSyncStatus(signal),
    initialData: initial,
    initialDataUpdatedAt: Date.parse(renderedAt),
    refetchInterval: (current) => {
      const data = current.state.data;
      const waiting = queuedAfter !== null && newestStart(data) <= queuedAfter;
      return data?.running || waiting ? SYNC_PAGE_POLL_MS : false;
    },
  });

  const waiting = queuedAfter !== null && !query.data.running && newestStart(query.data) <= queuedAfter;

  useEffect(() => {
    if (queuedAfter === null) return;
    const timer = setTimeout(() => setQueuedAfter(null), QUEUED_WAIT_MS);
    return () => clearTimeout(timer);
  }, [queuedAfter]);

  return {
    query,
    /** A sync was queued from this page and the worker has not started it yet. */
    waiting,
    markQueued: () => setQueuedAfter(newestStart(query.data)),
  };
}

/**
 * The top bar's summary: what the console layout rendered, replaced by newer data from the shared
 * cache (the sync page's polling or the indicator's own). Polls every 10 s, only while a run goes.
 */
export function useSyncSummary(initial: TSyncSummary | null): {
  summary: TSyncSummary | null;
  /** client time of the data shown, 0 for the server's */
  updatedAt: number;
} {
  const client = useQueryClient();
  // Cache entries older than this component were written before the server rendered `initial`.
  const [baseline] = useState(() => client.getQueryState(syncKeys.status())?.dataUpdatedAt ?? 0);
  const cached = client.getQueryState<TSyncStatus>(syncKeys.status());
  const cachedIsNewer = cached?.data !== undefined && cached.dataUpdatedAt > baseline;
  // Without server data (it could not be read) ask once; otherwise only while something runs.
  const running = cachedIsNewer ? cached.data!.running : (initial?.running ?? false);
  const shouldFetch = running || (initial === null && !cachedIsNewer);

  const query = useQuery({
    queryKey: syncKeys.status(),
    queryFn: ({ signal }) => fetchSyncStatus(signal),
    select: toSyncSummary,
    enabled: shouldFetch,
    refetchInterval: running ? SYNC_INDICATOR_POLL_MS : false,
  });

  if (query.data !== undefined && query.dataUpdatedAt > baseline) {
    return { summary: query.data, updatedAt: query.dataUpdatedAt };
  }
  return { summary: initial, updatedAt: 0 };
}
