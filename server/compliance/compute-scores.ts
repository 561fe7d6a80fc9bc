// Pure score computation, the way Security Hub does it (no database; see compute-scores.test.ts).
//
// Control status, per standard and account, over the control's findings in every region of the account
// (Security Hub "Evaluating compliance status and control status"):
//   - ARCHIVED findings and findings whose workflow status is SUPPRESSED are ignored.
//   - FAILED   at least one finding FAILED
//   - UNKNOWN  no FAILED, at least one WARNING or NOT_AVAILABLE
//   - PASSED   every finding PASSED
//   - NO_DATA  the control has active findings, but none that counts (all suppressed, or no compliance status)
//   A control with no active finding at all is disabled (Security Hub archives a disabled control's findings)
//   or not in the standard: it is not counted.
// Security score = PASSED / (PASSED + FAILED + UNKNOWN): passed controls over enabled controls with data;
// null when no control has data.
// OU and organization: like the administrator account's score in Security Hub, the controls are aggregated
// across all accounts of the scope (an OU includes its sub-OUs): a control fails when it fails in any account,
// is unknown when unknown in one and failed in none, passes when it passes everywhere it has data. This is not
// the mean of the account scores.
import type { TControlStatus, TScoreFigures } from "./compliance.types";

/** Counts of one control's findings in one account (all regions) and standard. */
export type TControlCounts = {
  /** ACTIVE findings, suppressed ones included */
  active: number;
  /** among ACTIVE, not SUPPRESSED findings: */
  passed: number;
  failed: number;
  warning: number;
  notAvailable: number;
};

/** null: disabled (no active finding), not counted. */
export function controlStatus(c: TControlCounts): TControlStatus | null {
  if (c.active === 0) return null;
  if (c.failed > 0) return "FAILED";
  if (c.warning > 0 || c.notAvailable > 0) return "UNKNOWN";
  if (c.passed > 0) return "PASSED";
  return "NO_DATA";
}

const RANK: Record<TControlStatus, number> = { NO_DATA: 0, PASSED: 1, UNKNOWN: 2, FAILED: 3 };

/** A control's status over several accounts: the worst status that has data (FAILED > UNKNOWN > PASSED > NO_DATA). */
export function combineStatuses(a: TControlStatus | null, b: TControlStatus | null): TControlStatus | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export function scoreOf(passed: number, failed: number, unknown: number): number | null {
  const withData = passed + failed + unknown;
  return withData === 0 ? null : (passed / withData) * 100;
}

export function figuresOf(statuses: Iterable<TControlStatus | null>): TScoreFigures {
  const f = { passed: 0, failed: 0, unknown: 0, noData: 0 };
  for (const s of statuses) {
    if (s === "PASSED") f.passed++;
    else if (s === "FAILED") f.failed++;
    else if (s === "UNKNOWN") f.unknown++;
    else if (s === "NO_DATA") f.noData++;
  }
  return { ...f, score: scoreOf(f.passed, f.failed, f.unknown) };
}

/** One row per standard, account and control (from the grouped query). */
export type TControlRow<S extends string = string> = TControlCounts & { standard: S; accountId: string; controlId: string };
export type TOuNode = { id: string; parentId: string | null };
export type TAccountNode = { id: string; ouId: string | null };

export type TScopeFigures<S extends string> = {
  org: Map<S, TScoreFigures>;
  ous: Map<string, Map<S, TScoreFigures>>;
  accounts: Map<string, Map<S, TScoreFigures>>;
};

/** The OUs an account's figures count for: its own OU and every ancestor (cycles and deep trees are cut). */
export function ouAncestors(ouId: string | null, parents: Map<string, string | null>): string[] {
  const out: string[] = [];
  for (let id = ouId; id && !out.includes(id) && out.length < 50; id = parents.get(id) ?? null) out.push(id);
  return out;
}

/** Figures per standard for the organization, every OU (with its sub-OUs) and every account that has controls. */
export function computeScopeFigures<S extends string>(rows: TControlRow<S>[], accounts: TAccountNode[], ous: TOuNode[]): TScopeFigures<S> {
  const parents = new Map(ous.map((o) => [o.id, o.parentId]));
  const ouOfAccount = new Map(accounts.map((a) => [a.id, a.ouId]));
  // scope key → standard → control → status
  const statuses = new Map<string, Map<S, Map<string, TControlStatus | null>>>();
  const add = (scope: string, row: TControlRow<S>, status: TControlStatus | null) => {
    let byStandard = statuses.get(scope);
    if (!byStandard) statuses.set(scope, (byStandard = new Map()));
    let byControl = byStandard.get(row.standard);
    if (!byControl) byStandard.set(row.standard, (byControl = new Map()));
    byControl.set(row.controlId, combineStatuses(byControl.get(row.controlId) ?? null, status));
  };
  for (const row of rows) {
    const status = controlStatus(row);
    if (status === null) continue;
    add("org", row, status);
    add(`account:${row.accountId}`, row, status);
    for (const ou of ouAncestors(ouOfAccount.get(row.accountId) ?? null, parents)) add(`ou:${ou}`, row, status);
  }
  const result: TScopeFigures<S> = { org: new Map(), ous: new Map(), accounts: new Map() };
  for (const [scope, byStandard] of statuses) {
    const figures = new Map<S, TScoreFigures>();
    for (const [standard, byControl] of byStandard) figures.set(standard, figuresOf(byControl.values()));
    if (scope === "org") result.org = figures;
    else if (scope.startsWith("ou:")) result.ous.set(scope.slice(3), figures);
    else result.accounts.set(scope.slice(8), figures);
  }
  return result;
}
