import "server-only";
import { readPool } from "@/server/db-pool";
import { patchRuleContext } from "./get-patch-summary";
import { withStateSql } from "./patch-sql";
import type { TInstancePage, TInstanceQuery, TInstanceSort, TPatchInstanceView, TPatchState } from "./patches.types";

// The instance list: filters and paging from the query string, state computed in SQL with the current rule.

const STATE_ORDER = `CASE i.state WHEN 'noncompliant' THEN 0 WHEN 'stale' THEN 1 ELSE 2 END`;
const SORTS: Record<TInstanceSort, string> = {
  instance: `coalesce(nullif(i."computerName", ''), i."instanceId")`,
  account: `coalesce(a.name, i."accountId")`,
  region: "i.region",
  state: STATE_ORDER,
  missing: "i.missing",
  failed: "i.failed",
  pendingReboot: `i."installedPendingReboot"`,
  critical: `i."criticalNonCompliant"`,
  security: `i."securityNonCompliant"`,
  lastOperation: `i."operationEndAt"`,
  patchGroup: `i."patchGroup"`,
};

type TRow = {
  instanceId: string; computerName: string | null; platformType: string | null; platformName: string | null; pingStatus: string | null;
  accountId: string; accountName: string | null; region: string; patchGroup: string; baselineId: string | null; state: TPatchState;
  missing: number; failed: number; installedPendingReboot: number; installedRejected: number; criticalNonCompliant: number;
  securityNonCompliant: number; otherNonCompliant: number; installed: number; operation: string | null; operationEndAt: Date | null;
  collectedAt: Date; total: number;
};

export async function listPatchInstances(query: TInstanceQuery, options: { now?: Date } = {}): Promise<TInstancePage> {
  const { reference, staleDays } = await patchRuleContext(options.now);
  const params: unknown[] = [reference.toISOString(), staleDays];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.account) where.push(`i."accountId" = ${param(query.account)}`);
  if (query.region) where.push(`i.region = ${param(query.region)}`);
  if (query.state) where.push(`i.state = ${param(query.state)}`);
  if (query.group !== undefined) where.push(query.group === "-" ? `i."patchGroup" = ''` : `i."patchGroup" = ${param(query.group)}`);
  if (query.q) {
    const like = param(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(i."instanceId" ILIKE ${like} OR i."computerName" ILIKE ${like})`);
  }
  if (query.ou) {
    where.push(`a."ouId" IN (WITH RECURSIVE sub AS (SELECT id, 0 AS depth FROM organizational_units WHERE id = ${param(query.ou)}
      UNION ALL SELECT c.id, s.depth + 1 FROM organizational_units c JOIN sub s ON c."parentId" = s.id WHERE s.depth < 20) SELECT id FROM sub)`);
  }
  const order = `${SORTS[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, i."accountId", i.region, i."instanceId"`;
  const limit = param(query.pageSize);
  const offset = param((query.page - 1) * query.pageSize);
  const { rows } = await readPool().query<TRow>(
    `SELECT i.*, a.name AS "accountName", count(*) OVER ()::int AS total
     FROM (${withStateSql("$1", "$2")}) i LEFT JOIN aws_accounts a ON a.id = i."accountId"
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: the count still tells the UI where the list ends.
    const { rows: [count] } = await readPool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${withStateSql("$1", "$2")}) i LEFT JOIN aws_accounts a ON a.id = i."accountId" ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`,
      params.slice(0, -2),
    );
    total = count?.n ?? 0;
  }
  const items: TPatchInstanceView[] = rows.map((r) => ({
    instanceId: r.instanceId, computerName: r.computerName, platformType: r.platformType, platformName: r.platformName, pingStatus: r.pingStatus,
    accountId: r.accountId, accountName: r.accountName, region: r.region, patchGroup: r.patchGroup, baselineId: r.baselineId, state: r.state,
    missing: r.missing, failed: r.failed, pendingReboot: r.installedPendingReboot, rejected: r.installedRejected, critical: r.criticalNonCompliant,
    security: r.securityNonCompliant, other: r.otherNonCompliant, installed: r.installed, operation: r.operation,
    operationEndAt: r.operationEndAt?.toISOString() ?? null, collectedAt: r.collectedAt.toISOString(),
  }));
  return { items, total, page: query.page, pageSize: query.pageSize, referenceAt: reference.toISOString(), staleDays };
}
