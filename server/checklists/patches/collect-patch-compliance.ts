import "server-only";
import type pg from "pg";
import { AwsContext } from "@/server/aws/clients";
import { RateLimiter } from "@/server/aws/rate-limiter";
import { getInstancePatchStates, listManagedInstances, type TInstancePatchState, type TManagedInstance } from "@/server/aws/ssm";
import { db } from "@/server/db";
import { withBulkTransaction } from "@/server/db-pool";
import { syncConfigFromEnv, type TSyncConfig } from "@/server/sync/sync-config";
import { describeError, SyncRunLog, type TTrigger } from "@/server/sync/sync-run-log";
import { getPatchSetting } from "./patch-settings";
import { stateSql } from "./patch-sql";
import { readSourceClock } from "./source-clock";
import { memberScopes, pool } from "@/server/sync/fan-out";

// Patch compliance collection. SSM has no organization-wide view, so every ACTIVE member account × configured
// region is read through the fan-out read role: managed instances, then their patch states 50 ids a call.
// Each scope replaces its own rows in one transaction; a scope that fails (AccessDenied, throttled after the
// SDK's retries) keeps its previous rows, is recorded with AWS's error in the sync run log (kind "patches")
// and on the collection, and does not stop the others. Afterwards today's snapshot per account × region is
// upserted, so collecting twice a day keeps one row per key with the latest figures.

export type TPatchScope = { accountId: string; region: string };
export type TPatchScopeResult = { scope: string; ok: boolean; error?: string; instances: number; apiCalls: number };
export type TPatchCollectionResult = { id: string; ok: boolean; status: string; durationMs: number; instances: number; results: TPatchScopeResult[] };

export type TCollectOptions = {
  trigger: TTrigger;
  /** who asked ("Collect now"), for the collection record */
  requestedBy?: string;
  /** default: the process's configuration (demo simulator or AWS) */
  config?: TSyncConfig;
  /** scopes read at once (the rate limiter still paces each account-region) */
  concurrency?: number;
  /** a collection row already created by startPatchCollection */
  collectionId?: string;
};

const scopeName = (s: TPatchScope) => `${s.accountId}/${s.region}`;

/** ACTIVE accounts of the organization × configured regions, as the fan-out sync decides them. */
export async function patchScopes(config: TSyncConfig): Promise<TPatchScope[]> {
  return memberScopes(config.regions);
}

/** Creates the collection record (status RUNNING) with the source's clock. */
export async function createPatchCollection(options: { trigger: TTrigger; requestedBy?: string; config: TSyncConfig }): Promise<string> {
  const sourceClockAt = await readSourceClock(options.config.connection.endpoint);
  const row = await db.patchCollection.create({ data: { trigger: options.trigger, requestedBy: options.requestedBy ?? null, sourceClockAt }, select: { id: true } });
  return row.id;
}

type TRow = Record<string, string | number | boolean | null>;

function toRow(scope: TPatchScope, instance: TManagedInstance, state: TInstancePatchState | undefined, collectedAt: string): TRow {
  return {
    accountId: scope.accountId, region: scope.region, instanceId: instance.instanceId,
    computerName: instance.computerName, platformType: instance.platformType, platformName: instance.platformName, pingStatus: instance.pingStatus,
    patchGroup: state?.patchGroup ?? "", baselineId: state?.baselineId || null, hasState: Boolean(state),
    installed: state?.installed ?? 0, installedOther: state?.installedOther ?? 0, installedPendingReboot: state?.installedPendingReboot ?? 0,
    installedRejected: state?.installedRejected ?? 0, missing: state?.missing ?? 0, failed: state?.failed ?? 0,
    criticalNonCompliant: state?.criticalNonCompliant ?? 0, securityNonCompliant: state?.securityNonCompliant ?? 0, otherNonCompliant: state?.otherNonCompliant ?? 0,
    operation: state?.operation ?? null, operationEndAt: state && state.operationEndAt.getTime() > 0 ? state.operationEndAt.toISOString() : null, collectedAt,
  };
}

/** Replaces the scope's rows: one statement for the delete, one for all the inserts. */
async function replaceScope(client: pg.PoolClient, scope: TPatchScope, rows: TRow[]): Promise<void> {
  // Two collections at once (a scheduled one and "Collect now") take turns per scope instead of colliding on the keys.
  await client.query(`SELECT pg_advisory_xact_lock(hashtext('patches:' || $1))`, [scopeName(scope)]);
  await client.query(`DELETE FROM patch_instances WHERE "accountId" = $1 AND region = $2`, [scope.accountId, scope.region]);
  if (rows.length === 0) return;
  await client.query(`INSERT INTO patch_instances SELECT * FROM json_populate_recordset(NULL::patch_instances, $1::json)`, [JSON.stringify(rows)]);
}

