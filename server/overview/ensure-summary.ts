import "server-only";
import { readPool } from "@/server/db-pool";
import { backfillFindingsSummary, snapshotFindingsSummary } from "./snapshot-findings-summary";

// A safety net for the overview page: when findings exist but no summary was ever computed (a fresh install before
// the scheduled snapshot ran), build it once — the last 90 days and today. Later pages read the tables only.
let pending: Promise<void> | null = null;

export async function ensureFindingsSummary(): Promise<void> {
  const { rows } = await readPool().query<{ summary: boolean; findings: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM findings_daily_summary) AS summary, EXISTS (SELECT 1 FROM findings) AS findings`,
  );
  if (rows[0]?.summary || !rows[0]?.findings) return;
  pending ??= (async () => {
    await backfillFindingsSummary({ days: 90 });
    await snapshotFindingsSummary();
  })().finally(() => {
    pending = null;
  });
  await pending;
}
