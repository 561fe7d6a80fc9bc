// npm run sync: one full sync now (organization, Security Hub, GuardDuty), a summary, and exit
// code 1 when any source or scope failed. Uses DATABASE_URL (or the embedded database) and, in demo
// mode, the simulator at KANSHI_SIM_URL or one started in this process.
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const { parseEnv, EnvError } = await import("@/server/env");
let env;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

const { ensureDatabase } = await import("@/server/database/ensure-database");
const database = await ensureDatabase({ root, env, log: (m) => console.log(`[sync] ${m}`) });
let stopSimulator = async () => {};
if (env.KANSHI_AWS_MODE === "demo" && !process.env.KANSHI_SIM_URL) {
  const { startSimulator } = await import("@/server/simulator");
  const sim = await startSimulator({ seed: env.KANSHI_SIM_SEED, scale: env.KANSHI_SIM_SCALE });
  process.env.KANSHI_SIM_URL = sim.url;
  stopSimulator = () => sim.close();
  console.log(`[sync] demo mode: simulated organization at ${sim.url} (seed ${env.KANSHI_SIM_SEED}, ${env.KANSHI_SIM_SCALE} findings)`);
}

let code = 0;
try {
  const { runSync } = await import("@/server/sync/run-sync");
  const { syncConfigFromEnv } = await import("@/server/sync/sync-config");
  const summary = await runSync(syncConfigFromEnv(), { trigger: "cli" });
  const { formatSummary } = await import("@/server/sync/format-summary");
  console.log(formatSummary(summary));
  code = summary.ok ? 0 : 1;
} catch (error) {
  console.error(`[sync] failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await stopSimulator();
  await database.stop();
}
process.exit(code);
