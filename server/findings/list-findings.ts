import "server-only";
import { readPool } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import type { TFacets, TFindingCountsResponse, TFindingListItem, TFindingListResponse, TSlaState, TWriteBack } from "./findings.types";
import type { TFindingFilter, TPaging } from "./filters";
import { cursorOf, filterSql, keysetSql, LIST_FROM, listColumnsSql, sortKeys, SqlParams } from "./query-sql";
import { SEVERITIES, type TSeverity } from "./severity.types";

const iso = (d: unknown) => (d instanceof Date && Number.isFinite(d.getTime()) ? d.toISOString() : null);

export function toListItem(r: Record<string, unknown>): TFindingListItem {
  return {
    id: r.id as string,
    externalId: r.externalId as string,
    title: r.title as string,
    severity: r.severity as TSeverity,
    workflowStatus: r.workflowStatus as TFindingListItem["workflowStatus"],
    recordState: r.recordState as TFindingListItem["recordState"],
    source: r.source as TFindingListItem["source"],
    productName: (r.productName as string | null) ?? null,
    awsAccountId: r.awsAccountId as string,
    accountName: (r.accountName as string | null) ?? null,
    region: r.region as string,
    resourceType: (r.resourceType as string | null) ?? null,
    resourceId: (r.resourceId as string | null) ?? null,
    controlId: (r.controlId as string | null) ?? null,
    owner: r.ownerId ? { id: r.ownerId as string, email: r.ownerEmail as string, name: (r.ownerName as string | null) ?? null } : null,
    dueAt: iso(r.dueAt),
    sla: r.sla as TSlaState,
    firstObservedAt: iso(r.firstObservedAt),
    lastObservedAt: iso(r.lastObservedAt),
    suppressedUntil: iso(r.suppressedUntil),
    suppressionExpiredAt: iso(r.suppressionExpiredAt),
    writeBack: r.writeBack as TWriteBack,
    writeBackError: (r.writeBackError as string | null) ?? null,
  };
}

export type TListContext = { userId: string; now?: Date };

/** A review filter names a stored review: an unknown one is a 404, not an empty list that looks like "nothing changed". */
export async function checkReview(filter: TFindingFilter): Promise<void> {
  if (!filter.review) return;
  const { rowCount } = await readPool().query(`SELECT 1 FROM reviews WHERE id = $1`, [filter.review.id]);
  if (!rowCount) throw new AppError("NOT_FOUND", `Review ${filter.review.id} does not exist: the link's review was deleted or its id is wrong.`);
}

/** One page of the findings matching `filter`, in keyset order. */
export async function listFindings(filter: TFindingFilter, paging: TPaging, context: TListContext): Promise<TFindingListResponse> {
  await checkReview(filter);
  const now = context.now ?? new Date();
  const p = new SqlParams();
  const { orderBy, after } = keysetSql(paging, p);
  const keys = sortKeys(paging).map((k, i) => `${k} AS k${i}`).join(", ");
  const take = paging.limit + 1;
  // The page's ids first (through indexes only where possible), then its columns for those rows.
  let page: string;
  // Ranges, free text and rare states are selective through their own indexes (covering, trigram,
  // write-back), and owner and control have (…, due key, id) indexes in this order: the planner does
  // better with those than with one walk of the due-key order per severity.
  const selective = filter.q || filter.firstSeenFrom || filter.firstSeenTo || filter.lastSeenFrom || filter.lastSeenTo || filter.closedFrom || filter.closedTo
    || filter.writeBack || filter.suppressionExpired || filter.control || filter.review || (filter.owner && filter.owner.kind !== "none");
  if ((paging.sort === "due" || paging.sort === "severity") && !selective) {
    // One ordered read of the (severity, due key, id) index per severity, merged: no severity's rows
    // are skipped over to reach another's, whichever way the list runs.
    const rest = filterSql(filter, p, { userId: context.userId, now, omit: "severity" });
    const parts = (filter.severity ?? SEVERITIES).map((severity) =>
      `(SELECT f.id, ${keys} FROM findings f WHERE f.severity = ${p.add(severity, `::"Severity"`)} AND ${rest} AND ${after} ORDER BY ${orderBy} LIMIT ${take})`);
    const outer = sortKeys(paging).map((_, i) => `k${i} ${paging.dir === "desc" ? "DESC" : "ASC"}`).join(", ");
    page = `SELECT * FROM (${parts.join(" UNION ALL ")}) x ORDER BY ${outer} LIMIT ${take}`;
  } else {
    const where = filterSql(filter, p, { userId: context.userId, now });
    page = `SELECT f.id, ${keys} FROM findings f WHERE ${where} AND ${after} ORDER BY ${orderBy} LIMIT ${take}`;
  }
  const nowParam = p.add(now, "::timestamp");
  const sql = `WITH page AS MATERIALIZED (${page})
    SELECT ${listColumnsSql(nowParam)} FROM page JOIN (${LIST_FROM}) ON f.id = page.id ORDER BY ${orderBy}`;
  const { rows } = await readPool().query(sql, p.values);
  const items = rows.slice(0, paging.limit);
  const last = items[items.length - 1];
  return { items: items.map(toListItem), nextCursor: rows.length > paging.limit && last ? cursorOf(paging, last) : null };
}

