import "server-only";
import { readPool } from "@/server/db-pool";
import { pct } from "./patch-sql";
import type { TTrend, TTrendQuery } from "./patches.types";
import { referenceNow } from "./source-clock";

// The trend from the daily snapshots: per day, the organization's (or one account's, or one OU's with its
// sub-OUs') figures. Days without a snapshot are left out (no collection that day), not drawn as zero.

export async function getPatchTrend(query: TTrendQuery, options: { now?: Date } = {}): Promise<TTrend> {
  const to = (await referenceNow(options.now)).toISOString().slice(0, 10);
  const fromDate = new Date(`${to}T00:00:00Z`);
  fromDate.setUTCDate(fromDate.getUTCDate() - query.weeks * 7 + 1);
  const from = fromDate.toISOString().slice(0, 10);
  const params: unknown[] = [from, to];
  let filter = "";
  if (query.account) {
    params.push(query.account);
    filter = `AND s."accountId" = $3`;
  } else if (query.ou) {
    params.push(query.ou);
    filter = `AND s."accountId" IN (SELECT a.id FROM aws_accounts a WHERE a."ouId" IN (WITH RECURSIVE sub AS (SELECT id, 0 AS depth FROM organizational_units WHERE id = $3
      UNION ALL SELECT c.id, t.depth + 1 FROM organizational_units c JOIN sub t ON c."parentId" = t.id WHERE t.depth < 20) SELECT id FROM sub))`;
  }
  const { rows } = await readPool().query<{ day: string; instances: number; compliant: number; nonCompliant: number; stale: number }>(
    `SELECT to_char(s.day, 'YYYY-MM-DD') AS day, sum(instances)::int AS instances, sum(compliant)::int AS compliant,
            sum("nonCompliant")::int AS "nonCompliant", sum(stale)::int AS stale
     FROM patch_snapshots s WHERE s.day BETWEEN $1::date AND $2::date ${filter} GROUP BY s.day ORDER BY s.day`,
    params,
  );
  return { from, to, points: rows.map((r) => ({ ...r, pctCompliant: pct(r.compliant, r.instances) })) };
}
