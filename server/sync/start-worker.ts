import "server-only";
import { db } from "@/server/db";
import { runTriageMaintenance } from "@/server/findings/triage-maintenance";
import { getEnv } from "@/server/env";
import { syncHousekeeping } from "./housekeeping";
import { drainOutbox } from "./outbox-drain";
import { runSync } from "./run-sync";
import { syncConfigFromEnv } from "./sync-config";
import { enqueueSync, startOutboxWorker, startSyncWorker, stopQueue } from "./sync-queue";

/** One queued drain: sends every due outbox item and logs what happened when anything did. */
async function runOutboxDrain(): Promise<void> {
  try {
    await runTriageMaintenance().catch((error: unknown) => console.error("[triage] upkeep failed:", error));
    const s = await drainOutbox(syncConfigFromEnv());
    if (s.sent + s.done + s.failed > 0) console.log(`[outbox] ${s.sent} sent in ${s.calls} call(s): ${s.done} done, ${s.retried} to retry, ${s.failed} failed`);
  } catch (error) {
    console.error("[outbox] drain failed:", error);
    throw error;
  }
}

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
    // New findings meet the suppression rules at once, not at the next minute.
    await runTriageMaintenance().catch((error: unknown) => console.error("[triage] upkeep failed:", error));
    await syncHousekeeping({ retentionDays: env.KANSHI_SYNC_RUN_RETENTION_DAYS });
    const failed = summary.results.filter((r) => !r.ok);
    console.log(`[sync] ${job.trigger} sync done in ${(summary.durationMs / 1000).toFixed(1)} s; ${failed.length ? `${failed.length} scope(s) failed` : "all scopes ok"}`);
  });
  await startOutboxWorker(runOutboxDrain);
  if ((await db.syncRun.count()) === 0) await enqueueSync({ trigger: "schedule" });
  console.log("[sync] worker started");
}

export async function stopWorker(): Promise<void> {
  await stopQueue();
}
