import "server-only";
import PgBoss from "pg-boss";
import { getEnv } from "@/server/env";
import type { TTrigger } from "./sync-run-log";

// Syncs run as pg-boss jobs in PostgreSQL: several processes can work the queue (SKIP LOCKED), at
// most one sync runs at a time and at most one more waits ("stately" policy).

export const SYNC_QUEUE = "kanshi-sync";
type TSyncJob = { trigger: TTrigger; requestedBy?: string };
/** Outbox drains: same policy, so at most one drain runs and one waits; scheduled every minute. */
export const OUTBOX_QUEUE = "kanshi-outbox";
/**
 * The compliance snapshot and the checklists' collectors (EOL discovery, patch compliance, account baseline): queued after each sync
 * and daily at 00:10 UTC (so the daily patch snapshot exists without syncs). Same "stately" policy.
 */
export const COLLECT_QUEUE = "kanshi-collect";
/** CloudTrail ingest (incremental + the resumable 90-day backfill) every KANSHI_TRAIL_INTERVAL_MINUTES, and retention daily. */
export const TRAIL_QUEUE = "kanshi-cloudtrail";
export const TRAIL_RETENTION_QUEUE = "kanshi-cloudtrail-retention";
/** Notification digests and their retries, every minute (a run builds a digest only when its interval is up). */
export const NOTIFY_QUEUE = "kanshi-notify";

const globalForBoss = globalThis as unknown as { kanshiBoss?: Promise<PgBoss>; kanshiOutboxWorker?: string };

async function createBoss(): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 4, application_name: "kanshi-queue" });
  boss.on("error", (error: unknown) => console.error("[queue]", error));
  await boss.start();
  await boss.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "stately", retryLimit: 0, expireInHours: 2 });
  await boss.createQueue(OUTBOX_QUEUE, { name: OUTBOX_QUEUE, policy: "stately", retryLimit: 0, expireInMinutes: 15 });
  await boss.createQueue(COLLECT_QUEUE, { name: COLLECT_QUEUE, policy: "stately", retryLimit: 0, expireInHours: 2 });
  await boss.createQueue(TRAIL_QUEUE, { name: TRAIL_QUEUE, policy: "stately", retryLimit: 0, expireInHours: 12 });
  await boss.createQueue(NOTIFY_QUEUE, { name: NOTIFY_QUEUE, policy: "stately", retryLimit: 0, expireInMinutes: 10 });
  await boss.createQueue(TRAIL_RETENTION_QUEUE, { name: TRAIL_RETENTION_QUEUE, policy: "stately", retryLimit: 0, expireInHours: 1 });
  return boss;
}

export function getBoss(): Promise<PgBoss> {
  globalForBoss.kanshiBoss ??= createBoss().catch((error: unknown) => {
    globalForBoss.kanshiBoss = undefined;
    throw error;
  });
  return globalForBoss.kanshiBoss;
}

/** Queues a sync; null when one is already waiting (a running one plus one queued is the most). */
export async function enqueueSync(job: TSyncJob): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(SYNC_QUEUE, job);
}

export function cronForInterval(minutes: number): string | null {
  if (minutes <= 0) return null;
  if (minutes < 60 && 60 % minutes === 0) return `*/${minutes} * * * *`;
  if (minutes % 60 === 0 && minutes < 24 * 60 && 24 % (minutes / 60) === 0) return `0 */${minutes / 60} * * *`;
  if (minutes === 24 * 60) return "0 0 * * *";
  // Intervals that do not divide an hour or a day round to the nearest that does.
  const options = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];
  const nearest = options.reduce((best, m) => (Math.abs(m - minutes) < Math.abs(best - minutes) ? m : best), 15);
  return cronForInterval(nearest);
}

/** The worker of this process: runs queued syncs and keeps the schedule (KANSHI_SYNC_INTERVAL_MINUTES). */
export async function startSyncWorker(run: (job: TSyncJob) => Promise<void>): Promise<PgBoss> {
  const boss = await getBoss();
  await boss.work<TSyncJob>(SYNC_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (job) await run(job.data);
  });
  const cron = cronForInterval(getEnv().KANSHI_SYNC_INTERVAL_MINUTES);
  if (cron) await boss.schedule(SYNC_QUEUE, cron, { trigger: "schedule" } satisfies TSyncJob);
  else await boss.unschedule(SYNC_QUEUE);
  return boss;
}

/** Queues an outbox drain (null when one already waits) and wakes this process's outbox worker, if any. */
export async function enqueueOutboxDrain(): Promise<string | null> {
  const boss = await getBoss();
  const id = await boss.send(OUTBOX_QUEUE, {});
  if (globalForBoss.kanshiOutboxWorker) boss.notifyWorker(globalForBoss.kanshiOutboxWorker);
  return id;
}

/** The outbox worker of this process: runs queued drains; the schedule queues one every minute. */
export async function startOutboxWorker(run: () => Promise<void>): Promise<PgBoss> {
  const boss = await getBoss();
  globalForBoss.kanshiOutboxWorker = await boss.work(OUTBOX_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
    await run();
  });
  await boss.schedule(OUTBOX_QUEUE, "* * * * *", {});
  return boss;
}

/** Queues a run of the checklists' collectors (null when one already waits). */
export async function enqueueCollect(job: { trigger: TTrigger }): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(COLLECT_QUEUE, job);
}

/** Queues a CloudTrail ingest (null when one already waits). */
export async function enqueueTrailIngest(job: { trigger: TTrigger }): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(TRAIL_QUEUE, job);
}

/**
 * A worker of this process for one background queue with its schedule: `cron` queues a job with `data`;
 * the handler runs one job at a time.
 */
export async function startScheduledWorker<T extends object>(queue: string, cron: string, data: T, run: (job: T) => Promise<void>): Promise<void> {
  const boss = await getBoss();
  await boss.work<T>(queue, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
    if (job) await run(job.data);
  });
  await boss.schedule(queue, cron, data);
}

/** Removes a queue's schedule (a job type switched off by configuration). */
export async function unscheduleQueue(queue: string): Promise<void> {
  const boss = await getBoss();
  await boss.unschedule(queue);
}

export async function stopQueue(): Promise<void> {
  const boss = await globalForBoss.kanshiBoss?.catch(() => undefined);
  if (boss) await boss.stop({ graceful: true, timeout: 30_000, wait: true });
  globalForBoss.kanshiBoss = undefined;
  globalForBoss.kanshiOutboxWorker = undefined;
}
