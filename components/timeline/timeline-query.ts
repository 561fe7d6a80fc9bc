import { TIMELINE_PRESET_IDS, type TTimelinePresetId } from "@/server/timeline/timeline.types";

// The timeline page's URL is its state. API filter parameters go to GET /api/timeline/events and
// /histogram as they are; the page adds `range` (a quick range relative to now) and `event` (the drawer).

export const EVENT_PARAM = "event";
export const RANGE_PARAM = "range";

export const QUICK_RANGES = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000, "90d": 90 * 86_400_000 } as const;
export type TQuickRange = keyof typeof QUICK_RANGES;
export const DEFAULT_RANGE: TQuickRange = "7d";

/** The filter fields the "+ Filter" menu offers, in that order (time range and free text have their own controls). */
export const FILTER_FIELDS = ["principal", "eventName", "eventSource", "account", "region", "sourceIp", "resource", "readOnly", "errorsOnly"] as const;
export type TFilterField = (typeof FILTER_FIELDS)[number];
export const LIST_FIELDS = new Set<TFilterField>(["eventName", "eventSource", "account", "region"]);

/** Every parameter the API accepts as a filter (it refuses unknown ones). */
const API_KEYS = ["from", "to", ...FILTER_FIELDS, "q", "preset"] as const;

export function isQuickRange(value: string | null): value is TQuickRange {
  return value !== null && Object.hasOwn(QUICK_RANGES, value);
}

export function isPresetId(value: string | null): value is TTimelinePresetId {
  return value !== null && (TIMELINE_PRESET_IDS as readonly string[]).includes(value);
}

/** Values of a list parameter: repeated or comma-separated. */
export function listValues(params: URLSearchParams, key: string): string[] {
  return params
    .getAll(key)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** The time range the URL asks for: a custom from/to, else a quick range (default 7 days) ending now (rounded to the minute, so the query stays stable). */
export function timeRange(params: URLSearchParams, now: number): { from: string; to: string; quick: TQuickRange | null } {
  const from = params.get("from");
  const to = params.get("to");
  if (from || to) {
    const toMs = to && !Number.isNaN(Date.parse(to)) ? Date.parse(to) : now;
    const fromMs = from && !Number.isNaN(Date.parse(from)) ? Date.parse(from) : toMs - QUICK_RANGES[DEFAULT_RANGE];
    return { from: from && Number.isNaN(fromMs) ? from : new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), quick: null };
  }
  const range = params.get(RANGE_PARAM);
  const quick = isQuickRange(range) ? range : DEFAULT_RANGE;
  const end = Math.ceil(now / 60_000) * 60_000;
  return { from: new Date(end - QUICK_RANGES[quick]).toISOString(), to: new Date(end).toISOString(), quick };
}

/** The API query string of the page URL: only the API's parameters, the time range made absolute, sorted for a stable cache key. */
export function apiQuery(params: URLSearchParams, now: number): string {
  const out = new URLSearchParams();
  for (const key of API_KEYS) {
    if (key === "from" || key === "to") continue;
    const values = LIST_FIELDS.has(key as TFilterField) ? listValues(params, key) : [params.get(key)?.trim() ?? ""].filter(Boolean);
    if (values.length > 0) out.set(key, values.join(","));
  }
  const range = timeRange(params, now);
  out.set("from", range.from);
  out.set("to", range.to);
  out.sort();
  return out.toString();
}

export type TChip = { field: TFilterField; values: string[] };

export function activeChips(params: URLSearchParams): TChip[] {
  return FILTER_FIELDS.flatMap((field) => {
    const values = LIST_FIELDS.has(field) ? listValues(params, field) : [params.get(field)?.trim() ?? ""].filter(Boolean);
    return values.length > 0 ? [{ field, values }] : [];
  });
}

/** Nothing narrows the list but the default 7 days. */
export function isDefaultView(params: URLSearchParams): boolean {
  return [...params.keys()].every((key) => key === EVENT_PARAM || (key === RANGE_PARAM && params.get(key) === DEFAULT_RANGE));
}

/** Writes the values of one field (empty: removes it). */
export function setField(params: URLSearchParams, field: TFilterField, values: string[]): void {
  const cleaned = values.map((value) => value.trim()).filter(Boolean);
  if (cleaned.length === 0) params.delete(field);
  else params.set(field, LIST_FIELDS.has(field) ? [...new Set(cleaned)].join(",") : (cleaned[0] as string));
}

/** Sets a custom range (from the histogram or the custom editor): replaces any quick range. */
export function setRange(params: URLSearchParams, range: { from: string; to: string } | TQuickRange): void {
  params.delete("from");
  params.delete("to");
  params.delete(RANGE_PARAM);
  if (typeof range === "string") {
    if (range !== DEFAULT_RANGE) params.set(RANGE_PARAM, range);
    return;
  }
  params.set("from", range.from);
  params.set("to", range.to);
}

export function toQueryString(params: URLSearchParams): string {
  return params.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":");
}

/** The timeline URL for a pivot: the given filters over ±window around an instant or a range. */
export function timelineLink(filters: Partial<Record<TFilterField, string>>, range?: { from: string; to: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (range) setRange(params, range);
  return `/timeline?${toQueryString(params)}`;
}

/** Client-side check of the source IP filter (the API checks it again, and its 400 message is shown). */
export function isIpOrCidr(text: string): boolean {
  const [address = "", prefix, extra] = text.trim().split("/");
  if (extra !== undefined) return false;
  const v4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(address);
  const v6 = !v4 && address.includes(":") && /^[0-9a-fA-F:.]+$/.test(address) && (address.match(/::/g) ?? []).length <= 1;
  if (!v4 && !v6) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

/** Day (UTC-independent: the browser's day) key of an ISO time, for the group headers. */
export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}
