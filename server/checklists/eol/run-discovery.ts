import "server-only";
import { AwsContext } from "@/server/aws/clients";
import { RateLimiter } from "@/server/aws/rate-limiter";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/http/app-error";
import { syncConfigFromEnv } from "@/server/sync/sync-config";
import { describeError, SyncRunLog, type TTrigger } from "@/server/sync/sync-run-log";
import { discoverSoftware, discoveryScopes, type TDiscoveryTarget } from "./discover";
import type { TDiscoveryScope } from "./discovery.types";
import type { TDiscoveryRunView } from "./inventory.types";
import { storeDiscovery, type TStoreCounts } from "./store-discovery";

export const DISCOVERY_KIND = "eol-discovery";
/** A run still RUNNING after this long is taken as dead (process restarted) and does not block a new one. */
const STALE_MS = 30 * 60_000;

export type TDiscoverySummary = { ok: boolean; runId: string; counts: TStoreCounts; scopes: TDiscoveryScope[]; error?: string };

/**
 * One AWS discovery of software for the EOL inventory (Lambda, RDS/Aurora, EKS, SSM), stored and recorded
 * in the sync run log (kind "eol-discovery") with each scope's result, so failures such as AccessDenied show.
 * Call it after each sync; `started` is told the run id as soon as the run is logged.
 */
export async function runEolDiscovery(trigger: TTrigger, started?: (runId: string) => void, options: { scopes?: TDiscoveryTarget[] } = {}): Promise<TDiscoverySummary> {
  const config = syncConfigFromEnv();
  const ctx = new AwsContext(config.connection, new RateLimiter(config.rateLimits));
  const run = await SyncRunLog.start(DISCOVERY_KIND, "all", trigger);
  started?.(run.id);
  let counts: TStoreCounts = { found: 0, inserted: 0, updated: 0, gone: 0 };
  let scopes: TDiscoveryScope[] = [];
  let error: string | undefined;
  try {
    const result = await discoverSoftware(ctx, options.scopes ?? (await discoveryScopes(config.regions)));
    scopes = result.scopes;
    counts = await storeDiscovery(result);
    run.add({ fetched: counts.found, inserted: counts.inserted, updated: counts.updated, unchanged: counts.found - counts.inserted - counts.updated });
    const failed = scopes.filter((s) => !s.ok);
    if (failed.length) error = `${failed.length} of ${scopes.length} scopes could not be read (first: ${failed[0]!.accountId}/${failed[0]!.region} ${failed[0]!.service}: ${failed[0]!.error ?? "error"})`;
  } catch (e) {
    error = describeError(e);
    console.error(`[eol] discovery failed: ${error}`);
  } finally {
    ctx.destroy();
  }
  await run.finish({ error, apiCalls: ctx.stats.total, throttles: ctx.stats.throttles, calls: ctx.stats.calls });
  // The per-scope results and the gone count go next to the call counts, for the EOL tab.
  const row = await db.syncRun.findUnique({ where: { id: run.id }, select: { stats: true } });
  const stats = { ...(row?.stats as Record<string, unknown> | null), scopes, gone: counts.gone } as Prisma.InputJsonValue;
  await db.syncRun.update({ where: { id: run.id }, data: { stats } });
  return { ok: !error, runId: run.id, counts, scopes, error };
}

/** "Discover now": starts a run in the background and answers with its id; one run at a time. */
export async function startEolDiscovery(): Promise<{ runId: string }> {
  const running = await db.syncRun.findFirst({ where: { kind: DISCOVERY_KIND, status: "RUNNING", startedAt: { gt: new Date(Date.now() - STALE_MS) } }, select: { id: true } });
  if (running) throw new AppError("CONFLICT", "A discovery run is already in progress; wait for it to finish.");
  return new Promise((resolve, reject) => {
    runEolDiscovery("manual", (runId) => resolve({ runId })).catch((e: unknown) => {
      console.error("[eol] discovery failed", e);
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}

/** The latest discovery run (or one by id) for the progress and result shown on the EOL tab. */
export async function discoveryRun(id?: string): Promise<TDiscoveryRunView | null> {
  const run = id ? await db.syncRun.findFirst({ where: { id, kind: DISCOVERY_KIND } }) : await db.syncRun.findFirst({ where: { kind: DISCOVERY_KIND }, orderBy: { startedAt: "desc" } });
  if (!run) return null;
  const stats = (run.stats ?? {}) as { scopes?: TDiscoveryScope[]; gone?: number };
  return {
    id: run.id, status: run.status, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null,
    counts: { found: run.fetched, inserted: run.inserted, updated: run.updated, gone: stats.gone ?? 0 },
    scopes: stats.scopes ?? [], error: run.error,
  };
}
