import "server-only";
import type pg from "pg";
import { AwsContext } from "@/server/aws/clients";
import { lookupEventPages, type TLookupPage } from "@/server/aws/cloudtrail";
import { RateLimiter } from "@/server/aws/rate-limiter";
import { bulkPool } from "@/server/db-pool";
import { syncConfigFromEnv, type TSyncConfig } from "@/server/sync/sync-config";
import { describeError, SyncRunLog, type TTrigger } from "@/server/sync/sync-run-log";
import { normalizeRecord, type TEventRow } from "./normalize-record";
import { storeEvents } from "./store-events";
import { memberScopes, pool } from "@/server/sync/fan-out";

// CloudTrail ingest per member account × region (LookupEvents through the member's read role):
//  1. incremental: from the cursor (minus an overlap: CloudTrail delivers events up to ~15 minutes late)
//     to now; the cursor moves in the transaction that stores the last page;
//  2. backfill: walks back towards `now − backfillDays` in windows, newest first; after every page the
//     covered boundary (backfill_done_to) is saved with the page's rows, so a killed run resumes where
//     it stopped. Re-reading the boundary second is harmless: inserts ignore known (event_id, event_time).
// Scopes run in parallel; the shared limiter keeps each account × region at 2 requests per second.

const DAY_MS = 86_400_000;
export const INCREMENTAL_OVERLAP_MS = 15 * 60_000;
const SECOND = 1000;

export type TIngestScopeResult = { accountId: string; region: string; ok: boolean; error?: string; fetched: number; inserted: number; apiCalls: number; throttles: number };
export type TIngestSummary = { ok: boolean; skipped?: "already-running"; durationMs: number; scopes: TIngestScopeResult[] };

export type TIngestOptions = {
  trigger: TTrigger;
  /** how far back the backfill reaches (CloudTrail keeps 90 days of event history) */
  backfillDays?: number;
  config?: TSyncConfig;
  /** the clock (tests use the simulator's) */
  now?: () => number;
  signal?: AbortSignal;
  /** scopes read at once (each still at ≤ 2 rps) */
  concurrency?: number;
  windowDays?: number;
  /** only these accounts (default: every ACTIVE account of the organization) */
  accountIds?: string[];
  pool?: pg.Pool;
  /** after every stored page (CLI progress; tests interrupt a run here) */
  onPage?: (page: TIngestPageEvent) => void;
};

export type TIngestPageEvent = { accountId: string; region: string; phase: "incremental" | "backfill"; fetched: number; inserted: number; backfillDoneTo: Date | null };

type TScope = { accountId: string; region: string };
type TState = { latest: Date | null; target: Date | null; doneTo: Date | null };

let running = false;
export const isIngestRunning = () => running;

async function loadState(pool: pg.Pool, s: TScope): Promise<TState> {
  const { rows } = await pool.query<{ latest_time: Date | null; backfill_target: Date | null; backfill_done_to: Date | null }>(
    `INSERT INTO cloudtrail_ingest_scopes (account_id, region, status, last_run_at, updated_at) VALUES ($1, $2, 'RUNNING', now(), now())
     ON CONFLICT (account_id, region) DO UPDATE SET status = 'RUNNING', error = NULL, last_run_at = now(), updated_at = now()
     RETURNING latest_time AT TIME ZONE 'UTC' AS latest_time, backfill_target AT TIME ZONE 'UTC' AS backfill_target, backfill_done_to AT TIME ZONE 'UTC' AS backfill_done_to`,
    [s.accountId, s.region],
  );
  const r = rows[0];
  return { latest: r?.latest_time ?? null, target: r?.backfill_target ?? null, doneTo: r?.backfill_done_to ?? null };
}

type TProgress = { latest?: Date; target?: Date; doneTo?: Date; calls: number };
type TQueryable = { query(text: string, values: unknown[]): Promise<unknown> };

function saveProgress(s: TScope, set: TProgress) {
  return async (client: TQueryable, inserted = 0) => {
    await client.query(
      `UPDATE cloudtrail_ingest_scopes SET
         latest_time = GREATEST(latest_time, $3::timestamp), backfill_target = COALESCE($4::timestamp, backfill_target),
         backfill_done_to = LEAST(COALESCE(backfill_done_to, $5::timestamp), $5::timestamp),
         events_stored = events_stored + $6, api_calls = api_calls + $7, updated_at = now()
       WHERE account_id = $1 AND region = $2`,
      [s.accountId, s.region, set.latest?.toISOString() ?? null, set.target?.toISOString() ?? null, set.doneTo?.toISOString() ?? null, inserted, set.calls],
    );
  };
}

function rowsOf(page: TLookupPage, run: SyncRunLog): TEventRow[] {
  const rows: TEventRow[] = [];
  for (const e of page.events) {
    const n = e.record ? normalizeRecord(e.record, "lookup", e.resources.map((r) => r.name)) : ({ ok: false, error: "no CloudTrailEvent" } as const);
    if (n.ok) rows.push(n.row);
    else run.skip(e.eventId, n.error);
  }
  return rows;
}

