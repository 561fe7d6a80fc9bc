import { apiFetch } from "@/components/lib/api-client";
import type {
  TCollectionView, TInstancePage, TPatchSettingView, TPatchSummary, TTrend,
} from "@/server/checklists/patches/patches.types";

// The patch compliance API as seen from the browser; the shapes are server/checklists/patches/patches.types.ts.

export type {
  TAccountRollup, TCollectionView, TInstancePage, TInstanceSort, TOuRollup, TPatchCounts, TPatchInstanceView, TPatchSettingView, TPatchState,
  TPatchSummary, TTrend, TTrendPoint,
} from "@/server/checklists/patches/patches.types";

const BASE = "/api/checklists/patches";

export const patchKeys = {
  all: ["patches"] as const,
  summary: () => [...patchKeys.all, "summary"] as const,
  instances: (query: string) => [...patchKeys.all, "instances", query] as const,
  trend: (query: string) => [...patchKeys.all, "trend", query] as const,
  collection: () => [...patchKeys.all, "collection"] as const,
  setting: () => [...patchKeys.all, "setting"] as const,
};

export const fetchSummary = (signal?: AbortSignal) => apiFetch<TPatchSummary>(BASE, { signal });
export const fetchInstances = (query: string, signal?: AbortSignal) => apiFetch<TInstancePage>(`${BASE}/instances${query ? `?${query}` : ""}`, { signal });
export const fetchTrend = (query: string, signal?: AbortSignal) => apiFetch<TTrend>(`${BASE}/trend${query ? `?${query}` : ""}`, { signal });
export const fetchCollection = (signal?: AbortSignal) => apiFetch<{ collection: TCollectionView | null }>(`${BASE}/collect`, { signal });
export const postCollect = () => apiFetch<{ started: boolean; collection: TCollectionView }>(`${BASE}/collect`, { method: "POST" });
export const putSetting = (staleDays: number) => apiFetch<TPatchSettingView>(`${BASE}/settings`, { method: "PUT", body: { staleDays } });
