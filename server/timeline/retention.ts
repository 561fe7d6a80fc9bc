import "server-only";
import type pg from "pg";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { bulkPool } from "@/server/db-pool";
import { ensureMonthPartitions, forgetPartitions, listPartitions, monthOf, monthsBetween } from "./partitions";
import type { TTimelineSettings } from "./timeline.types";

const DAY_MS = 86_400_000;
/** Partitions kept ready ahead of the current month. */
const MONTHS_AHEAD = 2;

export async function getTimelineSettings(pool: pg.Pool = bulkPool()): Promise<TTimelineSettings> {
  const { rows } = await pool.query<{ retention_days: number }>(`SELECT retention_days FROM cloudtrail_settings WHERE id = 1`);
  return { retentionDays: rows[0]?.retention_days ?? 400 };
}

/** Changes the retention (30–3650 days), audited in the same transaction. */
export async function updateTimelineSettings(options: { actor: TSessionUser; retentionDays: number; ip?: string | null }): Promise<TTimelineSettings> {
  return db.$transaction(async (tx) => {
    const before = await tx.$queryRaw<{ retention_days: number }[]>`SELECT retention_days FROM cloudtrail_settings WHERE id = 1 FOR UPDATE`;
    await tx.$executeRaw`INSERT INTO cloudtrail_settings (id, retention_days, updated_at, updated_by) VALUES (1, ${options.retentionDays}, now(), ${options.actor.email})
      ON CONFLICT (id) DO UPDATE SET retention_days = EXCLUDED.retention_days, updated_at = now(), updated_by = EXCLUDED.updated_by`;
    await recordAudit({
      actor: options.actor, action: "timeline.settings.update", target: { type: "timeline-settings", id: "1" },
      before: { retentionDays: before[0]?.retention_days ?? 400 }, after: { retentionDays: options.retentionDays }, ip: options.ip,
    }, tx);
    return { retentionDays: options.retentionDays };
  });
}

export type TRetentionResult = { cutoff: string; droppedPartitions: string[]; deletedRows: number; createdAhead: string[] };

/**
 * Keeps `retentionDays` of events: drops whole monthly partitions that end before the cutoff, deletes
 * the older rows of the month that contains it, and creates the partitions of the coming months.
 * Run daily.
 */
export async function enforceTrailRetention(options: { now?: number; pool?: pg.Pool; /** default: the setting */ retentionDays?: number } = {}): Promise<TRetentionResult> {
  const pool = options.pool ?? bulkPool();
  const now = options.now ?? Date.now();
  const retentionDays = options.retentionDays ?? (await getTimelineSettings(pool)).retentionDays;
  const cutoff = new Date(now - retentionDays * DAY_MS);
  const cutoffMonth = monthOf(cutoff);
  const dropped: string[] = [];
  for (const p of await listPartitions(pool)) {
    if (p.month >= cutoffMonth) continue;
    // DETACH first so that readers of the parent are not blocked by the DROP's lock on the partition for long
    await pool.query(`ALTER TABLE cloudtrail_events DETACH PARTITION ${p.table}`);
    await pool.query(`DROP TABLE ${p.table}`);
    dropped.push(p.month);
  }
  forgetPartitions(pool, dropped);
  const { rowCount } = await pool.query(`DELETE FROM cloudtrail_events WHERE event_time < $1::timestamp`, [cutoff.toISOString()]);
  // the hourly counts: gone before the cutoff's hour, recounted for that hour
  await pool.query(`DELETE FROM cloudtrail_event_hours WHERE hour < date_trunc('hour', $1::timestamp)`, [cutoff.toISOString()]);
  await pool.query(
    `UPDATE cloudtrail_event_hours h SET events = (SELECT count(*) FROM cloudtrail_events e WHERE e.event_time >= h.hour AND e.event_time < h.hour + interval '1 hour')
     WHERE h.hour = date_trunc('hour', $1::timestamp)`,
    [cutoff.toISOString()],
  );
  const ahead = monthsBetween(now, new Date(now).setUTCMonth(new Date(now).getUTCMonth() + MONTHS_AHEAD));
  await ensureMonthPartitions(pool, ahead);
  return { cutoff: cutoff.toISOString(), droppedPartitions: dropped, deletedRows: rowCount ?? 0, createdAhead: ahead };
}
