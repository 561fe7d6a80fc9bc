// Bulk triage part of npm run bench:findings, in a process of its own (its database modules bind to
// kanshi_bench_triage): the simulator (5,000 findings) synced for real, a RESOLVED status change with a
// note on 1,000 findings that have a Security Hub copy timed, then the outbox drain, and the number of
// BatchUpdateFindings calls the simulator received.
import { recreateDatabase } from "@/server/testing/test-database";

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const REGIONS = ["us-east-1", "ap-northeast-1", "eu-west-1"];

export async function runTriageBench(serverUrl: string, root: string): Promise<void> {
  process.env.DATABASE_URL = await recreateDatabase({ serverUrl, name: "kanshi_bench_triage", root });
  const { startSimulator } = await import("@/server/simulator");
  const { runSync } = await import("@/server/sync/run-sync");
  const { SIMULATOR_CREDENTIALS } = await import("@/server/sync/sync-config");
  const { applyTriage } = await import("@/server/findings/triage");
  const { readPool, closeBulkPool } = await import("@/server/db-pool");
  const { db } = await import("@/server/db");

  console.log("\n== bulk status change on 1,000 findings, then the outbox drain (simulator with 5,000 findings, real sync into kanshi_bench_triage)");
  const sim = await startSimulator({ seed: 1, scale: 5_000 });
  try {
    const config = {
      connection: { endpoint: sim.url, credentials: SIMULATOR_CREDENTIALS, roleName: "KanshiReadRole", externalId: "kanshi-demo" },
      regions: REGIONS, topology: "delegated-admin" as const, rateLimits: false,
    };
    const synced = await runSync(config, { trigger: "cli" });
    const pool = readPool();
    const stored = Number((await pool.query("SELECT count(*) FROM findings")).rows[0].count);
    console.log(`sync: ${fmt(stored)} findings stored in ${fmt(synced.durationMs / 1000, 1)} s (failed scopes: ${synced.results.filter((r) => !r.ok).length})`);

    const user = await db.user.create({ data: { email: "bench-triage@bench.kanshi", role: "ANALYST" } });
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM findings WHERE "inSecurityHub" AND "workflowStatus" IN ('NEW', 'NOTIFIED') AND "recordState" = 'ACTIVE' ORDER BY "dueAt", id LIMIT 1000`);
    const ids = rows.map((r) => r.id);
    if (ids.length < 1000) console.log(`(only ${ids.length} open findings with a Security Hub copy)`);

    sim.resetStats();
    const t0 = performance.now();
    const result = await applyTriage(ids, { action: "status", status: "RESOLVED", note: "Fixed in the weekly patch window (bench)" }, { actor: { id: user.id, email: user.email }, origin: "user" });
    const seconds = (performance.now() - t0) / 1000;
    console.log(`RESOLVED + note on ${fmt(result.affected)} findings (local change, history, audit and ${fmt(result.writeBack)} outbox items in one transaction): committed in ${fmt(seconds, 2)} s → ${verdict(seconds <= 2 && result.affected === ids.length)} (target ≤ 2 s)`);

    let drain: { sent: number; done: number; failed: number; retried: number; calls: number } | null = null;
    try {
      const { drainOutbox } = await import("@/server/sync/outbox-drain");
      const t1 = performance.now();
      drain = await drainOutbox(config);
      const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as { stats: { calls: Record<string, number> } };
      const batchUpdates = state.stats.calls["SecurityHub.BatchUpdateFindings"] ?? 0;
      const outbox = (await pool.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM outbox_items GROUP BY state ORDER BY state`)).rows;
      const writeBack = (await pool.query<{ state: string; n: number }>(`SELECT "writeBack" AS state, count(*)::int AS n FROM findings WHERE id = ANY($1) GROUP BY 1 ORDER BY 1`, [ids])).rows;
      console.log(`outbox drain: ${fmt((performance.now() - t1) / 1000, 2)} s; ${JSON.stringify(drain)}; outbox items ${outbox.map((o) => `${o.state} ${o.n}`).join(", ")}; findings' write-back ${writeBack.map((o) => `${o.state} ${o.n}`).join(", ")}`);
      console.log(`simulator: SecurityHub.BatchUpdateFindings called ${batchUpdates} times → ${verdict(batchUpdates === 10)} (target exactly 10); all calls: ${JSON.stringify(state.stats.calls)}`);
    } catch (error) {
      console.log(`outbox drain could not run (server/sync/outbox-drain.ts drainOutbox(config)): ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    await sim.close();
    await closeBulkPool();
    await db.$disconnect();
  }
}
