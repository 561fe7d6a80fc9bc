// The findings filter as URL query parameters. The page URL and GET /api/findings share the same
// parameters (server/findings/findings.types.ts FILTER_PARAMS), so the page's query string goes to the
// API as it is. Pure: used by client components and unit tests.
import { COMPLIANCE_STATUSES, FILTER_PARAMS, FINDING_SOURCES, STANDARDS, WORKFLOW_STATUSES, type TFilterParam, type TSortKey } from "@/server/findings/findings.types";
import { SEVERITIES, type TSeverity } from "@/server/findings/severity.types";

export const DEFAULT_SEVERITIES: readonly TSeverity[] = ["CRITICAL", "HIGH"];
export const DEFAULT_STATUSES: readonly string[] = ["NEW", "NOTIFIED"];
export const WRITE_BACK_FILTERS = ["PENDING", "FAILED", "SYNCED"] as const;
export const STANDARD_KEYS = Object.keys(STANDARDS) as (keyof typeof STANDARDS)[];
/** The drawer's finding id: part of the page URL, not of the filter. */
export const FINDING_PARAM = "finding";

const FILTER_SET = new Set<string>(FILTER_PARAMS);

/** The filters a person adds or edits, each a chip in the filter bar; date ranges use two parameters. */
export const FILTER_FIELDS = [
  "review",
  "severity",
  "status",
  "source",
  "product",
  "account",
  "ou",
  "region",
  "resourceType",
  "control",
  "standard",
  "owner",
  "sla",
  "firstSeen",
  "lastSeen",
  "closed",
  "compliance",
  "writeBack",
  "suppressionExpired",
  "record",
] as const;
export type TFilterField = (typeof FILTER_FIELDS)[number];

/**
 * Fields only a link sets (a weekly review's section: review=<id>&reviewSection=<key>): shown as a chip that can be
 * removed, not offered under "+ Filter" nor edited.
 */
export const LINK_ONLY_FIELDS: readonly TFilterField[] = ["review"];
/** The fields under "+ Filter". */
export const ADDABLE_FIELDS: readonly TFilterField[] = FILTER_FIELDS.filter((field) => !LINK_ONLY_FIELDS.includes(field));

export const FIELD_PARAMS: Record<TFilterField, readonly TFilterParam[]> = {
  review: ["review", "reviewSection"],
  severity: ["severity"],
  status: ["status"],
  source: ["source"],
  product: ["product"],
  account: ["account"],
  ou: ["ou"],
  region: ["region"],
  resourceType: ["resourceType"],
  control: ["control"],
  standard: ["standard"],
  owner: ["owner"],
  sla: ["sla"],
  firstSeen: ["firstSeenFrom", "firstSeenTo"],
  lastSeen: ["lastSeenFrom", "lastSeenTo"],
  closed: ["closedFrom", "closedTo"],
  compliance: ["compliance"],
  writeBack: ["writeBack"],
  suppressionExpired: ["suppressionExpired"],
  record: ["record"],
};

/** Fields edited as a date range [from, to]. */
export const RANGE_FIELDS: readonly TFilterField[] = ["firstSeen", "lastSeen", "closed"];

/** Fields whose value is a list of known codes (checkbox editor with fixed options). */
export const ENUM_OPTIONS = {
  severity: SEVERITIES,
  status: WORKFLOW_STATUSES,
  source: FINDING_SOURCES,
  standard: STANDARD_KEYS,
  compliance: COMPLIANCE_STATUSES,
  writeBack: WRITE_BACK_FILTERS,
} as const;

