import "server-only";
import type pg from "pg";
import { readPool } from "@/server/db-pool";
import { isIngestRunning } from "./ingest-cloudtrail";
import { getTimelineSettings } from "./retention";
import type { TTimelineIngestStatus, TTimelineScopeStatus } from "./timeline.types";

/** Ingest progress per account × region: cursor, backfill coverage, events stored, last error. */
export async function getIngestStatus(pool: pg.Pool = readPool()): Promise<TTimelineIngestStatus> {
  const { rows } = await pool.query<{
    account_id: string; account_name: string | null; region: string; status: TTimelineScopeStatus["status"]; error: string | null;
    latest_time: Date | null; backfill_target: Date | null; backfill_done_to: Date | null; events_stored: string; api_calls: string; last_run_at: Date | null; active: boolean;
  }>(
    `SELECT s.account_id, a.name AS account_name, s.region, s.status, s.error, s.latest_time, s.backfill_target, s.backfill_done_to,
            s.events_stored::text, s.api_calls::text, s.last_run_at,
            (s.status = 'RUNNING' AND s.updated_at > now() AT TIME ZONE 'UTC' - interval '5 minutes') AS active
     FROM cloudtrail_ingest_scopes s LEFT JOIN aws_accounts a ON a.id = s.account_id ORDER BY a.name NULLS LAST, s.account_id, s.region`,
  );
  const scopes = rows.map((r): TTimelineScopeStatus => {
    const top = r.latest_time?.getTime();
    const target = r.backfill_target?.getTime();
    const done = r.backfill_done_to?.getTime();
    const percent = top === undefined || target === undefined || done === undefined ? 0 : top <= target ? 100 : Math.round(Math.min(1, Math.max(0, (top - done) / (top - target))) * 1000) / 10;
    return {
      accountId: r.account_id, accountName: r.account_name, region: r.region, status: r.status, error: r.error,
      latestTime: r.latest_time?.toISOString() ?? null, backfillTarget: r.backfill_target?.toISOString() ?? null, backfillDoneTo: r.backfill_done_to?.toISOString() ?? null,
      backfillPercent: percent, eventsStored: Number(r.events_stored), apiCalls: Number(r.api_calls), lastRunAt: r.last_run_at?.toISOString() ?? null,
    };
  });
  const { retentionDays } = await getTimelineSettings(pool);
  return {
    // a RUNNING row not updated for 5 minutes belongs to a process that died
    running: isIngestRunning() || rows.some((r) => r.active),
    scopes,
    totals: {
      events: scopes.reduce((sum, s) => sum + s.eventsStored, 0), scopes: scopes.length,
      complete: scopes.filter((s) => s.backfillPercent >= 100).length, failed: scopes.filter((s) => s.status === "FAILED").length,
    },
    retentionDays,
  };
}
