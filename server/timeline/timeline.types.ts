// Client-safe contracts of the CloudTrail timeline API (no server imports). Times are ISO 8601 UTC strings.
//
// GET  /api/timeline/events         ?<filters>&limit=&cursor=   → TTimelinePage         (VIEWER)
// GET  /api/timeline/histogram      ?<filters>                  → TTimelineHistogram    (VIEWER)
// GET  /api/timeline/events/:id                                 → TTimelineEventDetail  (VIEWER)
// GET  /api/timeline/presets                                    → { items: TTimelinePreset[] } (VIEWER)
// GET  /api/timeline/ingest                                     → TTimelineIngestStatus (VIEWER)
// POST /api/timeline/ingest         { mode: "sync" | "backfill" } → 202 { started: true } (ANALYST, audited)
// POST /api/timeline/import         multipart "files"           → TTrailImportSummary   (ADMIN, audited)
// GET|PUT /api/timeline/settings    { retentionDays }           → TTimelineSettings     (VIEWER | ADMIN, audited)
//
// Filters (query string, all optional, combined with AND; list filters take repeated or comma-separated values):
//   from, to          ISO times; default the last 7 days; to > from; at most 400 days apart
//   principal         an ARN (IAM user, assumed-role session, or role: matches its sessions), user name or access key id
//   eventName         one or more event names (OR)            eventSource  one or more, e.g. iam.amazonaws.com
//   account           12-digit account ids (OR)               region       region codes (OR)
//   sourceIp          an IPv4/IPv6 address or CIDR (10.0.0.0/8, 2001:db8::/32)
//   resource          an ARN or resource name/id (an ARN also matches its short name; an access key id its caller)
//   readOnly          true | false                            errorsOnly   true
//   q                 free text: event name, principal, user name, source, error, resources (case-insensitive)
//   preset            a TTimelinePresetId (the sensitive-event rules)
// A bad parameter is a 400 whose message names it: { error: { code: "BAD_REQUEST", message } }.

export const TIMELINE_PRESET_IDS = [
  "root-activity",
  "console-signin-risk",
  "trail-tampering",
  "security-services-disabled",
  "iam-credentials",
  "open-ingress",
  "s3-public-exposure",
  "kms-key-disable",
  "leave-organization",
] as const;
export type TTimelinePresetId = (typeof TIMELINE_PRESET_IDS)[number];

export type TTimelinePreset = {
  id: TTimelinePresetId;
  /** English title and what it matches (the UI translates by id) */
  title: string;
  description: string;
  /** the event names the rule looks at */
  eventNames: string[];
};

export type TTimelineFilters = {
  from: string;
  to: string;
  principal?: string;
  eventName?: string[];
  eventSource?: string[];
  account?: string[];
  region?: string[];
  sourceIp?: string;
  resource?: string;
  readOnly?: boolean;
  errorsOnly?: boolean;
  q?: string;
  preset?: TTimelinePresetId;
};

export type TTimelineEvent = {
  id: string;
  time: string;
  name: string;
  source: string;
  accountId: string;
  region: string;
  principal: { arn: string | null; type: string | null; userName: string | null; accessKeyId: string | null };
  /** an IP address, or the AWS service that made the call */
  sourceAddress: string | null;
  userAgent: string | null;
  readOnly: boolean | null;
  error: { code: string; message: string | null } | null;
  resources: string[];
};

export type TTimelinePage = {
  items: TTimelineEvent[];
  /** opaque; pass as `cursor` for the next (older) page; null at the end */
  nextCursor: string | null;
  /** the filters as applied (defaults filled in) */
  filters: TTimelineFilters;
};

export type TTimelineRelatedFinding = {
  id: string;
  title: string;
  severity: string;
  workflowStatus: string;
  source: string;
  resourceId: string | null;
  accountId: string;
  region: string;
  lastObservedAt: string | null;
};

export type TTimelineEventDetail = TTimelineEvent & {
  /** the full CloudTrail record */
  raw: Record<string, unknown>;
  origin: "lookup" | "file";
  /** findings whose resource is one of this event's resources (or its access key) */
  findings: TTimelineRelatedFinding[];
};

export type TTimelineHistogram = {
  from: string;
  to: string;
  bucketMs: number;
  buckets: { start: string; count: number }[];
  total: number;
};

export type TTimelineScopeStatus = {
  accountId: string;
  accountName: string | null;
  region: string;
  status: "PENDING" | "RUNNING" | "OK" | "FAILED";
  error: string | null;
  /** newest time read by the incremental ingest */
  latestTime: string | null;
  /** the backfill aims at this time and has read everything from backfillDoneTo up */
  backfillTarget: string | null;
  backfillDoneTo: string | null;
  /** share of the backfill window covered, 0–100 */
  backfillPercent: number;
  eventsStored: number;
  apiCalls: number;
  lastRunAt: string | null;
};

export type TTimelineIngestStatus = {
  running: boolean;
  scopes: TTimelineScopeStatus[];
  totals: { events: number; scopes: number; complete: number; failed: number };
  retentionDays: number;
};

export type TTrailFileResult = {
  file: string;
  ok: boolean;
  /** why the file was rejected (not gzip/JSON, no Records array, unreadable) */
  error?: string;
  records: number;
  inserted: number;
  duplicates: number;
  /** records that failed validation (the rest of the file imports) */
  invalid: number;
  invalidSamples: string[];
};

export type TTrailImportSummary = {
  files: TTrailFileResult[];
  records: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  failedFiles: number;
  durationMs: number;
  eventsPerSecond: number;
};

export type TTimelineSettings = { retentionDays: number };
