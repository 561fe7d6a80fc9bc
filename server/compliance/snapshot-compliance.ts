import "server-only";
import { withBulkTransaction } from "@/server/db-pool";
import { loadControlRows, loadTree } from "./compliance-sql";
import { computeScopeFigures } from "./compute-scores";

// The daily snapshot: per day × standard × scope (org, each OU with its sub-OUs, each account with controls) the
// control figures and the score. Idempotent: a second run on the same day replaces that day's rows with the
// latest figures (one row per key; scopes that lost every control are removed). History is aggregate only;
// the current per-control statuses come live from the findings.

export type TSnapshotResult = { day: string; rows: number };

function utcDay(day?: string | Date): string {
  if (typeof day === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`day must be YYYY-MM-DD, got ${day}`);
    return day;
  }
  return (day ?? new Date()).toISOString().slice(0, 10);
}

/** Schedule daily and after each findings sync. */
export async function snapshotCompliance(options: { day?: string | Date } = {}): Promise<TSnapshotResult> {
  const day = utcDay(options.day);
  return withBulkTransaction(async (client) => {
    // One snapshot at a time per day: two concurrent runs would otherwise interleave their deletes and inserts.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('compliance_snapshot'), hashtext($1))`, [day]);
    const rows = await loadControlRows(client);
    const tree = await loadTree(client);
    const figures = computeScopeFigures(rows, tree.accounts, tree.ous);
    const values: (string | number | null)[][] = [];
    const push = (scopeType: string, scopeId: string, byStandard: typeof figures.org) => {
      for (const [standard, f] of byStandard) values.push([standard, scopeType, scopeId, f.passed, f.failed, f.unknown, f.noData, f.score]);
    };
    push("org", "", figures.org);
    for (const [id, m] of figures.ous) push("ou", id, m);
    for (const [id, m] of figures.accounts) push("account", id, m);
    const cols = ["standard", "scopeType", "scopeId", "passed", "failed", "unknown", "noData", "score"];
    const arrays = cols.map((_, i) => values.map((v) => v[i]));
    // Upsert every current key, then drop the day's keys that no longer have controls.
    await client.query(
      `INSERT INTO compliance_snapshots (day, standard, "scopeType", "scopeId", passed, failed, unknown, "noData", score, "computedAt")
       SELECT $1::date, * , now() FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::float8[])
       ON CONFLICT (day, standard, "scopeType", "scopeId") DO UPDATE SET passed = EXCLUDED.passed, failed = EXCLUDED.failed,
         unknown = EXCLUDED.unknown, "noData" = EXCLUDED."noData", score = EXCLUDED.score, "computedAt" = EXCLUDED."computedAt"`,
      [day, ...arrays],
    );
    await client.query(
      `DELETE FROM compliance_snapshots s WHERE s.day = $1::date AND NOT EXISTS
         (SELECT 1 FROM unnest($2::text[], $3::text[], $4::text[]) AS k(standard, "scopeType", "scopeId")
          WHERE k.standard = s.standard AND k."scopeType" = s."scopeType" AND k."scopeId" = s."scopeId")`,
      [day, arrays[0], arrays[1], arrays[2]],
    );
    return { day, rows: values.length };
  });
}
