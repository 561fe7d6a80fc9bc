import "server-only";
import type { PoolClient } from "pg";
import { AwsContext } from "@/server/aws/clients";
import { RateLimiter } from "@/server/aws/rate-limiter";
import { readPool, withBulkTransaction } from "@/server/db-pool";
import { getEnv } from "@/server/env";
import { claimChunk, type TClaimTarget } from "./outbox-claim";
import { recordOutcomes, refreshWriteBack, type TRetryPolicy } from "./outbox-record";
import { sendChunk, type TSendContext } from "./outbox-send";
import { supersedeFailed } from "./outbox-supersede";
import type { TSyncConfig } from "./sync-config";

// The outbox drain: triage commits its local change with outbox items; this sends them to Security Hub
// (BatchUpdateFindings, 100 per call) and GuardDuty (Archive/UnarchiveFindings, 50 per call), one chunk
// per transaction, and keeps each finding's write-back state (PENDING / SYNCED / FAILED) current.

export type TDrainSummary = {
  /** items that went out in a call */
  sent: number;
  done: number;
  failed: number;
  /** items that failed this time and wait for their next attempt */
  retried: number;
  /** write calls made (BatchUpdateFindings, ArchiveFindings, UnarchiveFindings) */
  calls: number;
};

export type TDrainOptions = {
  /** the clock items are due by (tests); default the database's */
  now?: Date;
  maxAttempts?: number;
  backoffSeconds?: number;
  /** stop taking new chunks after this long; the next drain goes on (default 10 minutes) */
  maxDurationMs?: number;
};

/** SDK attempts per write call: few, so a chunk's transaction stays short; the outbox retries later. */
const WRITE_SDK_ATTEMPTS = 3;
const DEFAULT_MAX_DURATION_MS = 10 * 60_000;

/** One chunk in one transaction: claim (locked), send, record, settle superseded items, refresh the findings. */
async function drainChunk(client: PoolClient, ctx: TSendContext, target: TClaimTarget, policy: TRetryPolicy): Promise<TDrainSummary | null> {
  const chunk = await claimChunk(client, target);
  if (!chunk || chunk.items.length === 0) return null;
  const { outcomes, calls } = await sendChunk(ctx, chunk);
  const counts = await recordOutcomes(client, outcomes, policy, target.now);
  const findingIds = [...new Set(chunk.items.map((i) => i.findingId))].sort();
  await supersedeFailed(client, findingIds);
  await refreshWriteBack(client, findingIds);
  return { sent: outcomes.filter((o) => o.sent).length, ...counts, calls };
}

function add(total: TDrainSummary, part: TDrainSummary): void {
  for (const key of Object.keys(total) as (keyof TDrainSummary)[]) total[key] += part[key];
}

/** Sends due outbox items until none is left (items backing off wait for a later drain). */
const SHORT_WAIT_MS = 10_000;

/** Milliseconds until the next pending item comes due, when that is within `horizonMs`; else null (items due now but not claimable are not waited for). */
async function msUntilNextRetry(horizonMs: number): Promise<number | null> {
  const { rows: [row] } = await readPool().query<{ ms: number | null }>(
    `SELECT (EXTRACT(EPOCH FROM (min("nextAttemptAt") - (now() AT TIME ZONE 'UTC'))) * 1000)::int AS ms
     FROM outbox_items WHERE state = 'PENDING' AND "nextAttemptAt" > (now() AT TIME ZONE 'UTC')`);
  const ms = row?.ms;
  return ms === null || ms === undefined || ms > horizonMs ? null : ms + 50;
}

export async function drainOutbox(config: TSyncConfig, options: TDrainOptions = {}): Promise<TDrainSummary> {
  const env = getEnv();
  const policy = { maxAttempts: options.maxAttempts ?? env.KANSHI_OUTBOX_MAX_ATTEMPTS, backoffSeconds: options.backoffSeconds ?? env.KANSHI_OUTBOX_BACKOFF_SECONDS };
  const [aggregationRegion] = config.regions;
  if (!aggregationRegion) throw new Error("No region configured (KANSHI_REGIONS)");
  const target = { topology: config.topology, aggregationRegion, now: options.now ?? null };
  const ctx: TSendContext = { aws: new AwsContext(config.connection, new RateLimiter(config.rateLimits), WRITE_SDK_ATTEMPTS), detectors: new Map() };
  const summary: TDrainSummary = { sent: 0, done: 0, failed: 0, retried: 0, calls: 0 };
  const deadline = Date.now() + (options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS);
  try {
    while (Date.now() < deadline) {
      const part = await withBulkTransaction((client) => drainChunk(client, ctx, target, policy));
      if (part) {
        add(summary, part);
        continue;
      }
      // A retry due within a few seconds is waited for here rather than left to the next scheduled drain.
      const waitMs = target.now ? null : await msUntilNextRetry(SHORT_WAIT_MS);
      if (waitMs === null) break;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  } finally {
    ctx.aws.destroy();
  }
  return summary;
}