/** A query string with readable commas (severity=CRITICAL,HIGH rather than CRITICAL%2CHIGH). */
export function toQueryString(params: URLSearchParams): string {
  const parts: string[] = [];
  for (const [key, value] of params) {
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value).replaceAll("%2C", ",")}`);
  }
  return parts.join("&");
}

function pick(params: URLSearchParams, keep: (key: string) => boolean): string {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (keep(key)) out.append(key, value);
  return toQueryString(out);
}

/** The filter only: for /counts, the export, and "all matching this filter" as an action target. */
export function filterQuery(params: URLSearchParams): string {
  return pick(params, (key) => FILTER_SET.has(key));
}

/**
 * The list query: everything in the page URL but the cursor and the drawer's finding. Unknown
 * parameters stay, so the API answers a hand-edited URL with a 400 that names them.
 */
export function listQuery(params: URLSearchParams): string {
  return pick(params, (key) => key !== "cursor" && key !== FINDING_PARAM);
}

/** Values of a comma-separated parameter; null when absent. */
export function listValues(params: URLSearchParams, name: string): string[] | null {
  if (!params.has(name)) return null;
  return params
    .getAll(name)
    .join(",")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
}

/** The severities or statuses the list shows: the default when absent, every value for "all". */
export function effectiveList(params: URLSearchParams, name: "severity" | "status"): string[] {
  const all: readonly string[] = name === "severity" ? SEVERITIES : WORKFLOW_STATUSES;
  const fallback = name === "severity" ? DEFAULT_SEVERITIES : DEFAULT_STATUSES;
  const values = listValues(params, name);
  if (values === null) return [...fallback];
  if (values.length === 1 && values[0]?.toLowerCase() === "all") return [...all];
  const upper = values.map((value) => value.toUpperCase());
  return all.filter((value) => upper.includes(value));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** Sets a severity or status list, writing nothing for the default and "all" for every value. */
export function setEnumList(params: URLSearchParams, name: "severity" | "status", values: readonly string[]): void {
  const all: readonly string[] = name === "severity" ? SEVERITIES : WORKFLOW_STATUSES;
  const fallback = name === "severity" ? DEFAULT_SEVERITIES : DEFAULT_STATUSES;
  const ordered = all.filter((value) => values.includes(value));
  if (sameSet(ordered, fallback)) params.delete(name);
  else if (ordered.length === 0 || ordered.length === all.length) params.set(name, "all");
  else params.set(name, ordered.join(","));
}

/** The severity chips: toggles one severity in the filter (none left = every severity). */
export function toggleSeverity(params: URLSearchParams, severity: TSeverity): void {
  const current = effectiveList(params, "severity");
  const next = current.includes(severity) ? current.filter((value) => value !== severity) : [...current, severity];
  setEnumList(params, "severity", next);
}

/** A filter shown as a chip, with the values it holds (a date range holds [from, to]). */
export type TChip = { field: TFilterField; values: string[]; isDefault: boolean };

/** The chips of the filter bar in a stable order. Severity and status show even when defaulted, so the view explains itself. */
export function activeChips(params: URLSearchParams): TChip[] {
  const chips: TChip[] = [];
  for (const field of FILTER_FIELDS) {
    if (field === "severity" || field === "status") {
      const raw = listValues(params, field);
      const isAll = raw !== null && raw.length === 1 && raw[0]?.toLowerCase() === "all";
      if (!isAll) chips.push({ field, values: effectiveList(params, field), isDefault: raw === null });
      continue;
    }
    if (RANGE_FIELDS.includes(field)) {
      const [fromKey, toKey] = FIELD_PARAMS[field] as [TFilterParam, TFilterParam];
      const from = params.get(fromKey) ?? "";
      const to = params.get(toKey) ?? "";
      if (from || to) chips.push({ field, values: [from, to], isDefault: false });
      continue;
    }
    if (field === "review") {
      const review = params.get("review") ?? "";
      const section = params.get("reviewSection") ?? "";
      if (review || section) chips.push({ field, values: [review, section], isDefault: false });
      continue;
    }
    if (field === "record") {
      const record = params.get("record");
      if (record && record.toLowerCase() !== "active") chips.push({ field, values: [record.toLowerCase()], isDefault: false });
      continue;
    }
    const values = listValues(params, field);
    if (values && values.length > 0) chips.push({ field, values, isDefault: false });
  }
  return chips;
}

/** Removing a chip removes that constraint: severity and status become "all", the rest go. */
export function removeField(params: URLSearchParams, field: TFilterField): void {
  if (field === "severity" || field === "status") {
    params.set(field, "all");
    return;
  }
  for (const key of FIELD_PARAMS[field]) params.delete(key);
}

/**
 * Sets the closed range. A closed finding is resolved, suppressed or archived, so under the default status (new,
 * notified) and record (active) filters the list would be empty: those defaults widen to "all". A status or record
 * the person chose stays.
 */
export function setClosedRange(params: URLSearchParams, from: string, to: string): void {
  for (const [key, value] of [["closedFrom", from], ["closedTo", to]] as const) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  if (!from && !to) return;
  if (!params.has("status")) params.set("status", "all");
  if (!params.has("record")) params.set("record", "all");
}

/** The list of the findings closed in [from, to] (days, inclusive), any status and record state. */
export function closedFindingsHref(from: string, to: string, severity: string = "all"): string {
  const params = new URLSearchParams({ severity });
  setClosedRange(params, from, to);
  return `/findings?${toQueryString(params)}`;
}

export const SORT_DEFAULT: TSortKey = "due";

/** The server's default direction: newest first for last seen, otherwise ascending. */
export function defaultDir(sort: TSortKey): "asc" | "desc" {
  return sort === "lastSeen" ? "desc" : "asc";
}

/** The page URL of a list query (a saved view, a related link), optionally with the drawer open. */
export function findingsHref(query: string, finding?: string | null): string {
  const params = new URLSearchParams(query);
  params.delete("cursor");
  params.delete(FINDING_PARAM);
  if (finding) params.set(FINDING_PARAM, finding);
  const search = toQueryString(params);
  return search ? `/findings?${search}` : "/findings";
}

/** True when the URL holds no filter, search or sort: the default view. */
export function isDefaultView(params: URLSearchParams): boolean {
  return listQuery(params) === "";
}
