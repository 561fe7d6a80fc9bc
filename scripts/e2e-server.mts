// The server Playwright tests run against: a fresh kanshi_e2e database, then the launcher in demo mode.
import { spawn } from "node:child_process";
import path from "node:path";
import { recreateDatabase, startTestServer } from "@/server/testing/test-database";

const root = path.resolve(import.meta.dirname, "..");
const server = await startTestServer(root);
const databaseUrl = await recreateDatabase({ serverUrl: server.serverUrl, name: "kanshi_e2e", root });
// The simulator on a known port, so tests can inject faults and move its clock (e2e/support/sim.ts).
const { startSimulator } = await import("@/server/simulator");
const sim = await startSimulator({ port: Number(process.env.E2E_SIM_PORT ?? 3199), seed: 1, scale: 3000 });

const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "serve.mts")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: process.env.E2E_PORT ?? "3100",
    KANSHI_DEMO: "true",
    NEXTAUTH_URL: `http://localhost:${process.env.E2E_PORT ?? "3100"}`,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e!",
    KANSHI_SIM_URL: sim.url,
    // A failed write-back is retried once, a second later, then shown as failed.
    KANSHI_OUTBOX_MAX_ATTEMPTS: "2",
    KANSHI_OUTBOX_BACKOFF_SECONDS: "1",
    // CloudTrail is read only when a test asks (its 90-day backfill of the demo would load the machine during other tests).
    KANSHI_TRAIL_INTERVAL_MINUTES: "0",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", async (code) => {
  await sim.close();
  await server.stop();
  process.exit(code ?? 0);
});
