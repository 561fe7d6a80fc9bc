import { z } from "zod";

// Patch compliance (SSM Patch Manager) as the API returns it, and the query-string schemas. Pure (client-safe).
//
// The rules, applied in this order to every managed instance:
//   stale          its last patch operation (Scan or Install) ended more than `staleDays` days before the
//                  reference time, or SSM has no patch state for it at all. Its counts are outdated, so it is
//                  neither compliant nor non-compliant: stale instances are shown on their own.
//   non-compliant  not stale, and any of: missing > 0, failed > 0, installed-pending-reboot > 0,
//                  critical non-compliant > 0, security non-compliant > 0.
//   compliant      not stale, and all five counts are 0. (Installed-rejected and "other" non-compliant are shown but
//                  do not decide: other non-compliant patches are also counted as missing or failed.)
// % compliant = compliant / all instances (stale ones included, so a stale fleet cannot look compliant).
// The reference time is "now" on the source's clock (the simulator's clock in demo mode).

export const STALE_DAYS_MIN = 1;
export const STALE_DAYS_MAX = 90;
export const STALE_DAYS_DEFAULT = 7;

export const PATCH_STATES = ["compliant", "noncompliant", "stale"] as const;
export type TPatchState = (typeof PATCH_STATES)[number];

export const ZStaleSetting = z.object({
  staleDays: z.number({ message: `staleDays must be a whole number of days from ${STALE_DAYS_MIN} to ${STALE_DAYS_MAX}` })
    .int(`staleDays must be a whole number of days from ${STALE_DAYS_MIN} to ${STALE_DAYS_MAX}`)
    .min(STALE_DAYS_MIN, `staleDays must be at least ${STALE_DAYS_MIN}`)
    .max(STALE_DAYS_MAX, `staleDays must be at most ${STALE_DAYS_MAX}`),
}).strict();
export type TStaleSetting = z.infer<typeof ZStaleSetting>;

export type TPatchSettingView = { staleDays: number; updatedAt: string | null; updatedBy: string | null };

/** The figures of one roll-up (organization, OU, account, account × region). */
export type TPatchCounts = {
  instances: number;
  compliant: number;
  nonCompliant: number;
  stale: number;
  /** compliant / instances × 100, one decimal; null without instances */
  pctCompliant: number | null;
  missing: number;
  failed: number;
  pendingReboot: number;
  critical: number;
  security: number;
};

export type TAccountRollup = TPatchCounts & { accountId: string; accountName: string | null; ouId: string | null; regions: (TPatchCounts & { region: string })[] };
export type TOuRollup = TPatchCounts & { ouId: string; name: string; parentId: string | null; depth: number; accounts: number };

export type TCollectionView = {
  id: string;
  trigger: string;
  requestedBy: string | null;
  status: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
  startedAt: string;
  finishedAt: string | null;
  scopesTotal: number;
  scopesDone: number;
  scopesFailed: number;
  instances: number;
  errors: { scope: string; error: string }[];
};

export type TPatchSummary = {
  /** when the data was last collected (the newest finished collection), null = never */
  asOf: string | null;
  /** the reference time the stale rule used (source clock) */
  referenceAt: string;
  staleDays: number;
  organization: TPatchCounts;
  accounts: TAccountRollup[];
  ous: TOuRollup[];
  lastCollection: TCollectionView | null;
};

export const INSTANCE_SORTS = ["instance", "account", "region", "state", "missing", "failed", "pendingReboot", "critical", "security", "lastOperation", "patchGroup"] as const;
export type TInstanceSort = (typeof INSTANCE_SORTS)[number];

const text = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/** The instance list's filters and paging, from the query string (unknown keys ignored, e.g. tab=patches). */
export const ZInstanceQuery = z.object({
  account: z.string().trim().regex(/^\d{12}$/, "account must be a 12-digit AWS account id").optional(),
  region: z.string().trim().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "region must look like us-east-1").optional(),
  ou: z.string().trim().regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/, "ou must be an OU id (ou-…) or the root id (r-…)").optional(),
  state: z.enum(PATCH_STATES, { message: `state must be one of ${PATCH_STATES.join(", ")}` }).optional(),
  group: text(128),
  q: text(200),
  sort: z.enum(INSTANCE_SORTS, { message: `sort must be one of ${INSTANCE_SORTS.join(", ")}` }).default("state"),
  dir: z.enum(["asc", "desc"], { message: "dir must be asc or desc" }).default("asc"),
  page: z.coerce.number({ message: "page must be a number" }).int("page must be a whole number").min(1, "page must be at least 1").max(100_000).default(1),
  pageSize: z.coerce.number({ message: "pageSize must be a number" }).int().min(10, "pageSize must be at least 10").max(200, "pageSize must be at most 200").default(50),
});
export type TInstanceQuery = z.infer<typeof ZInstanceQuery>;

export type TPatchInstanceView = {
  instanceId: string;
  computerName: string | null;
  platformType: string | null;
  platformName: string | null;
  pingStatus: string | null;
  accountId: string;
  accountName: string | null;
  region: string;
  patchGroup: string;
  baselineId: string | null;
  state: TPatchState;
  missing: number;
  failed: number;
  pendingReboot: number;
  rejected: number;
  critical: number;
  security: number;
  other: number;
  installed: number;
  operation: string | null;
  operationEndAt: string | null;
  collectedAt: string;
};

export type TInstancePage = { items: TPatchInstanceView[]; total: number; page: number; pageSize: number; referenceAt: string; staleDays: number };

export const ZTrendQuery = z.object({
  account: z.string().trim().regex(/^\d{12}$/, "account must be a 12-digit AWS account id").optional(),
  ou: z.string().trim().regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/, "ou must be an OU id (ou-…) or the root id (r-…)").optional(),
  weeks: z.coerce.number().int().min(1, "weeks must be at least 1").max(104, "weeks must be at most 104").default(12),
});
export type TTrendQuery = z.infer<typeof ZTrendQuery>;

export type TTrendPoint = { day: string; instances: number; compliant: number; nonCompliant: number; stale: number; pctCompliant: number | null };
export type TTrend = { from: string; to: string; points: TTrendPoint[] };
