import { apiFetch, ApiError, NETWORK_ERROR } from "@/components/lib/api-client";
import type {
  TCalendarEvent, TCsvRowError, TDiscoveryRunView, TIcalFeedView, TInventoryInput, TInventoryList, TInventoryRow,
} from "@/server/checklists/eol/inventory.types";

// The EOL inventory API as seen from the browser; the shapes are server/checklists/eol/inventory.types.ts.

export type { TCalendarEvent, TCsvRowError, TDiscoveryRunView, TIcalFeedView, TInventoryInput, TInventoryList, TInventoryRow };

/** The list's query string: the page URL's filter params that the API understands. */
export const LIST_PARAMS = ["status", "product", "account", "source", "q", "gone", "page"] as const;

export function listSearch(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const key of LIST_PARAMS) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  return out.toString();
}

export const eolKeys = {
  all: ["eol"] as const,
  list: (search: string) => [...eolKeys.all, "list", search] as const,
  calendar: (month: string, search: string) => [...eolKeys.all, "calendar", month, search] as const,
  feeds: () => [...eolKeys.all, "feeds"] as const,
  discovery: () => [...eolKeys.all, "discovery"] as const,
};

export const fetchInventory = (search: string, signal?: AbortSignal) => apiFetch<TInventoryList>(`/api/checklists/eol${search ? `?${search}` : ""}`, { signal });
export const fetchCalendar = (month: string, search: string, signal?: AbortSignal) =>
  apiFetch<{ month: string; today: string; events: TCalendarEvent[] }>(`/api/checklists/eol/calendar?month=${month}${search ? `&${search}` : ""}`, { signal });
export const saveItem = (id: string | null, input: TInventoryInput) =>
  apiFetch<TInventoryRow>(id ? `/api/checklists/eol/${encodeURIComponent(id)}` : "/api/checklists/eol", { method: id ? "PUT" : "POST", body: input });
export const deleteItem = (id: string) => apiFetch<void>(`/api/checklists/eol/${encodeURIComponent(id)}`, { method: "DELETE" });
export const fetchFeeds = (signal?: AbortSignal) => apiFetch<{ items: TIcalFeedView[] }>("/api/checklists/eol/ical", { signal });
export const createFeed = (name: string) => apiFetch<TIcalFeedView & { url: string }>("/api/checklists/eol/ical", { method: "POST", body: { name } });
export const revokeFeed = (id: string) => apiFetch<void>(`/api/checklists/eol/ical/${encodeURIComponent(id)}`, { method: "DELETE" });
export const fetchDiscovery = (signal?: AbortSignal) => apiFetch<{ run: TDiscoveryRunView | null }>("/api/checklists/eol/discover", { signal });
export const startDiscovery = () => apiFetch<{ run: TDiscoveryRunView | null }>("/api/checklists/eol/discover", { method: "POST" });

/** A CSV import refused by the server: the message and the bad rows. */
export class CsvImportError extends ApiError {
  constructor(status: number, code: string, message: string, readonly rows: TCsvRowError[]) {
    super(status, code, message);
  }
}

/** POSTs a CSV; a 400 keeps the server's list of bad rows (apiFetch would drop it). */
export async function importCsv(csv: string, fileName: string): Promise<{ imported: number }> {
  let response: Response;
  try {
    response = await fetch("/api/checklists/eol/import", {
      method: "POST", credentials: "same-origin", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ csv, fileName }),
    });
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  const body = (await response.json().catch(() => null)) as { imported?: number; error?: { code?: string; message?: string; rows?: TCsvRowError[] } } | null;
  if (response.ok && typeof body?.imported === "number") return { imported: body.imported };
  throw new CsvImportError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? response.statusText, body?.error?.rows ?? []);
}