async function ingestScope(ctx: AwsContext, run: SyncRunLog, s: TScope, o: Required<Pick<TIngestOptions, "backfillDays" | "windowDays">> & TIngestOptions, pool: pg.Pool) {
  const now = new Date(o.now?.() ?? Date.now());
  const client = ctx.cloudTrail(s);
  const state = await loadState(pool, s);
  const wantedTarget = new Date(now.getTime() - o.backfillDays * DAY_MS);
  const read = async (phase: TIngestPageEvent["phase"], start: Date, end: Date, onPage: (page: TLookupPage, last: boolean) => Omit<TProgress, "calls">) => {
    for await (const page of lookupEventPages({ client, limiter: ctx.limiter, scope: s, start, end, signal: o.signal })) {
      const rows = rowsOf(page, run);
      const progress = onPage(page, page.nextToken === null);
      const inserted = await storeEvents(pool, rows, saveProgress(s, { ...progress, calls: 1 }));
      o.onPage?.({ ...s, phase, fetched: page.events.length, inserted, backfillDoneTo: progress.doneTo ?? null });
      run.add({ fetched: page.events.length, inserted, unchanged: rows.length - inserted });
    }
  };

  // 1. incremental (the first run has nothing above now: it only sets the cursor and starts the backfill)
  if (state.latest) {
    await read("incremental", new Date(state.latest.getTime() - INCREMENTAL_OVERLAP_MS), now, (_page, last) => (last ? { latest: now } : {}));
  } else {
    await saveProgress(s, { latest: now, target: wantedTarget, doneTo: now, calls: 0 })(pool);
  }
  await run.progress();

  // 2. backfill, newest window first
  const target = state.target && state.target < wantedTarget ? state.target : wantedTarget;
  let doneTo = state.doneTo ?? now;
  if (!state.target || target < state.target) await pool.query(`UPDATE cloudtrail_ingest_scopes SET backfill_target = $3 WHERE account_id = $1 AND region = $2`, [s.accountId, s.region, target.toISOString()]);
  while (doneTo > target) {
    const lo = new Date(Math.max(target.getTime(), doneTo.getTime() - o.windowDays * DAY_MS));
    await read("backfill", lo, doneTo, (page, last) => {
      const oldest = page.events.reduce((min, e) => Math.min(min, e.eventTime.getTime()), Infinity);
      // everything strictly newer than the page's oldest second is read: the boundary moves to the next second
      const boundary = last ? lo : new Date(Math.max(lo.getTime(), Math.min(doneTo.getTime(), oldest + SECOND)));
      doneTo = boundary;
      return { doneTo: boundary };
    });
    doneTo = lo;
    await run.progress();
  }
}

/** Which account × region pairs to read: the organization's ACTIVE accounts × the configured regions. */
async function ingestScopes(config: TSyncConfig, accountIds?: string[]): Promise<TScope[]> {
  return memberScopes(config.regions, accountIds);
}

/**
 * One CloudTrail ingest of every scope: incremental, then the backfill where it is not complete.
 * Call it on a schedule (every 5–15 minutes) and from "Sync now" / "Backfill"; one run at a time per process.
 */
export async function ingestCloudTrail(options: TIngestOptions): Promise<TIngestSummary> {
  const started = Date.now();
  if (running) return { ok: true, skipped: "already-running", durationMs: 0, scopes: [] };
  running = true;
  try {
    const config = options.config ?? syncConfigFromEnv();
    const pg = options.pool ?? bulkPool();
    const o = { ...options, backfillDays: options.backfillDays ?? 90, windowDays: options.windowDays ?? 15 };
    const limiter = new RateLimiter(config.rateLimits);
    const scopes = await ingestScopes(config, options.accountIds);
    const results = await pool(scopes.map((s) => async (): Promise<TIngestScopeResult> => {
      const ctx = new AwsContext(config.connection, limiter);
      const run = await SyncRunLog.start("cloudtrail", `${s.accountId}/${s.region}`, options.trigger);
      let error: string | undefined;
      try {
        await ingestScope(ctx, run, s, o, pg);
      } catch (e) {
        error = describeError(e);
        console.error(`[cloudtrail] ${s.accountId}/${s.region} failed: ${error}`);
      } finally {
        ctx.destroy();
      }
      await pg.query(`UPDATE cloudtrail_ingest_scopes SET status = $3, error = $4, updated_at = now() WHERE account_id = $1 AND region = $2`, [s.accountId, s.region, error ? "FAILED" : "OK", error ?? null]);
      await run.finish({ error, apiCalls: ctx.stats.total, throttles: ctx.stats.throttles, calls: ctx.stats.calls });
      return { ...s, ok: !error, error, fetched: run.counts.fetched, inserted: run.counts.inserted, apiCalls: ctx.stats.total, throttles: ctx.stats.throttles };
    }), options.concurrency ?? 8);
    return { ok: results.every((r) => r.ok), durationMs: Date.now() - started, scopes: results };
  } finally {
    running = false;
  }
}
