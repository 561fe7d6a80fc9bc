import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { withBulkTransaction } from "@/server/db-pool";

// For tests that write findings and their history by hand on known days, as the data was before findings."closedAt"
// existed: the backfill of migration 20261127160000_finding_closed_at (its UPDATE statements, read from the migration
// itself, so the test exercises the SQL that runs in production) derives the close times and first-seen times from it.
// The trigger is off while it runs, as it did not exist yet when the migration's backfill ran.

const MIGRATION = path.resolve(import.meta.dirname, "../../prisma/migrations/20261127160000_finding_closed_at/migration.sql");

/** The migration's backfill statements (closedAt, then firstObservedAt), without their comments. */
export function closedAtBackfillStatements(): string[] {
  return readFileSync(MIGRATION, "utf8")
    .split(";")
    .map((s) => s.split("\n").filter((line) => !line.trim().startsWith("--")).join("\n").trim())
    .filter((s) => /^UPDATE\b/.test(s));
}

/** Runs the backfill over the current findings and history; returns the rows each statement updated. */
export async function backfillClosedAt(): Promise<number[]> {
  const statements = closedAtBackfillStatements();
  if (statements.length !== 2) throw new Error(`expected the migration's 2 backfill UPDATEs, found ${statements.length}`);
  return withBulkTransaction(async (client) => {
    await client.query(`ALTER TABLE findings DISABLE TRIGGER findings_closed_at`);
    const counts: number[] = [];
    for (const sql of statements) counts.push((await client.query(sql)).rowCount ?? 0);
    await client.query(`ALTER TABLE findings ENABLE TRIGGER findings_closed_at`);
    return counts;
  });
}
