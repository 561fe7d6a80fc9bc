import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import {
  BASELINE_CHECKS, STATUS_RANK, type TBaselineCell, type TBaselineCellDetail, type TBaselineCheck, type TBaselineEvidence, type TBaselineFilter,
  type TBaselineMatrix, type TBaselineRow, type TBaselineStatus, type TRegionResult,
} from "./baseline.types";

type TResultRow = { awsAccountId: string; region: string; check: string; status: TBaselineStatus; evidence?: unknown; errorCode: string | null; errorMessage: string | null; evaluatedAt: Date };

function regionResult(r: TResultRow): TRegionResult {
  return {
    region: r.region,
    status: r.status,
    evidence: (r.evidence ?? {}) as TBaselineEvidence,
    error: r.errorCode ? { code: r.errorCode, message: r.errorMessage ?? "" } : null,
    evaluatedAt: r.evaluatedAt.toISOString(),
  };
}

/** A cell: the worst status over its regions, with every region's result (worst first, then by region). */
function cellOf(check: TBaselineCheck, rows: TResultRow[]): { check: TBaselineCheck; status: TBaselineStatus; regions: TRegionResult[] } {
  const regions = rows.map(regionResult).sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.region.localeCompare(b.region));
  return { check, status: regions[0]?.status ?? "UNKNOWN", regions };
}

/** The matrix carries no evidence (it can be large); the drill-down loads it per cell. */
function summaryOf(cell: ReturnType<typeof cellOf>): TBaselineCell {
  return { ...cell, regions: cell.regions.map(({ evidence: _evidence, ...rest }) => rest) };
}

/** The matrix accounts × checks from the latest results, filtered by OU, account and status. */
export async function getBaselineMatrix(filter: TBaselineFilter = {}): Promise<TBaselineMatrix> {
  const [accounts, results, lastRun] = await Promise.all([
    db.awsAccount.findMany({ where: { inOrganization: true, status: "ACTIVE" }, select: { id: true, name: true, ou: { select: { id: true, name: true } } }, orderBy: { name: "asc" } }),
    db.baselineResult.findMany({ select: { awsAccountId: true, region: true, check: true, status: true, evidence: false, errorCode: true, errorMessage: true, evaluatedAt: true } }),
    db.syncRun.findFirst({ where: { kind: "baseline" }, orderBy: { startedAt: "desc" }, select: { id: true, status: true, startedAt: true, finishedAt: true, error: true } }),
  ]);
  const byAccount = new Map<string, TResultRow[]>();
  for (const r of results) byAccount.set(r.awsAccountId, [...(byAccount.get(r.awsAccountId) ?? []), r]);
  const ous = new Map<string, string>();
  for (const a of accounts) if (a.ou) ous.set(a.ou.id, a.ou.name);
  const totals: Record<TBaselineStatus, number> = { PASS: 0, FAIL: 0, UNKNOWN: 0 };
  const rows: TBaselineRow[] = [];
  for (const a of accounts) {
    const own = byAccount.get(a.id) ?? [];
    const cells: TBaselineRow["cells"] = {};
    for (const check of BASELINE_CHECKS) {
      const forCheck = own.filter((r) => r.check === check);
      if (forCheck.length) cells[check] = summaryOf(cellOf(check, forCheck));
    }
    const row: TBaselineRow = { accountId: a.id, accountName: a.name, ou: a.ou, cells };
    if (filter.ou && a.ou?.id !== filter.ou) continue;
    if (filter.account && a.id !== filter.account) continue;
    if (filter.status && !Object.values(cells).some((c) => c.status === filter.status)) continue;
    for (const c of Object.values(cells)) totals[c.status]++;
    rows.push(row);
  }
  const evaluatedAt = results.reduce<Date | null>((max, r) => (!max || r.evaluatedAt > max ? r.evaluatedAt : max), null);
  return {
    rows,
    accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
    ous: [...ous].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    totals,
    evaluatedAt: evaluatedAt?.toISOString() ?? null,
    lastRun: lastRun ? { id: lastRun.id, status: lastRun.status, startedAt: lastRun.startedAt.toISOString(), finishedAt: lastRun.finishedAt?.toISOString() ?? null, error: lastRun.error } : null,
  };
}

/** One cell's evidence: each region's result for one account and check. */
export async function getBaselineCell(accountId: string, check: TBaselineCheck): Promise<TBaselineCellDetail> {
  const [account, results] = await Promise.all([
    db.awsAccount.findUnique({ where: { id: accountId }, select: { name: true } }),
    db.baselineResult.findMany({ where: { awsAccountId: accountId, check }, select: { awsAccountId: true, region: true, check: true, status: true, evidence: true, errorCode: true, errorMessage: true, evaluatedAt: true } }),
  ]);
  if (!results.length) throw new AppError("NOT_FOUND", `No baseline result for account ${accountId} and check ${check}: evaluate the baseline first.`);
  return { ...cellOf(check, results), accountId, accountName: account?.name ?? accountId };
}
