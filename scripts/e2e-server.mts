// The server Playwright tests run against: a fresh kanshi_e2e database, then the launcher in demo mode.
import { spawn } from "node:child_process";
import path from "node:path";
import { recreateDatabase, startTestServer } from "@/server/testing/test-database";

const root = path.resolve(import.meta.dirname, "..");
const server = await startTestServer(root);
const databaseUrl = await recreateDatabase({ serverUrl: server.serverUrl, name: "kanshi_e2e", root });

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
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", async (code) => {
  await server.stop();
  process.exit(code ?? 0);
});
