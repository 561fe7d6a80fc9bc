// Findings API contracts. Pure: safe to import from client components.
import type { TSeverity } from "./severity.types";

export const WORKFLOW_STATUSES = ["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"] as const;
export type TWorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
export const FINDING_SOURCES = ["SECURITY_HUB", "GUARDDUTY"] as const;
export type TFindingSource = (typeof FINDING_SOURCES)[number];
export const SORT_KEYS = ["due", "severity", "age", "lastSeen"] as const;
export type TSortKey = (typeof SORT_KEYS)[number];
export const STANDARDS = {
  fsbp: "aws-foundational-security-best-practices/v/1.0.0",
  cis: "cis-aws-foundations-benchmark/v/1.4.0",
} as const;
export type TStandardKey = keyof typeof STANDARDS;
export type TSlaState = "overdue" | "dueSoon" | "ok" | "none";
export type TWriteBack = "NONE" | "PENDING" | "SYNCED" | "FAILED";
/** Security Hub's Compliance.Status of a control finding (the findings' complianceStatus column). */
export const COMPLIANCE_STATUSES = ["FAILED", "WARNING", "NOT_AVAILABLE", "PASSED"] as const;
export type TComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
/** The weekly review's finding sections: the list filter review=<id>&reviewSection=<key> shows what one counts. */
export const REVIEW_FINDING_SECTIONS = ["newCriticalHigh", "reopened", "resolved", "newlyOverdue", "suppressionsExpiring"] as const;
export type TReviewFindingSection = (typeof REVIEW_FINDING_SECTIONS)[number];

/**
 * The filter as URL query parameters (GET /api/findings?…, and the page URL). Lists are
 * comma-separated. An absent parameter takes its default: severity=CRITICAL,HIGH, status=NEW,NOTIFIED,
 * record=active; "all" removes that filter.
 */
export const FILTER_PARAMS = [
  "severity", // CRITICAL,HIGH,MEDIUM,LOW,INFORMATIONAL | all
  "status", // NEW,NOTIFIED,RESOLVED,SUPPRESSED | all
  "record", // active | archived | all
  "source", // SECURITY_HUB,GUARDDUTY
  "product", // product names, e.g. Security Hub,GuardDuty,Inspector
  "account", // 12-digit account ids
  "ou", // OU ids (their sub-OUs included)
  "region",
  "resourceType",
  "control", // control ids, e.g. S3.1
  "standard", // fsbp,cis
  "owner", // me | none | <user id>   (absent = anyone)
  "sla", // overdue | dueSoon (due within 7 days, not overdue)
  "firstSeenFrom", "firstSeenTo", "lastSeenFrom", "lastSeenTo", // YYYY-MM-DD (inclusive) or ISO date-time
  // closed (resolved, suppressed or archived) in this range, YYYY-MM-DD (inclusive, UTC days) or ISO date-time; the
  // close time is the overview's (server/overview/snapshot-findings-summary.ts). Open findings never match, so a link
  // with it also sets status=all&record=all.
  "closedFrom", "closedTo",
  "compliance", // FAILED,WARNING,NOT_AVAILABLE,PASSED | all (a control finding's compliance status)
  // the findings a weekly review's section counts (server/review/agenda-predicates.ts), re-evaluated over the review's
  // stored period; both or neither. The section's own conditions include status and record, so a link with them also
  // sets severity=all&status=all&record=all.
  "review", "reviewSection",
  "q", // free text: title, resource id, finding id
  "writeBack", // PENDING,FAILED,SYNCED
  "suppressionExpired", // "true": only findings whose suppression ran out
] as const;
export type TFilterParam = (typeof FILTER_PARAMS)[number];
/** Besides the filter: sort=due|severity|age|lastSeen, dir=asc|desc, cursor (from nextCursor), limit (1–200, default 50). */
export const PAGING_PARAMS = ["sort", "dir", "cursor", "limit"] as const;

export type TFindingListItem = {
  id: string;
  externalId: string;
  title: string;
  severity: TSeverity;
  workflowStatus: TWorkflowStatus;
  recordState: "ACTIVE" | "ARCHIVED";
  source: TFindingSource;
  productName: string | null;
  awsAccountId: string;
  accountName: string | null;
  region: string;
  resourceType: string | null;
  resourceId: string | null;
  controlId: string | null;
  owner: { id: string; email: string; name: string | null } | null;
  /** ISO date-times */
  dueAt: string | null;
  sla: TSlaState;
  firstObservedAt: string | null;
  lastObservedAt: string | null;
  suppressedUntil: string | null;
  suppressionExpiredAt: string | null;
  writeBack: TWriteBack;
  writeBackError: string | null;
};

/** GET /api/findings */
export type TFindingListResponse = { items: TFindingListItem[]; nextCursor: string | null };
/** GET /api/findings/counts: counts for the filter without its severity part (for the severity chips) */
export type TFindingCountsResponse = { bySeverity: Record<TSeverity, number>; total: number };

export type THistoryEntry = {
  id: string;
  at: string;
  origin: "sync" | "user" | "system";
  actor: { id: string; email: string } | null;
  /** { field: { from, to } } for changes; { note: "…" } for notes */
  changes: Record<string, unknown>;
};

export type TOutboxEntry = { id: string; kind: string; state: "PENDING" | "DONE" | "FAILED"; attempts: number; lastError: string | null; createdAt: string; sentAt: string | null };

/** GET /api/findings/:id */
export type TFindingDetail = TFindingListItem & {
  description: string | null;
  productArn: string | null;
  generatorId: string | null;
  guardDutyId: string | null;
  complianceStatus: string | null;
  awsCreatedAt: string;
  awsUpdatedAt: string;
  suppressionReason: string | null;
  suppressionRule: { id: string; name: string } | null;
  note: string | null;
  ouId: string | null;
  ouName: string | null;
  raw: unknown;
  history: THistoryEntry[];
  related: { sameResource: TFindingListItem[]; sameControl: TFindingListItem[] };
  outbox: TOutboxEntry[];
};

/** GET /api/findings/facets: options of the filter pickers */
export type TFacets = {
  accounts: { id: string; name: string; ouId: string | null }[];
  ous: { id: string; name: string; parentId: string | null }[];
  regions: string[];
  resourceTypes: string[];
  controls: string[];
  products: string[];
  users: { id: string; email: string; name: string | null }[];
};

/** POST /api/findings/actions */
export type TTriageAction =
  | { action: "status"; status: TWorkflowStatus; note?: string }
  | { action: "assign"; ownerId: string | null }
  | { action: "note"; note: string }
  | { action: "suppress"; reason: string; until: string }
  | { action: "unsuppress"; note?: string };
/** ids (at most 1,000), or every finding matching a filter query string (at most 10,000; expectedCount must equal the current count) */
export type TTriageTarget = { ids: string[] } | { filter: string; expectedCount: number };
export type TTriageRequest = TTriageAction & { target: TTriageTarget };
export type TTriageResponse = { actionId: string; affected: number; writeBack: number };

export const MAX_NOTE_LENGTH = 512;
export const MAX_SELECTED_IDS = 1_000;
export const MAX_FILTER_TARGET = 10_000;
