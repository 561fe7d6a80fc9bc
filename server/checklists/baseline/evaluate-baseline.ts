import "server-only";
import { db } from "@/server/db";
import { AwsContext } from "@/server/aws/clients";
import { RateLimiter } from "@/server/aws/rate-limiter";
import type { Prisma } from "@/server/generated/prisma/client";
import { syncConfigFromEnv, type TSyncConfig } from "@/server/sync/sync-config";
import { describeError, SyncRunLog, type TTrigger } from "@/server/sync/sync-run-log";
import { ACCOUNT_LEVEL_CHECKS, BASELINE_CHECKS, type TBaselineCheck, type TBaselineStatus, type TEvaluationSummary } from "./baseline.types";
import { CHECKS, type TScope } from "./checks";
import { activeMemberAccountIds, pool } from "@/server/sync/fan-out";

type TRow = Prisma.BaselineResultCreateManyInput;

/** AWS's error code and message for an UNKNOWN result (AccessDeniedException, UnauthorizedOperation …). */
function awsError(error: unknown): { code: string; message: string } {
  if (error instanceof Error) return { code: error.name || "Error", message: error.message };
  return { code: "Error", message: String(error) };
}

async function runCheck(ctx: AwsContext, check: TBaselineCheck, scope: TScope): Promise<Omit<TRow, "awsAccountId" | "region" | "runId">> {
  try {
    const result = await CHECKS[check](ctx, scope);
    return { check, status: result.status, evidence: result.evidence as Prisma.InputJsonValue, evaluatedAt: new Date() };
  } catch (error) {
    const { code, message } = awsError(error);
    return { check, status: "UNKNOWN", evidence: { evaluatedIn: scope.region }, errorCode: code, errorMessage: message.slice(0, 2000), evaluatedAt: new Date() };
  }
}

async function evaluate(config: TSyncConfig, trigger: TTrigger, concurrency: number): Promise<TEvaluationSummary> {
  const started = Date.now();
  const run = await SyncRunLog.start("baseline", "org", trigger);
  const limiter = new RateLimiter(config.rateLimits);
  const ctx = new AwsContext(config.connection, limiter);
  const totals: Record<TBaselineStatus, number> = { PASS: 0, FAIL: 0, UNKNOWN: 0 };
  const [home] = config.regions;
  let accounts: { id: string }[] = [];
  let rows: TRow[] = [];
  let error: string | undefined;
  try {
    if (!home) throw new Error("No region configured (KANSHI_REGIONS)");
    // The scopes of a fan-out sync: every active account of the organization, in every configured region.
    accounts = (await activeMemberAccountIds()).map((id) => ({ id }));
    const regional = BASELINE_CHECKS.filter((c) => !ACCOUNT_LEVEL_CHECKS.includes(c));
    const tasks: (() => Promise<TRow[]>)[] = [];
    for (const a of accounts) {
      // Multi-region checks (CloudTrail) once per account, in the first region; the result stands for every region.
      for (const check of ACCOUNT_LEVEL_CHECKS) {
        tasks.push(async () => {
          const r = await runCheck(ctx, check, { accountId: a.id, region: home });
          return config.regions.map((region) => ({ ...r, awsAccountId: a.id, region, runId: run.id }));
        });
      }
      for (const region of config.regions) {
        tasks.push(async () => {
          const results = await Promise.all(regional.map((check) => runCheck(ctx, check, { accountId: a.id, region })));
          return results.map((r) => ({ ...r, awsAccountId: a.id, region, runId: run.id }));
        });
      }
    }
    rows = (await pool(tasks, concurrency)).flat();
    for (const r of rows) totals[r.status as TBaselineStatus]++;
    // The latest result per account, region and check: this run replaces the previous one as a whole.
    await db.$transaction([db.baselineResult.deleteMany({}), db.baselineResult.createMany({ data: rows })]);
    run.add({ fetched: rows.length, inserted: rows.length });
  } catch (e) {
    error = describeError(e);
    console.error(`[baseline] evaluation failed: ${error}`);
  } finally {
    ctx.destroy();
  }
  await run.finish({ error, apiCalls: ctx.stats.total, throttles: ctx.stats.throttles, calls: ctx.stats.calls });
  return { runId: run.id, ok: !error, error, accounts: accounts.length, regions: config.regions.length, results: rows.length, totals, durationMs: Date.now() - started };
}

let running: Promise<TEvaluationSummary> | null = null;

/**
 * Evaluates the account security baseline of every active account in every configured region and stores
 * the latest results (baseline_results), recording the run in sync_runs (kind "baseline"). One evaluation
 * at a time per process: a call while one runs joins it.
 */
export function evaluateBaseline(options: { trigger: TTrigger; config?: TSyncConfig; concurrency?: number }): Promise<TEvaluationSummary> {
  if (running) return running;
  const config = options.config ?? syncConfigFromEnv();
  running = evaluate(config, options.trigger, options.concurrency ?? 6).finally(() => {
    running = null;
  });
  return running;
}

/** Whether an evaluation is running in this process (for the UI's progress). */
export function isBaselineEvaluating(): boolean {
  return running !== null;
}
