import "server-only";
import { db } from "@/server/db";
import { AwsContext } from "@/server/aws/clients";
import { getGuardDutyFindingsSince, listDetectorIds } from "@/server/aws/guardduty";
import { describeOrganization } from "@/server/aws/organizations";
import { RateLimiter } from "@/server/aws/rate-limiter";
import { getFindingsSince } from "@/server/aws/securityhub";
import { normalizeAsff, normalizeGuardDuty } from "@/server/findings/normalize";
import { withBulkTransaction } from "@/server/db-pool";
import { advanceCursor, OVERLAP_MS, readCursor } from "./cursor";
import { planSlices, SliceProgress } from "./time-slices";
import type { TSyncConfig } from "./sync-config";
import { syncFindings } from "./sync-findings";
import { storeOrganization } from "./sync-organization";
import { describeError, SyncRunLog, type TRunCounts, type TTrigger } from "./sync-run-log";
import { pool } from "./fan-out";

export type TScopeResult = { kind: string; scope: string; ok: boolean; error?: string; counts: TRunCounts; apiCalls: number; throttles: number };
export type TSyncSummary = { ok: boolean; durationMs: number; results: TScopeResult[] };

type Scope = { accountId?: string; region: string };
const scopeName = (s: Scope) => (s.accountId ? `${s.accountId}/${s.region}` : s.region);

/** Runs one source for one scope in its own AWS context, recording the run; a failure stays in that scope. */
async function runScope(
  config: TSyncConfig,
  limiter: RateLimiter,
  kind: string,
  scope: string,
  trigger: TTrigger,
  work: (ctx: AwsContext, run: SyncRunLog) => Promise<void>,
): Promise<TScopeResult> {
  const ctx = new AwsContext(config.connection, limiter);
  const run = await SyncRunLog.start(kind, scope, trigger);
  let error: string | undefined;
  try {
    await work(ctx, run);
  } catch (e) {
    error = describeError(e);
    console.error(`[sync] ${kind} ${scope} failed: ${error}`);
  } finally {
    ctx.destroy();
  }
  await run.finish({ error, apiCalls: ctx.stats.total, throttles: ctx.stats.throttles, calls: ctx.stats.calls });
  return { kind, scope, ok: !error, error, counts: run.counts, apiCalls: ctx.stats.total, throttles: ctx.stats.throttles };
}

/** Time ranges of a full Security Hub read fetched at once (the rate limiter still paces the calls). */
const SECURITY_HUB_SLICES = 3;

async function securityHubScope(ctx: AwsContext, run: SyncRunLog, s: Scope) {
  const scope = scopeName(s);
  const cursor = await readCursor("securityhub", scope);
  const updatedSince = new Date(cursor ? cursor.getTime() - OVERLAP_MS : 0);
  const client = ctx.securityHub(s);
  // A first, full read is split in time ranges read at once; an incremental one is a single range,
  // so an unchanged scope costs one call.
  const slices = planSlices(updatedSince, Date.now(), cursor ? 1 : SECURITY_HUB_SLICES);
  const progress = new SliceProgress(slices);
  const moveCursor = async () => {
    const position = progress.position();
    if (position) await withBulkTransaction((c) => advanceCursor(c, "securityhub", scope, position));
  };
  await Promise.all(
    slices.map(async (slice, index) => {
      async function* pages() {
        const source = getFindingsSince({ client, limiter: ctx.limiter, region: s.region, accountId: s.accountId, updatedSince: slice.start, updatedBefore: slice.end });
        for await (const page of source) yield page.findings;
      }
      await syncFindings({
        kind: "securityhub",
        scope,
        origin: "securityhub",
        pages: pages(),
        normalize: normalizeAsff,
        run,
        cursor: "caller",
        onCommitted: async (newest) => {
          progress.committed(index, newest);
          await moveCursor();
        },
      });
      progress.finished(index);
      await moveCursor();
    }),
  );
}

async function guardDutyScope(ctx: AwsContext, run: SyncRunLog, s: Scope) {
  const scope = scopeName(s);
  const cursor = await readCursor("guardduty", scope);
  const updatedSince = new Date(cursor ? cursor.getTime() - OVERLAP_MS : 0);
  const client = ctx.guardDuty(s);
  for (const detectorId of await listDetectorIds(client, ctx.limiter, s)) {
    const pages = getGuardDutyFindingsSince({ client, limiter: ctx.limiter, detectorId, scope: s, updatedSince });
    await syncFindings({ kind: "guardduty", scope, origin: "guardduty", pages, normalize: normalizeGuardDuty, run });
  }
}

/**
 * One sync of everything: the organization first (accounts and OUs), then Security Hub and
 * GuardDuty per scope. Delegated admin: Security Hub from the aggregation region, GuardDuty from
 * the admin detector of each region. Fan-out: both in every active member account and region.
 */
export async function runSync(config: TSyncConfig, options: { trigger: TTrigger; concurrency?: number }): Promise<TSyncSummary> {
  const started = Date.now();
  const limiter = new RateLimiter(config.rateLimits);
  const [aggregation] = config.regions;
  if (!aggregation) throw new Error("No region configured (KANSHI_REGIONS)");

  const orgRun = runScope(config, limiter, "organizations", "org", options.trigger, async (ctx, run) => {
    const tree = await describeOrganization(ctx.organizations(aggregation), ctx.limiter, aggregation);
    const stored = await storeOrganization(tree);
    run.add({ fetched: stored.accounts + stored.units });
  });
  // Fan-out needs the account list first; delegated admin reads findings meanwhile (their accounts
  // are created as placeholders and filled in by the organization sync).
  const org = config.topology === "fan-out" ? await orgRun : undefined;

  let scopes: Scope[];
  if (config.topology === "fan-out") {
    const accounts = await db.awsAccount.findMany({ where: { inOrganization: true, status: "ACTIVE" }, select: { id: true }, orderBy: { id: "asc" } });
    scopes = accounts.flatMap((a) => config.regions.map((region) => ({ accountId: a.id, region })));
  } else {
    scopes = config.regions.map((region) => ({ region }));
  }
  const securityHubScopes = config.topology === "fan-out" ? scopes : [{ region: aggregation }];
  const tasks = [
    ...securityHubScopes.map((s) => () => runScope(config, limiter, "securityhub", scopeName(s), options.trigger, (ctx, run) => securityHubScope(ctx, run, s))),
    ...scopes.map((s) => () => runScope(config, limiter, "guardduty", scopeName(s), options.trigger, (ctx, run) => guardDutyScope(ctx, run, s))),
  ];
  const findingResults = await pool(tasks, options.concurrency ?? 4);
  const results = [org ?? (await orgRun), ...findingResults];
  return { ok: results.every((r) => r.ok), durationMs: Date.now() - started, results };
}
