import { ApiError, NETWORK_ERROR, apiFetch } from "@/components/lib/api-client";
import type {
  TTimelineEventDetail,
  TTimelineHistogram,
  TTimelineIngestStatus,
  TTimelinePage,
  TTimelinePreset,
  TTimelineSettings,
  TTrailImportSummary,
} from "@/server/timeline/timeline.types";

// The timeline API as seen from the browser: query keys and one typed call per endpoint (contract: server/timeline/timeline.types.ts).

/** Events per request while scrolling. */
export const PAGE_SIZE = 100;

export const timelineKeys = {
  all: ["timeline"] as const,
  list: (query: string) => [...timelineKeys.all, "list", query] as const,
  histogram: (query: string) => [...timelineKeys.all, "histogram", query] as const,
  detail: (id: string) => [...timelineKeys.all, "detail", id] as const,
  presets: () => [...timelineKeys.all, "presets"] as const,
  ingest: () => [...timelineKeys.all, "ingest"] as const,
  settings: () => [...timelineKeys.all, "settings"] as const,
};

export function fetchEventPage(query: string, cursor: string | null, signal?: AbortSignal): Promise<TTimelinePage> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(PAGE_SIZE));
  return apiFetch<TTimelinePage>(`/api/timeline/events?${params}`, { signal });
}

export function fetchHistogram(query: string, signal?: AbortSignal): Promise<TTimelineHistogram> {
  return apiFetch<TTimelineHistogram>(`/api/timeline/histogram?${query}`, { signal });
}

export function fetchEventDetail(id: string, signal?: AbortSignal): Promise<TTimelineEventDetail> {
  return apiFetch<TTimelineEventDetail>(`/api/timeline/events/${encodeURIComponent(id)}`, { signal });
}

export async function fetchPresets(signal?: AbortSignal): Promise<TTimelinePreset[]> {
  return (await apiFetch<{ items: TTimelinePreset[] }>("/api/timeline/presets", { signal })).items;
}

export function fetchIngestStatus(signal?: AbortSignal): Promise<TTimelineIngestStatus> {
  return apiFetch<TTimelineIngestStatus>("/api/timeline/ingest", { signal });
}

export function postIngest(mode: "sync" | "backfill"): Promise<{ started: true }> {
  return apiFetch<{ started: true }>("/api/timeline/ingest", { method: "POST", body: { mode } });
}

export function fetchSettings(signal?: AbortSignal): Promise<TTimelineSettings> {
  return apiFetch<TTimelineSettings>("/api/timeline/settings", { signal });
}

export function putSettings(settings: TTimelineSettings): Promise<TTimelineSettings> {
  return apiFetch<TTimelineSettings>("/api/timeline/settings", { method: "PUT", body: settings });
}

/** Multipart upload of trail files (apiFetch sends JSON only). Errors come back as the API's `{ error }`, thrown as an ApiError. */
export async function uploadTrailFiles(files: File[]): Promise<TTrailImportSummary> {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  let response: Response;
  try {
    response = await fetch("/api/timeline/import", { method: "POST", body: form, credentials: "same-origin", headers: { accept: "application/json" } });
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  const data = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | TTrailImportSummary | undefined;
  if (!response.ok) {
    const error = data && "error" in data ? data.error : undefined;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText);
  }
  return data as TTrailImportSummary;
}
