import "server-only";
import { AppError } from "@/server/http/app-error";
import {
  COMPLIANCE_STATUSES, FINDING_SOURCES, FILTER_PARAMS, REVIEW_FINDING_SECTIONS, SORT_KEYS, STANDARDS, WORKFLOW_STATUSES,
  type TComplianceStatus, type TReviewFindingSection, type TSortKey, type TStandardKey, type TWorkflowStatus,
} from "./findings.types";
import { SEVERITIES, type TSeverity } from "./severity.types";

/** A parsed, validated findings filter. Undefined = no filter on that field. */
export type TFindingFilter = {
  severity?: TSeverity[];
  status?: TWorkflowStatus[];
  record?: "ACTIVE" | "ARCHIVED";
  source?: string[];
  product?: string[];
  account?: string[];
  ou?: string[];
  region?: string[];
  resourceType?: string[];
  control?: string[];
  standard?: TStandardKey[];
  owner?: { kind: "me" } | { kind: "none" } | { kind: "user"; id: string };
  sla?: "overdue" | "dueSoon";
  firstSeenFrom?: Date;
  firstSeenTo?: Date;
  lastSeenFrom?: Date;
  lastSeenTo?: Date;
  closedFrom?: Date;
  closedTo?: Date;
  compliance?: TComplianceStatus[];
  /** the findings a weekly review's section counts, over that review's stored period */
  review?: { id: string; section: TReviewFindingSection };
  q?: string;
  writeBack?: ("PENDING" | "FAILED" | "SYNCED")[];
  suppressionExpired?: boolean;
};

export type TPaging = { sort: TSortKey; dir: "asc" | "desc"; cursor?: string; limit: number };

const MAX_LIST = 200;
const MAX_TEXT = 200;

function list(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.getAll(name).join(",");
  if (!params.has(name)) return undefined;
  const values = [...new Set(raw.split(",").map((v) => v.trim()).filter(Boolean))];
  if (values.length > MAX_LIST) throw new AppError("BAD_REQUEST", `Filter "${name}" has ${values.length} values; at most ${MAX_LIST} are allowed.`);
  for (const v of values) if (v.length > MAX_TEXT) throw new AppError("BAD_REQUEST", `Filter "${name}" has a value longer than ${MAX_TEXT} characters.`);
  return values;
}

function enumList<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback?: T[]): T[] | undefined {
  const values = list(params, name);
  if (values === undefined) return fallback;
  if (values.length === 1 && values[0] === "all") return undefined;
  if (values.length === 0) throw new AppError("BAD_REQUEST", `Filter "${name}" is empty: give ${allowed.join(", ")} or all.`);
  const upper = values.map((v) => (allowed.includes(v.toUpperCase() as T) ? v.toUpperCase() : v));
  const bad = upper.filter((v) => !allowed.includes(v as T));
  if (bad.length) throw new AppError("BAD_REQUEST", `Unknown ${name} "${bad[0]}": use ${allowed.join(", ")} or all.`);
  return upper as T[];
}

function date(params: URLSearchParams, name: string, endOfDay: boolean): Date | undefined {
  const value = params.get(name);
  if (value === null || value === "") return undefined;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dayOnly ? `${value}T00:00:00.000Z` : value);
  // A day that does not exist (2026-02-30) is an error, not the day JavaScript rolls it over to.
  if (Number.isNaN(d.getTime()) || (dayOnly && d.toISOString().slice(0, 10) !== value) || (!dayOnly && !/^\d{4}-\d{2}-\d{2}T/.test(value))) {
    throw new AppError("BAD_REQUEST", `"${name}" must be a date (YYYY-MM-DD) or an ISO date-time; got "${value.slice(0, 40)}".`);
  }
  // A day given as the upper bound includes the whole day.
  return dayOnly && endOfDay ? new Date(d.getTime() + 86_400_000 - 1) : d;
}

/** review=<id>&reviewSection=<key>: both or neither (whether the review exists is checked when the list is read). */
function review(params: URLSearchParams): TFindingFilter["review"] {
  const id = params.get("review")?.trim() ?? "";
  const section = params.get("reviewSection")?.trim() ?? "";
  if (!id && !section) return undefined;
  const allowed = REVIEW_FINDING_SECTIONS.join(", ");
  if (!id) throw new AppError("BAD_REQUEST", `"reviewSection" needs "review" (the review's id).`);
  if (!/^[a-z0-9_-]{1,40}$/i.test(id)) throw new AppError("BAD_REQUEST", `"review" must be a review id; got "${id.slice(0, 40)}".`);
  if (!section) throw new AppError("BAD_REQUEST", `"review" needs "reviewSection": use ${allowed}.`);
  if (!(REVIEW_FINDING_SECTIONS as readonly string[]).includes(section)) {
    throw new AppError("BAD_REQUEST", `Unknown reviewSection "${section.slice(0, 40)}": use ${allowed}.`);
  }
  return { id, section: section as TReviewFindingSection };
}

