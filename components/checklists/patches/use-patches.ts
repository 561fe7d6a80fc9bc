"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchCollection, fetchInstances, fetchSummary, fetchTrend, patchKeys, postCollect, putSetting, type TCollectionView, type TPatchSummary,
} from "./patches-api";

/** The summary and roll-ups: the server's render first, then GET /api/checklists/patches. */
export function usePatchSummary(initial: TPatchSummary | undefined, renderedAt: string) {
  return useQuery({
    queryKey: patchKeys.summary(),
    queryFn: ({ signal }) => fetchSummary(signal),
    ...(initial ? { initialData: initial, initialDataUpdatedAt: Date.parse(renderedAt) } : {}),
  });
}

export function usePatchInstances(query: string) {
  return useQuery({ queryKey: patchKeys.instances(query), queryFn: ({ signal }) => fetchInstances(query, signal), placeholderData: keepPreviousData });
}

export function usePatchTrend(query: string) {
  return useQuery({ queryKey: patchKeys.trend(query), queryFn: ({ signal }) => fetchTrend(query, signal), placeholderData: keepPreviousData });
}

/** The newest collection; polled every second while one runs, and everything is fetched again when it ends. */
export function usePatchCollection(initial: TCollectionView | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: patchKeys.collection(),
    queryFn: async ({ signal }) => {
      const previous = client.getQueryData<{ collection: TCollectionView | null }>(patchKeys.collection())?.collection;
      const next = await fetchCollection(signal);
      if (previous?.status === "RUNNING" && next.collection?.status !== "RUNNING") void client.invalidateQueries({ queryKey: patchKeys.all, predicate: (q) => q.queryKey[1] !== "collection" });
      return next;
    },
    initialData: { collection: initial },
    refetchInterval: (query) => (query.state.data?.collection?.status === "RUNNING" ? 1000 : false),
  });
}

export function useCollectNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: postCollect,
    onSuccess: (result) => client.setQueryData(patchKeys.collection(), { collection: result.collection }),
  });
}

export function useSaveStaleDays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: putSetting,
    onSuccess: () => client.invalidateQueries({ queryKey: patchKeys.all }),
  });
}
