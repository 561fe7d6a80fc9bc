"use client";

import { useCallback, useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchEventDetail,
  fetchEventPage,
  fetchHistogram,
  fetchIngestStatus,
  fetchPresets,
  fetchSettings,
  postIngest,
  putSettings,
  timelineKeys,
  uploadTrailFiles,
} from "./timeline-api";
import { EVENT_PARAM, toQueryString } from "./timeline-query";

/** While an ingest runs, its status is asked again this often. */
const INGEST_POLL_MS = 2_000;

/**
 * The page URL is the state: filters, range and the open event. Changes go through the History API
 * (Next's router follows it without a server render). Filter edits replace the entry; opening an
 * event pushes one, so Back closes the drawer.
 */
export function useTimelineParams() {
  const searchParams = useSearchParams();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);
  const update = useCallback((change: (next: URLSearchParams) => void, mode: "replace" | "push" = "replace") => {
    const next = new URLSearchParams(window.location.search);
    change(next);
    const search = toQueryString(next);
    const url = search ? `${window.location.pathname}?${search}` : window.location.pathname;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  const openEvent = useCallback(
    (id: string | null, mode?: "replace" | "push") =>
      update(
        (next) => {
          if (id) next.set(EVENT_PARAM, id);
          else next.delete(EVENT_PARAM);
        },
        mode ?? (id && !new URLSearchParams(window.location.search).has(EVENT_PARAM) ? "push" : "replace"),
      ),
    [update],
  );
  return { params, event: params.get(EVENT_PARAM), update, openEvent };
}

export function useEventList(query: string) {
  return useInfiniteQuery({
    queryKey: timelineKeys.list(query),
    queryFn: ({ pageParam, signal }) => fetchEventPage(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 10_000,
  });
}

export function useHistogram(query: string) {
  return useQuery({ queryKey: timelineKeys.histogram(query), queryFn: ({ signal }) => fetchHistogram(query, signal), staleTime: 10_000 });
}

export function useEventDetail(id: string | null) {
  return useQuery({ queryKey: timelineKeys.detail(id ?? ""), queryFn: ({ signal }) => fetchEventDetail(id!, signal), enabled: id !== null });
}

export function usePresets() {
  return useQuery({ queryKey: timelineKeys.presets(), queryFn: ({ signal }) => fetchPresets(signal), staleTime: 10 * 60_000 });
}

export function useIngestStatus() {
  return useQuery({
    queryKey: timelineKeys.ingest(),
    queryFn: ({ signal }) => fetchIngestStatus(signal),
    refetchInterval: (query) => (query.state.data?.running ? INGEST_POLL_MS : false),
  });
}

/** "Sync now" / "Backfill": afterwards the status polls until the run ends, then the lists are asked again. */
export function useStartIngest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postIngest,
    onSettled: () => client.invalidateQueries({ queryKey: timelineKeys.ingest() }),
  });
}

export function useSettings(enabled: boolean) {
  return useQuery({ queryKey: timelineKeys.settings(), queryFn: ({ signal }) => fetchSettings(signal), enabled });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({ mutationFn: putSettings, onSuccess: (data) => client.setQueryData(timelineKeys.settings(), data) });
}

export function useUploadTrailFiles() {
  const client = useQueryClient();
  return useMutation({ mutationFn: uploadTrailFiles, onSuccess: () => client.invalidateQueries({ queryKey: timelineKeys.all }) });
}
