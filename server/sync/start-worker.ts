import "server-only";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { syncHousekeeping } from "./housekeeping";
import { runSync } from "./run-sync";
import { syncConfigFromEnv } from "./sync-config";
import { enqueueSync, startSyncWorker, stopQueue } from "./sync-queue";

/**
 * Started from instrumentation.ts in the web server process when KANSHI_WORKER is on. The first
 * start (no sync has ever run) queues one, so a new console fills itself.
 */
export async function startWorker(): Promise<void> {
  const env = getEnv();
  if (!env.KANSHI_WORKER) return;
  await syncHousekeeping({ retentionDays: env.KANSHI_SYNC_RUN_RETENTION_DAYS });
  await startSyncWorker(async (job) => {
    const summary = await runSync(syncConfigFromEnv(), { trigger: job.trigger });
    await syncHousekeeping({ retentionDays: env.KANSHI_SYNC_RUN_RETENTION_DAYS });
    const failed = summary.results.filter((r) => !r.ok);
    console.log(`[sync] ${job.trigger} sync done in ${(summary.durationMs / 1000).toFixed(1)} s; ${failed.length ? `${failed.length} scope(s) failed` : "all scopes ok"}`);
  });
  if ((await db.syncRun.count()) === 0) await enqueueSync({ trigger: "schedule" });
  console.log("[sync] worker started");
}

export async function stopWorker(): Promise<void> {
  await stopQueue();
}
