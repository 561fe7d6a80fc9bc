import "server-only";
import type pg from "pg";
import { withBulkTransaction } from "@/server/db-pool";

// The daily findings summary behind the overview: per UTC day × account × severity the open count at the end of
// the day, opened and closed that day, overdue and age buckets of the open ones, and the time to remediate of the
// ones closed that day (sum + count, for MTTR). A day is rebuilt from the findings alone: a finding is open from its
// first observation (firstObservedAt, never null since normalization falls back to CreatedAt) until its stored close
// time "closedAt" (kept by the findings_closed_at trigger: when it last went from open to resolved, suppressed or
// archived, or when it arrived closed; null while open), so a past day's figures do not move when a closed finding
// is re-evaluated. A reopened finding counts as open since it was first seen. Severity is the current one.
// Idempotent: a second run replaces the day's rows. computedAt is the snapshot's clock (`now`), the instant today's
// open figures refer to (the overview's age links count from it).

export type TSummaryResult = { days: string[]; rows: number };

const DAY_MS = 86_400_000;

export function utcDay(day?: string | Date): string {
  if (typeof day === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`day must be YYYY-MM-DD, got ${day}`);
    return day;
  }
  return (day ?? new Date()).toISOString().slice(0, 10);
}

const OPENED = `COALESCE(f."firstObservedAt", f."awsCreatedAt")`;

/** Rows for the given days (deleted first, then inserted); `now` caps "end of day" for today (age, overdue). */
async function computeDays(client: pg.PoolClient, days: string[], now: Date): Promise<number> {
  if (days.length === 0) return 0;
  await client.query(`DELETE FROM findings_daily_summary WHERE day = ANY($1::date[])`, [days]);
  const result = await client.query(
    `WITH d AS (
       SELECT x AS day, x::timestamp AS s, x::timestamp + interval '1 day' AS e, LEAST(x::timestamp + interval '1 day', $2::timestamp) AS ref
       FROM unnest($1::date[]) AS x
     ),
     f AS (
       SELECT f."awsAccountId" AS a, f.severity AS sev, ${OPENED} AS o, f."dueAt" AS due, f."closedAt" AS c
       FROM findings f
       WHERE ${OPENED} < (SELECT max(e) FROM d)
     ),
     j AS (
       SELECT d.day, f.a, f.sev, f.o, f.c, f.due, d.ref, (f.c IS NULL OR f.c >= d.e) AS open_at_end, (f.c >= d.s AND f.c < d.e) AS closed_today, (f.o >= d.s) AS opened_today
       FROM d JOIN f ON f.o < d.e AND (f.c IS NULL OR f.c >= d.s)
     )
     INSERT INTO findings_daily_summary (day, "awsAccountId", severity, "openCount", "openedCount", "closedCount", "overdueCount",
       "age0to7", "age8to30", "age31to90", "ageOver90", "ttrSeconds", "ttrCount", "computedAt")
     SELECT day, a, sev,
       count(*) FILTER (WHERE open_at_end),
       count(*) FILTER (WHERE opened_today),
       count(*) FILTER (WHERE closed_today),
       count(*) FILTER (WHERE open_at_end AND due < ref),
       count(*) FILTER (WHERE open_at_end AND ref - o < interval '8 days'),
       count(*) FILTER (WHERE open_at_end AND ref - o >= interval '8 days' AND ref - o < interval '31 days'),
       count(*) FILTER (WHERE open_at_end AND ref - o >= interval '31 days' AND ref - o < interval '91 days'),
       count(*) FILTER (WHERE open_at_end AND ref - o >= interval '91 days'),
       COALESCE(sum(extract(epoch FROM c - o)) FILTER (WHERE closed_today), 0),
       count(*) FILTER (WHERE closed_today),
       $2::timestamp
     FROM j GROUP BY day, a, sev
     HAVING count(*) FILTER (WHERE open_at_end OR opened_today OR closed_today) > 0`,
    [days, now.toISOString()],
  );
  return result.rowCount ?? 0;
}

/** Schedule after each findings sync and daily (after midnight UTC, for the day before and today). */
export async function snapshotFindingsSummary(options: { day?: string | Date; now?: Date } = {}): Promise<TSummaryResult> {
  const now = options.now ?? new Date();
  const day = utcDay(options.day ?? now);
  return withBulkTransaction(async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('findings_summary'), hashtext($1))`, [day]);
    const rows = await computeDays(client, [day], now);
    return { days: [day], rows };
  });
}

/**
 * Fills the past days (up to `days`, default 365, before today) that have no summary rows yet, from the findings and
 * their history, so the charts have weeks of data; days before the first finding are skipped. Run at start-up
 * (after migrations) and daily; cheap when nothing is missing.
 */
export async function backfillFindingsSummary(options: { days?: number; now?: Date } = {}): Promise<TSummaryResult> {
  const now = options.now ?? new Date();
  const span = Math.min(Math.max(Math.trunc(options.days ?? 365), 1), 730);
  const today = Date.parse(`${utcDay(now)}T00:00:00Z`);
  return withBulkTransaction(async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('findings_summary'), 0)`);
    const first = await client.query<{ d: string | null }>(`SELECT to_char(min(COALESCE("firstObservedAt", "awsCreatedAt")), 'YYYY-MM-DD') AS d FROM findings`);
    const firstDay = first.rows[0]?.d;
    if (!firstDay) return { days: [], rows: 0 };
    const have = await client.query<{ d: string }>(
      `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS d FROM findings_daily_summary WHERE day >= $1::date AND day < $2::date`,
      [new Date(today - span * DAY_MS).toISOString().slice(0, 10), utcDay(now)],
    );
    const done = new Set(have.rows.map((r) => r.d));
    const missing: string[] = [];
    for (let i = span; i >= 1; i--) {
      const d = new Date(today - i * DAY_MS).toISOString().slice(0, 10);
      if (d >= firstDay && !done.has(d)) missing.push(d);
    }
    let rows = 0;
    for (let i = 0; i < missing.length; i += 31) rows += await computeDays(client, missing.slice(i, i + 31), now);
    return { days: missing, rows };
  });
}
