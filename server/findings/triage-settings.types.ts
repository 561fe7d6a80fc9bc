// SLA policy and suppression rule API contracts. Pure: safe to import from client components.

export const SLA_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type TSlaSeverity = (typeof SLA_SEVERITIES)[number];
export const SLA_MIN_DAYS = 1;
export const SLA_MAX_DAYS = 3650;
export type TSlaDays = Record<TSlaSeverity, number>;

/** GET /api/settings/sla; with ?critical=&high=&medium=&low= also `preview` (what those days would do) */
export type TSlaPolicyResponse = TSlaDays & {
  updatedAt: string;
  /** e-mail of the admin who last changed it; null for the defaults */
  updatedBy: string | null;
  preview?: TSlaPreview;
};
/** Open findings (active, NEW or NOTIFIED, with an SLA) overdue now and with the proposed days. */
export type TSlaPreview = { open: number; overdueNow: number; overdueAfter: number };
/** PUT /api/settings/sla: the policy as saved and how many findings got a new due date. */
export type TSlaUpdateResponse = TSlaPolicyResponse & { recomputed: number };

/** All given criteria must match; at least one is required. */
export type TSuppressionCriteria = {
  /** 12-digit AWS account ids */
  accountIds?: string[];
  /** OU ids (r-…, ou-…); accounts of their sub-OUs match too */
  ouIds?: string[];
  /** Security Hub control ids, e.g. S3.1 */
  controlIds?: string[];
  /** product names, e.g. Security Hub, GuardDuty, Inspector */
  products?: string[];
  /** GeneratorId, or the GuardDuty finding type (e.g. Recon:EC2/PortProbeUnprotectedPort); a trailing * matches a prefix */
  findingTypes?: string[];
  /** glob over the resource id, * = any text, case-insensitive, matched against the whole id */
  resourcePattern?: string;
};
export const CRITERIA_KEYS = ["accountIds", "ouIds", "controlIds", "products", "findingTypes", "resourcePattern"] as const;
export type TCriteriaKey = (typeof CRITERIA_KEYS)[number];

export const RULE_LIMITS = {
  name: 120,
  reason: 512,
  listValues: 200,
  value: 256,
  pattern: 256,
  /** literal characters a resource pattern needs besides * */
  patternLiterals: 3,
} as const;

export type TSuppressionRule = {
  id: string;
  name: string;
  reason: string;
  criteria: TSuppressionCriteria;
  /** ISO date-time; null = no expiry */
  expiresAt: string | null;
  enabled: boolean;
  /** the expiry has passed: the rule no longer applies */
  expired: boolean;
  createdBy: { id: string; email: string } | null;
  createdAt: string;
  updatedAt: string;
  /** findings this rule suppresses now */
  covers: number;
  /** active findings that match its criteria, whatever their status */
  matches: number;
};

/** GET /api/suppression-rules */
export type TSuppressionRuleListResponse = { items: TSuppressionRule[] };

/** POST /api/suppression-rules (expiresAt: YYYY-MM-DD = end of that day UTC, or an ISO date-time) */
export type TCreateSuppressionRule = {
  name: string;
  reason: string;
  criteria: TSuppressionCriteria;
  expiresAt?: string | null;
  enabled?: boolean;
};
/** PATCH /api/suppression-rules/:id – any subset */
export type TUpdateSuppressionRule = Partial<TCreateSuppressionRule>;

/** POST and PATCH answer with the rule and what changed on findings. */
export type TSuppressionRuleChangeResponse = {
  rule: TSuppressionRule;
  /** findings newly suppressed by the rule */
  suppressed: number;
  /** findings returned to NEW because the new criteria no longer match them */
  released: number;
  /** findings it already suppressed that took the new reason or expiry */
  refreshed: number;
};

/** DELETE /api/suppression-rules/:id, body { keepSuppressed?: boolean } */
export type TDeleteSuppressionRuleResponse = { deleted: true; released: number; kept: number };
