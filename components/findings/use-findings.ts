"use client";

import { useEffect, useState } from "react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TTriageRequest } from "@/server/findings/findings.types";
import {
  createView,
  deleteView,
  fetchFacets,
  fetchFindingCounts,
  fetchFindingDetail,
  fetchFindingPage,
  fetchViews,
  findingKeys,
  postTriage,
  postWriteBackRetry,
  viewKeys,
} from "./findings-api";

/** While a write-back is pending, the open finding is asked again this often until the worker has sent it. */
const PENDING_POLL_MS = 2_000;

/** The list, page by page by keyset cursor as the table scrolls. */
export function useFindingList(query: string) {
  return useInfiniteQuery({
    queryKey: findingKeys.list(query),
    queryFn: ({ pageParam, signal }) => fetchFindingPage(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Going back to a filter seen moments ago shows its rows at once, without asking again.
    staleTime: 10_000,
  });
}

export function useFindingCounts(filter: string) {
  return useQuery({
    queryKey: findingKeys.counts(filter),
    queryFn: ({ signal }) => fetchFindingCounts(filter, signal),
    staleTime: 10_000,
  });
}

export function useFacets() {
  return useQuery({ queryKey: findingKeys.facets(), queryFn: ({ signal }) => fetchFacets(signal), staleTime: 5 * 60_000 });
}

export function useFindingDetail(id: string | null) {
  return useQuery({
    queryKey: findingKeys.detail(id ?? ""),
    queryFn: ({ signal }) => fetchFindingDetail(id!, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.writeBack === "PENDING" ? PENDING_POLL_MS : false),
  });
}

/** Triage: after a change every findings query (list, counts, details) is fetched again. */
export function useTriage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TTriageRequest) => postTriage(request),
    onSettled: () => client.invalidateQueries({ queryKey: findingKeys.all }),
  });
}

export function useRetryWriteBack() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => postWriteBackRetry(ids),
    onSettled: () => client.invalidateQueries({ queryKey: findingKeys.all }),
  });
}

export function useViews(userId: string, enabled: boolean) {
  return useQuery({ queryKey: viewKeys.all, queryFn: ({ signal }) => fetchViews(userId, signal), enabled, staleTime: 30_000 });
}

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createView, onSuccess: () => client.invalidateQueries({ queryKey: viewKeys.all }) });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({ mutationFn: deleteView, onSuccess: () => client.invalidateQueries({ queryKey: viewKeys.all }) });
}

/** "Now" for relative times: the server's render time first, then the browser clock every minute. */
export function useNow(renderedAt: string): string {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
