// Overview API contracts (GET /api/overview). Pure: safe to import from client components.

export const SUMMARY_SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type TSummarySeverity = (typeof SUMMARY_SEVERITIES)[number];

export type TOverviewKpis = {
  openCritical: number;
  openHigh: number;
  /** open findings past their SLA due date */
  slaBreaches: number;
  /** mean time to remediate in days over the last 30 days; null when nothing was closed */
  mttrCriticalDays: number | null;
  mttrHighDays: number | null;
  /** latest organization scores (percent) from compliance_snapshots */
  complianceFsbp: number | null;
  complianceCis: number | null;
  /** compliant / instances in percent from the latest patch snapshot; null before the first collection */
  patchCompliancePercent: number | null;
  /** EOL inventory entries ending within 90 days (not yet past) */
  eolWithin90: number;
  eolPast: number;
  overdueChecklistItems: number;
};

export type TWeekRow = { week: string; opened: number; closed: number; mttrDays: Record<TSummarySeverity, number | null> };
export type TAgeRow = { severity: TSummarySeverity; age0to7: number; age8to30: number; age31to90: number; ageOver90: number };
export type TComplianceDay = { day: string; fsbp: number | null; cis: number | null };
export type TAccountRow = { accountId: string; name: string | null; critical: number; high: number };
export type TOuRow = { ouId: string; name: string; parentId: string | null; depth: number; critical: number; high: number };

export type TOverview = {
  /** the latest summary day (YYYY-MM-DD); null before the first snapshot */
  asOf: string | null;
  /**
   * The instant the latest day's open figures (age buckets, open counts) refer to: the end of that day, or the time of
   * its snapshot when it is today (ISO). The age buckets' links count from it so they list the same findings.
   */
  refAt: string | null;
  kpis: TOverviewKpis;
  weekly: TWeekRow[];
  ageBuckets: TAgeRow[];
  complianceTrend: TComplianceDay[];
  byAccount: TAccountRow[];
  byOu: TOuRow[];
};
