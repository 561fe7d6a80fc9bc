// The account security baseline: checks, results and the matrix (pure types, importable by client code).

export const BASELINE_CHECKS = ["cloudtrail", "config", "guardduty", "securityhub", "ecr", "ssm", "ebs"] as const;
export type TBaselineCheck = (typeof BASELINE_CHECKS)[number];

export const BASELINE_STATUSES = ["PASS", "FAIL", "UNKNOWN"] as const;
export type TBaselineStatus = (typeof BASELINE_STATUSES)[number];

/**
 * The Security Hub controls (FSBP v1.0.0 ids, CIS v1.4.0 maps to the same ids) whose findings cover each
 * area: the "findings in this area" link filters /findings by these.
 */
export const CHECK_CONTROLS: Record<TBaselineCheck, string[]> = {
  cloudtrail: ["CloudTrail.1", "CloudTrail.2", "CloudTrail.4", "CloudTrail.5"],
  config: ["Config.1"],
  guardduty: ["GuardDuty.1"],
  securityhub: ["SecurityHub.1"],
  ecr: ["ECR.1"],
  ssm: ["SSM.1", "SSM.2", "SSM.3"],
  ebs: ["EC2.7"],
};

/** Multi-region checks are evaluated once per account (in the first configured region) and shown in every region. */
export const ACCOUNT_LEVEL_CHECKS: readonly TBaselineCheck[] = ["cloudtrail"];

/** Worst first: a cell shows the worst status over its regions. */
export const STATUS_RANK: Record<TBaselineStatus, number> = { FAIL: 0, UNKNOWN: 1, PASS: 2 };

/** Why a check failed (evidence.problem), one message each in checklistsBaseline.problems. */
export const BASELINE_PROBLEMS = [
  "noTrail", "noMultiRegionTrail", "trailNotLogging", "noRecorder", "recorderStopped", "noDetector", "detectorDisabled",
  "hubDisabled", "standardMissing", "repositoryWithoutScanOnPush", "associationMissing", "ebsEncryptionOff",
] as const;
export type TBaselineProblem = (typeof BASELINE_PROBLEMS)[number];

export function isBaselineProblem(value: unknown): value is TBaselineProblem {
  return typeof value === "string" && (BASELINE_PROBLEMS as readonly string[]).includes(value);
}

export type TBaselineEvidence = Record<string, unknown>;

export type TRegionResult = {
  region: string;
  status: TBaselineStatus;
  evidence: TBaselineEvidence;
  error: { code: string; message: string } | null;
  evaluatedAt: string;
};

/** A region's result in the matrix (the evidence is loaded per cell, on demand). */
export type TRegionSummary = Omit<TRegionResult, "evidence">;

export type TBaselineCell = { check: TBaselineCheck; status: TBaselineStatus; regions: TRegionSummary[] };

/** One cell's drill-down: every region's result with its evidence. */
export type TBaselineCellDetail = { check: TBaselineCheck; status: TBaselineStatus; regions: TRegionResult[]; accountId: string; accountName: string };

export type TBaselineRow = {
  accountId: string;
  accountName: string;
  ou: { id: string; name: string } | null;
  cells: Partial<Record<TBaselineCheck, TBaselineCell>>;
};

export type TBaselineMatrix = {
  rows: TBaselineRow[];
  ous: { id: string; name: string }[];
  /** every active account (for the account filter), whatever the filter */
  accounts: { id: string; name: string }[];
  totals: Record<TBaselineStatus, number>;
  evaluatedAt: string | null;
  lastRun: { id: string; status: string; startedAt: string; finishedAt: string | null; error: string | null } | null;
};

export type TBaselineFilter = { ou?: string; account?: string; status?: TBaselineStatus };

export type TEvaluationSummary = {
  runId: string;
  ok: boolean;
  accounts: number;
  regions: number;
  results: number;
  totals: Record<TBaselineStatus, number>;
  durationMs: number;
  error?: string;
};
