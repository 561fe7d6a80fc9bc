import "server-only";
import { db } from "@/server/db";
import { readPool } from "@/server/db-pool";
import { getPatchSetting } from "./patch-settings";
import { COUNTS_SQL, pct, withStateSql } from "./patch-sql";
import type { TAccountRollup, TOuRollup, TPatchCounts, TPatchSummary } from "./patches.types";
import { latestPatchCollection } from "./request-patch-collection";
import { referenceNow } from "./source-clock";

// Roll-ups of patch compliance: account × region (grouped in SQL), account and organization (summed from
// those), and OU: an OU's figures include the accounts of all its sub-OUs (a recursive closure in SQL).

type TRaw = Omit<TPatchCounts, "pctCompliant">;
const ZERO: TRaw = { instances: 0, compliant: 0, nonCompliant: 0, stale: 0, missing: 0, failed: 0, pendingReboot: 0, critical: 0, security: 0 };
const KEYS = Object.keys(ZERO) as (keyof TRaw)[];

function add(into: TRaw, row: TRaw): TRaw {
  for (const k of KEYS) into[k] += row[k];
  return into;
}
const withPct = <T extends TRaw>(row: T): T & TPatchCounts => ({ ...row, pctCompliant: pct(row.compliant, row.instances) });

/** The reference time and threshold the stale rule uses now. */
export async function patchRuleContext(now?: Date): Promise<{ reference: Date; staleDays: number }> {
  const [reference, setting] = await Promise.all([referenceNow(now), getPatchSetting()]);
  return { reference, staleDays: setting.staleDays };
}

export async function getPatchSummary(options: { now?: Date } = {}): Promise<TPatchSummary> {
  const { reference, staleDays } = await patchRuleContext(options.now);
  const params = [reference.toISOString(), staleDays];
  const [scopeRows, ouRows, accounts, lastCollection, lastFinished] = await Promise.all([
    readPool().query<TRaw & { accountId: string; region: string }>(
      `SELECT i."accountId", i.region, ${COUNTS_SQL} FROM (${withStateSql("$1", "$2")}) i GROUP BY 1, 2 ORDER BY 1, 2`, params),
    readPool().query<TRaw & { ouId: string; name: string; parentId: string | null; accounts: number }>(
      `WITH RECURSIVE tree AS (
         SELECT id AS root, id AS ou, 0 AS depth FROM organizational_units
         UNION ALL
         SELECT t.root, c.id, t.depth + 1 FROM tree t JOIN organizational_units c ON c."parentId" = t.ou WHERE t.depth < 20
       )
       SELECT o.id AS "ouId", o.name, o."parentId", count(DISTINCT a.id)::int AS accounts, ${COUNTS_SQL}
       FROM organizational_units o JOIN tree t ON t.root = o.id JOIN aws_accounts a ON a."ouId" = t.ou
       JOIN (${withStateSql("$1", "$2")}) i ON i."accountId" = a.id
       GROUP BY o.id, o.name, o."parentId"`, params),
    db.awsAccount.findMany({ select: { id: true, name: true, ouId: true } }),
    latestPatchCollection(),
    db.patchCollection.findFirst({ where: { finishedAt: { not: null } }, orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
  ]);

  const accountInfo = new Map(accounts.map((a) => [a.id, a]));
  const byAccount = new Map<string, TAccountRollup>();
  const organization = { ...ZERO };
  for (const row of scopeRows.rows) {
    let account = byAccount.get(row.accountId);
    if (!account) {
      const info = accountInfo.get(row.accountId);
      account = { ...ZERO, pctCompliant: null, accountId: row.accountId, accountName: info?.name ?? null, ouId: info?.ouId ?? null, regions: [] };
      byAccount.set(row.accountId, account);
    }
    const { accountId: _a, region, ...counts } = row;
    void _a;
    add(account, counts);
    add(organization, counts);
    account.regions.push(withPct({ ...counts, region }));
  }

  const parents = new Map(ouRows.rows.map((o) => [o.ouId, o.parentId]));
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let p = parents.get(id); p && depth < 20; p = parents.get(p)) depth++;
    return depth;
  };
  const ous: TOuRollup[] = ouRows.rows.map((o) => withPct({ ...o, depth: depthOf(o.ouId) }));
  // Depth-first: each OU followed by its sub-OUs, by name.
  const ordered: TOuRollup[] = [];
  const visit = (parentId: string | null) => {
    for (const ou of ous.filter((o) => (o.parentId && parents.has(o.parentId) ? o.parentId : null) === parentId).sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(ou);
      visit(ou.ouId);
    }
  };
  visit(null);

  return {
    asOf: lastFinished?.finishedAt?.toISOString() ?? null,
    referenceAt: reference.toISOString(),
    staleDays,
    organization: withPct(organization),
    accounts: [...byAccount.values()].map((a) => withPct(a)).sort((a, b) => (a.pctCompliant ?? 101) - (b.pctCompliant ?? 101) || a.accountId.localeCompare(b.accountId)),
    ous: ordered,
    lastCollection,
  };
}
