import "server-only";
import { db } from "@/server/db";
import { runTriageMaintenance } from "@/server/findings/triage-maintenance";
import { getEnv } from "@/server/env";
import { syncHousekeeping } from "./housekeeping";
import { drainOutbox } from "./outbox-drain";
import { runSync } from "./run-sync";
import { syncConfigFromEnv } from "./sync-config";
import { evaluateBaseline } from "@/server/checklists/baseline/evaluate-baseline";
import { runEolDiscovery } from "@/server/checklists/eol/run-discovery";
import { collectPatchCompliance } from "@/server/checklists/patches/collect-patch-compliance";
import { snapshotCompliance } from "@/server/compliance/snapshot-compliance";
import { backfillFindingsSummary, snapshotFindingsSummary } from "@/server/overview/snapshot-findings-summary";
import { runNotifications } from "@/server/notifications/run-notifications";
import { ingestCloudTrail } from "@/server/timeline/ingest-cloudtrail";
import { enforceTrailRetention } from "@/server/timeline/retention";
import {
  COLLECT_QUEUE, cronForInterval, enqueueCollect, NOTIFY_QUEUE, unscheduleQueue, enqueueSync, enqueueTrailIngest, startOutboxWorker, startScheduledWorker, startSyncWorker, stopQueue,
  TRAIL_QUEUE, TRAIL_RETENTION_QUEUE,
} from "./sync-queue";
import type { TTrigger } from "./sync-run-log";

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
 * The compliance snapshot and the checklists' collectors, one after the other (each reads every member account × region through the
 * read role and records its runs in the sync run log); one failing does not stop the others.
 */
async function runCollectors(trigger: TTrigger, daily = false): Promise<void> {
  const steps: [string, () => Promise<string>][] = [
    // Today's compliance scores from the findings just synced (one row per day, standard and scope; rerun = replaced).
    ["compliance", async () => `${(await snapshotCompliance()).rows} snapshot row(s)`],
    // The overview's daily findings summary: past days that are missing (cheap once filled), yesterday's
    // final figures on the daily run, then today so far.
    ["findings-summary", async () => {
      const filled = await backfillFindingsSummary();
      if (daily) await snapshotFindingsSummary({ day: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) });
      const today = await snapshotFindingsSummary();
      return `${today.rows} row(s) today, ${filled.days.length} past day(s) filled`;
    }],
    ["patches", async () => {
      const r = await collectPatchCompliance({ trigger });
      return `${r.status}, ${r.instances} instance(s)`;
    }],
    ["baseline", async () => {
      const r = await evaluateBaseline({ trigger });
      return r.ok ? "ok" : `finished with errors${r.error ? `: ${r.error}` : ""}`;
    }],
    ["eol-discovery", async () => {
      const r = await runEolDiscovery(trigger);
      return `${r.counts.found} item(s)${r.ok ? "" : `, ${r.error ?? "with errors"}`}`;
    }],
  ];
  for (const [name, step] of steps) {
    const started = Date.now();
    try {
      console.log(`[collect] ${name}: ${await step()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      console.error(`[collect] ${name} failed:`, error);
    }
  }
}

async function runTrailIngest(trigger: TTrigger): Promise<void> {
  const summary = await ingestCloudTrail({ trigger });
  if (summary.skipped) return;
  const failed = summary.scopes.filter((s) => !s.ok).length;
  const inserted = summary.scopes.reduce((n, s) => n + s.inserted, 0);
  console.log(`[cloudtrail] ${inserted} new event(s) from ${summary.scopes.length} scope(s) in ${(summary.durationMs / 1000).toFixed(1)} s${failed ? `; ${failed} scope(s) failed` : ""}`);
}

async function runTrailRetention(): Promise<void> {
  const r = await enforceTrailRetention();
  if (r.droppedPartitions.length + r.deletedRows > 0) console.log(`[cloudtrail] retention (before ${r.cutoff}): ${r.droppedPartitions.length} partition(s) dropped, ${r.deletedRows} row(s) deleted`);
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
    // The organization is fresh: the collectors and CloudTrail read its accounts next, in their own queues.
    await enqueueCollect({ trigger: job.trigger });
    if (env.KANSHI_TRAIL_INTERVAL_MINUTES > 0) await enqueueTrailIngest({ trigger: job.trigger });
    const failed = summary.results.filter((r) => !r.ok);
    console.log(`[sync] ${job.trigger} sync done in ${(summary.durationMs / 1000).toFixed(1)} s; ${failed.length ? `${failed.length} scope(s) failed` : "all scopes ok"}`);
  });
  await startOutboxWorker(runOutboxDrain);
  await startScheduledWorker(COLLECT_QUEUE, "10 0 * * *", { trigger: "schedule" as TTrigger, daily: true as boolean }, (job) => runCollectors(job.trigger, job.daily));
  const trailCron = cronForInterval(env.KANSHI_TRAIL_INTERVAL_MINUTES);
  if (trailCron) await startScheduledWorker(TRAIL_QUEUE, trailCron, { trigger: "schedule" as TTrigger }, (job) => runTrailIngest(job.trigger));
  else await unscheduleQueue(TRAIL_QUEUE);
  await startScheduledWorker(TRAIL_RETENTION_QUEUE, "30 4 * * *", {}, () => runTrailRetention());
  // Notifications never throw: a failed send is stored, logged and retried by a later run.
  await startScheduledWorker(NOTIFY_QUEUE, "* * * * *", {}, async () => {
    const r = await runNotifications();
    if (r.sent + r.failed + r.retried > 0) console.log(`[notify] ${r.items} item(s): ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed`);
  });
  await runTrailRetention().catch((error: unknown) => console.error("[cloudtrail] retention failed:", error));
  if ((await db.syncRun.count()) === 0) await enqueueSync({ trigger: "schedule" });
  console.log("[sync] worker started");
}

export async function stopWorker(): Promise<void> {
  await stopQueue();
}