/** Counts by severity for the filter without its severity part; total = the filter's own count. */
export async function countFindings(filter: TFindingFilter, context: TListContext): Promise<TFindingCountsResponse> {
  await checkReview(filter);
  const p = new SqlParams();
  const where = filterSql(filter, p, { userId: context.userId, now: context.now ?? new Date(), omit: "severity" });
  const { rows } = await readPool().query<{ severity: TSeverity; n: number }>(
    `SELECT f.severity, count(*)::int AS n FROM findings f WHERE ${where} GROUP BY f.severity`, p.values);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0] as const)) as Record<TSeverity, number>;
  for (const r of rows) bySeverity[r.severity] = r.n;
  const selected: readonly TSeverity[] = filter.severity ?? SEVERITIES;
  let total = 0;
  for (const s of selected) total += bySeverity[s];
  return { bySeverity, total };
}

/** Ids of the findings matching a filter, at most `limit` + 1 (so the caller can tell "more than"). */
export async function matchingIds(filter: TFindingFilter, context: TListContext, limit: number): Promise<string[]> {
  await checkReview(filter);
  const p = new SqlParams();
  const where = filterSql(filter, p, { userId: context.userId, now: context.now ?? new Date() });
  const { rows } = await readPool().query<{ id: string }>(`SELECT f.id FROM findings f WHERE ${where} LIMIT ${limit + 1}`, p.values);
  return rows.map((r) => r.id);
}

/** Options for the filter pickers: distinct values read through indexes (loose index scans). */
export async function getFacets(): Promise<TFacets> {
  const pool = readPool();
  const distinct = async (column: string) => {
    // A recursive "skip scan": one index probe per distinct value instead of reading every row.
    const { rows } = await pool.query<{ v: string }>(`WITH RECURSIVE t(v) AS (
        (SELECT ${column} FROM findings WHERE ${column} IS NOT NULL ORDER BY 1 LIMIT 1)
        UNION ALL
        SELECT (SELECT ${column} FROM findings WHERE ${column} > t.v ORDER BY 1 LIMIT 1) FROM t WHERE t.v IS NOT NULL)
      SELECT v FROM t WHERE v IS NOT NULL`);
    return rows.map((r) => r.v);
  };
  const [accounts, ous, regions, resourceTypes, controls, products, users] = await Promise.all([
    pool.query(`SELECT id, name, "ouId" FROM aws_accounts ORDER BY name, id`),
    pool.query(`SELECT id, name, "parentId" FROM organizational_units ORDER BY name`),
    distinct("region"),
    distinct(`"resourceType"`),
    distinct(`"controlId"`),
    distinct(`"productName"`),
    pool.query(`SELECT id, email, name FROM users WHERE NOT disabled AND role IN ('ADMIN', 'ANALYST') ORDER BY email`),
  ]);
  return {
    accounts: accounts.rows.map((r) => ({ id: r.id, name: r.name, ouId: r.ouId ?? null })),
    ous: ous.rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parentId ?? null })),
    regions,
    resourceTypes,
    controls,
    products,
    users: users.rows.map((r) => ({ id: r.id, email: r.email, name: r.name ?? null })),
  };
}