/** Parses the findings filter from URL query parameters; a bad value is a 400 that names it. */
export function parseFindingFilter(params: URLSearchParams, options: { strict?: boolean } = {}): TFindingFilter {
  if (options.strict !== false) {
    const known = new Set<string>([...FILTER_PARAMS, "sort", "dir", "cursor", "limit", "format", "finding"]);
    for (const key of params.keys()) if (!known.has(key)) throw new AppError("BAD_REQUEST", `Unknown filter "${key}". Known filters: ${FILTER_PARAMS.join(", ")}.`);
  }
  const filter: TFindingFilter = {
    severity: enumList(params, "severity", SEVERITIES, ["CRITICAL", "HIGH"]),
    status: enumList(params, "status", WORKFLOW_STATUSES, ["NEW", "NOTIFIED"]),
    source: enumList(params, "source", FINDING_SOURCES),
    product: list(params, "product"),
    account: list(params, "account"),
    ou: list(params, "ou"),
    region: list(params, "region"),
    resourceType: list(params, "resourceType"),
    control: list(params, "control"),
    writeBack: enumList(params, "writeBack", ["PENDING", "FAILED", "SYNCED"] as const),
    firstSeenFrom: date(params, "firstSeenFrom", false),
    firstSeenTo: date(params, "firstSeenTo", true),
    lastSeenFrom: date(params, "lastSeenFrom", false),
    lastSeenTo: date(params, "lastSeenTo", true),
    closedFrom: date(params, "closedFrom", false),
    closedTo: date(params, "closedTo", true),
    compliance: enumList(params, "compliance", COMPLIANCE_STATUSES),
    review: review(params),
  };
  const bad = filter.account?.find((a) => !/^\d{12}$/.test(a));
  if (bad) throw new AppError("BAD_REQUEST", `Account "${bad}" is not a 12-digit AWS account id.`);

  const record = (params.get("record") ?? "active").toLowerCase();
  if (!["active", "archived", "all"].includes(record)) throw new AppError("BAD_REQUEST", `Unknown record "${record}": use active, archived or all.`);
  if (record !== "all") filter.record = record === "active" ? "ACTIVE" : "ARCHIVED";

  const standards = list(params, "standard");
  if (standards) {
    const unknown = standards.find((s) => !Object.hasOwn(STANDARDS, s));
    if (unknown) throw new AppError("BAD_REQUEST", `Unknown standard "${unknown}": use ${Object.keys(STANDARDS).join(", ")}.`);
    filter.standard = standards as TStandardKey[];
  }

  const owner = params.get("owner");
  if (owner !== null && owner !== "" && owner !== "any") {
    if (owner === "me") filter.owner = { kind: "me" };
    else if (owner === "none") filter.owner = { kind: "none" };
    else if (/^[a-z0-9]{8,40}$/i.test(owner)) filter.owner = { kind: "user", id: owner };
    else throw new AppError("BAD_REQUEST", `Unknown owner "${owner.slice(0, 40)}": use me, none, any or a user id.`);
  }

  const sla = params.get("sla");
  if (sla !== null && sla !== "") {
    if (sla !== "overdue" && sla !== "dueSoon") throw new AppError("BAD_REQUEST", `Unknown sla "${sla.slice(0, 40)}": use overdue or dueSoon.`);
    filter.sla = sla;
  }

  const q = params.get("q")?.trim();
  if (q) {
    if (q.length > MAX_TEXT) throw new AppError("BAD_REQUEST", `The search text is ${q.length} characters long; at most ${MAX_TEXT} are allowed.`);
    filter.q = q;
  }
  const expired = params.get("suppressionExpired");
  if (expired !== null && expired !== "") {
    if (expired !== "true" && expired !== "false") throw new AppError("BAD_REQUEST", `"suppressionExpired" must be true or false.`);
    filter.suppressionExpired = expired === "true";
  }
  for (const [from, to] of [["firstSeenFrom", "firstSeenTo"], ["lastSeenFrom", "lastSeenTo"], ["closedFrom", "closedTo"]] as const) {
    const a = filter[from];
    const b = filter[to];
    if (a && b && a > b) throw new AppError("BAD_REQUEST", `"${from}" is after "${to}".`);
  }
  return filter;
}

/** sort, dir, cursor and limit. */
export function parsePaging(params: URLSearchParams): TPaging {
  const sort = (params.get("sort") || "due") as TSortKey;
  if (!SORT_KEYS.includes(sort)) throw new AppError("BAD_REQUEST", `Unknown sort "${sort.slice(0, 40)}": use ${SORT_KEYS.join(", ")}.`);
  const defaultDir = sort === "lastSeen" ? "desc" : "asc";
  const dir = (params.get("dir") || defaultDir) as "asc" | "desc";
  if (dir !== "asc" && dir !== "desc") throw new AppError("BAD_REQUEST", `Unknown dir "${String(dir).slice(0, 40)}": use asc or desc.`);
  const limitText = params.get("limit");
  const limit = limitText ? Number(limitText) : 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new AppError("BAD_REQUEST", `"limit" must be a whole number from 1 to 200.`);
  return { sort, dir, cursor: params.get("cursor") || undefined, limit };
}