async function collectScope(config: TSyncConfig, limiter: RateLimiter, scope: TPatchScope, trigger: TTrigger): Promise<TPatchScopeResult> {
  const name = scopeName(scope);
  const ctx = new AwsContext(config.connection, limiter);
  const run = await SyncRunLog.start("patches", name, trigger);
  let error: string | undefined;
  let instances = 0;
  try {
    const client = ctx.ssm(scope);
    const managed = await listManagedInstances(client, ctx.limiter, scope);
    const states = new Map((await getInstancePatchStates(client, ctx.limiter, scope, managed.map((i) => i.instanceId))).map((s) => [s.instanceId, s]));
    const collectedAt = new Date().toISOString();
    const rows = managed.map((i) => toRow(scope, i, states.get(i.instanceId), collectedAt));
    await withBulkTransaction((c) => replaceScope(c, scope, rows));
    instances = rows.length;
    run.add({ fetched: rows.length, inserted: rows.length, skipped: rows.length - states.size });
  } catch (e) {
    error = describeError(e);
    console.error(`[patches] ${name} failed: ${error}`);
  } finally {
    ctx.destroy();
  }
  await run.finish({ error, apiCalls: ctx.stats.total, throttles: ctx.stats.throttles, calls: ctx.stats.calls });
  return { scope: name, ok: !error, error, instances, apiCalls: ctx.stats.total };
}

/** Upserts today's (source clock, UTC) snapshot of every account × region from the current rows. */
async function writeSnapshots(reference: Date, staleDays: number): Promise<void> {
  const day = reference.toISOString().slice(0, 10);
  await withBulkTransaction(async (c) => {
    await c.query(
      `INSERT INTO patch_snapshots (day, "accountId", region, instances, compliant, "nonCompliant", stale, missing, failed, "pendingReboot", critical, security, "staleDays", "updatedAt")
       SELECT $3::date, "accountId", region, count(*), count(*) FILTER (WHERE state = 'compliant'), count(*) FILTER (WHERE state = 'noncompliant'),
              count(*) FILTER (WHERE state = 'stale'), sum(missing), sum(failed), sum("installedPendingReboot"), sum("criticalNonCompliant"),
              sum("securityNonCompliant"), $2::int, now()
       FROM (SELECT p.*, ${stateSql("$1", "$2", "p.")} AS state FROM patch_instances p) i
       GROUP BY "accountId", region
       ON CONFLICT (day, "accountId", region) DO UPDATE SET instances = EXCLUDED.instances, compliant = EXCLUDED.compliant,
         "nonCompliant" = EXCLUDED."nonCompliant", stale = EXCLUDED.stale, missing = EXCLUDED.missing, failed = EXCLUDED.failed,
         "pendingReboot" = EXCLUDED."pendingReboot", critical = EXCLUDED.critical, security = EXCLUDED.security,
         "staleDays" = EXCLUDED."staleDays", "updatedAt" = EXCLUDED."updatedAt"`,
      [reference.toISOString(), staleDays, day],
    );
    // An account-region whose last instance went away today no longer has a figure for today.
    await c.query(
      `DELETE FROM patch_snapshots s WHERE s.day = $1::date AND NOT EXISTS (SELECT 1 FROM patch_instances p WHERE p."accountId" = s."accountId" AND p.region = s.region)`,
      [day],
    );
  });
}

/**
 * One collection of patch compliance over every account × region. Call it after each sync and once a day
 * (trigger "schedule"); "Collect now" runs it through startPatchCollection.
 */
export async function collectPatchCompliance(options: TCollectOptions): Promise<TPatchCollectionResult> {
  const started = Date.now();
  const config = options.config ?? syncConfigFromEnv();
  const id = options.collectionId ?? (await createPatchCollection({ trigger: options.trigger, requestedBy: options.requestedBy, config }));
  try {
    const scopes = await patchScopes(config);
    await db.patchCollection.update({ where: { id }, data: { scopesTotal: scopes.length } });
    const limiter = new RateLimiter(config.rateLimits);
    const results = await pool(scopes.map((scope) => async () => {
      const result = await collectScope(config, limiter, scope, options.trigger);
      const error = result.error ? JSON.stringify([{ scope: result.scope, error: result.error }]) : "[]";
      await db.$executeRaw`UPDATE patch_collections SET "scopesDone" = "scopesDone" + 1, "scopesFailed" = "scopesFailed" + ${result.ok ? 0 : 1},
        instances = instances + ${result.instances}, errors = errors || ${error}::jsonb WHERE id = ${id}`;
      return result;
    }), options.concurrency ?? 4);

    // Accounts that left the organization or were suspended, and regions no longer configured: their rows go.
    if (scopes.length > 0) {
      await db.$executeRawUnsafe(
        `DELETE FROM patch_instances p WHERE NOT EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[]) s(a, r) WHERE s.a = p."accountId" AND s.r = p.region)`,
        scopes.map((s) => s.accountId), scopes.map((s) => s.region),
      );
    }
    const collection = await db.patchCollection.findUniqueOrThrow({ where: { id }, select: { startedAt: true, sourceClockAt: true } });
    const reference = new Date(Date.now() + collection.sourceClockAt.getTime() - collection.startedAt.getTime());
    await writeSnapshots(reference, (await getPatchSetting()).staleDays);

    const failed = results.filter((r) => !r.ok).length;
    const status = failed === 0 ? "SUCCEEDED" : failed === results.length ? "FAILED" : "PARTIAL";
    await db.patchCollection.update({ where: { id }, data: { status, finishedAt: new Date() } });
    const instances = results.reduce((n, r) => n + r.instances, 0);
    return { id, ok: failed === 0, status, durationMs: Date.now() - started, instances, results };
  } catch (e) {
    await db.patchCollection.update({ where: { id }, data: { status: "FAILED", finishedAt: new Date(), errors: [{ scope: "collection", error: describeError(e) }] } });
    throw e;
  }
}
