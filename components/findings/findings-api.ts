import { z } from "zod";
import { apiFetch } from "@/components/lib/api-client";
import type {
  TFacets,
  TFindingCountsResponse,
  TFindingDetail,
  TFindingListResponse,
  TTriageRequest,
  TTriageResponse,
} from "@/server/findings/findings.types";
import { toQueryString } from "./filter-query";

// The findings API as seen from the browser: query keys and one typed call per endpoint.
// The list, counts and detail shapes are the contract types of server/findings/findings.types.ts.

/** Rows per request while scrolling: enough to fill a tall screen twice. */
export const PAGE_SIZE = 100;

export type { TFacets };

export const findingKeys = {
  all: ["findings"] as const,
  lists: () => [...findingKeys.all, "list"] as const,
  list: (query: string) => [...findingKeys.lists(), query] as const,
  counts: (filter: string) => [...findingKeys.all, "counts", filter] as const,
  facets: () => [...findingKeys.all, "facets"] as const,
  details: () => [...findingKeys.all, "detail"] as const,
  detail: (id: string) => [...findingKeys.details(), id] as const,
};

export const viewKeys = { all: ["views"] as const };

export async function fetchFindingPage(query: string, cursor: string | null, signal?: AbortSignal): Promise<TFindingListResponse> {
  const params = new URLSearchParams(query);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(PAGE_SIZE));
  return apiFetch<TFindingListResponse>(`/api/findings?${toQueryString(params)}`, { signal });
}

export async function fetchFindingCounts(filter: string, signal?: AbortSignal): Promise<TFindingCountsResponse> {
  return apiFetch<TFindingCountsResponse>(filter ? `/api/findings/counts?${filter}` : "/api/findings/counts", { signal });
}

export async function fetchFacets(signal?: AbortSignal): Promise<TFacets> {
  const data = await apiFetch<Partial<TFacets>>("/api/findings/facets", { signal });
  return {
    accounts: data.accounts ?? [],
    ous: data.ous ?? [],
    regions: data.regions ?? [],
    resourceTypes: data.resourceTypes ?? [],
    controls: data.controls ?? [],
    products: data.products ?? [],
    users: data.users ?? [],
  };
}

export async function fetchFindingDetail(id: string, signal?: AbortSignal): Promise<TFindingDetail> {
  return apiFetch<TFindingDetail>(`/api/findings/${encodeURIComponent(id)}`, { signal });
}

export async function postTriage(request: TTriageRequest): Promise<TTriageResponse> {
  return apiFetch<TTriageResponse>("/api/findings/actions", { method: "POST", body: request });
}

export async function postWriteBackRetry(findingIds: string[]): Promise<{ retried: number }> {
  return apiFetch<{ retried: number }>("/api/findings/write-back/retry", { method: "POST", body: { findingIds } });
}

export function exportHref(filter: string, format: "csv" | "json"): string {
  return `/api/findings/export?${filter ? `${filter}&` : ""}format=${format}`;
}

// Saved views: the contract is the lead's; the parser accepts a bare list or { views } / { items }.
const ZView = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  shared: z.boolean().optional().default(false),
  ownerId: z.string().nullish(),
  mine: z.boolean().optional(),
  owner: z.object({ id: z.string().optional(), email: z.string().optional(), name: z.string().nullish() }).nullish(),
});
const ZViews = z.union([z.array(ZView), z.object({ views: z.array(ZView) }), z.object({ items: z.array(ZView) })]);

export type TSavedView = { id: string; name: string; query: string; shared: boolean; mine: boolean; ownerLabel: string | null };

export async function fetchViews(userId: string, signal?: AbortSignal): Promise<TSavedView[]> {
  const parsed = ZViews.parse(await apiFetch<unknown>("/api/views", { signal }));
  const list = Array.isArray(parsed) ? parsed : "views" in parsed ? parsed.views : parsed.items;
  return list.map((view) => {
    const ownerId = view.ownerId ?? view.owner?.id ?? null;
    return {
      id: view.id,
      name: view.name,
      query: view.query.replace(/^\?/, ""),
      shared: view.shared,
      mine: view.mine ?? ownerId === userId,
      ownerLabel: view.owner?.name ?? view.owner?.email ?? null,
    };
  });
}

export async function createView(input: { name: string; query: string; shared: boolean }): Promise<unknown> {
  return apiFetch<unknown>("/api/views", { method: "POST", body: input });
}

export async function deleteView(id: string): Promise<unknown> {
  return apiFetch<unknown>(`/api/views/${encodeURIComponent(id)}`, { method: "DELETE" });
}
