// npm start / npm run dev: validate the configuration, start the embedded PostgreSQL when no
// DATABASE_URL is set, apply migrations, seed the demo users in demo mode, then run Next.js as a
// child process. SIGINT/SIGTERM stop Next first and, once it has exited, the embedded database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, type TEnv } from "@/server/env";
import { ensureDatabase } from "@/server/database/ensure-database";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const started = Date.now();
const say = (message: string) => console.log(`[kanshi] ${message}`);

if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";

let env: TEnv;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof EnvError ? `\n${error.message}\n` : error);
  process.exit(1);
}

const dataDir = path.resolve(root, env.KANSHI_DATA_DIR);
let database: { embedded: boolean; stop: () => Promise<void> } | undefined;
let simulator: { close: () => Promise<void> } | undefined;
let next: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (next && next.exitCode === null) await new Promise((resolve) => next!.once("exit", resolve));
  await simulator?.close().catch((e: unknown) => console.error(e));
  if (database?.embedded) {
    say("stopping the embedded database…");
    await database.stop().catch((e: unknown) => console.error(e));
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    next?.kill("SIGTERM");
    void shutdown(0);
  });
}

function demoSecret(): string {
  // Demo mode only: a random secret kept beside the data, so sessions survive a restart.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

try {
  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm run build` first (or `npm run demo`, which builds when needed).");
  }
  const ready = await ensureDatabase({ root, env, log: say });
  database = ready;
  const databaseUrl = ready.url;
  say("database migrated");

  if (env.KANSHI_AWS_MODE === "demo" && !process.env.KANSHI_SIM_URL) {
    // The simulated organization lives in this process; the web server's sync worker calls it over HTTP.
    const { startSimulator } = await import("@/server/simulator");
    // The simulated organization's clock starts at today's midnight (UTC) unless KANSHI_SIM_START says otherwise,
    // so finding ages, patch scans, CloudTrail history and end-of-life dates read as they would today.
    const startTime = new Date(`${env.KANSHI_SIM_START ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const sim = await startSimulator({ seed: env.KANSHI_SIM_SEED, scale: env.KANSHI_SIM_SCALE, startTime });
    simulator = sim;
    process.env.KANSHI_SIM_URL = sim.url;
    say(`demo mode: simulated AWS organization at ${sim.url} (seed ${env.KANSHI_SIM_SEED}, ${env.KANSHI_SIM_SCALE} findings, clock ${startTime.toISOString().slice(0, 10)})`);
  }

  // Imported after DATABASE_URL is final: the Prisma client reads it when it is created.
  const { db } = await import("@/server/db");
  if (env.KANSHI_DEMO) {
    const { seedDemoUsers } = await import("@/server/users/seed-demo-users");
    const created = await seedDemoUsers();
    if (created) say(`created ${created} demo users (password "demo")`);
  } else if ((await db.user.count()) === 0) {
    say("no users yet: create the first admin with `npm run user:create -- --email you@example.com --role ADMIN`");
  }
  const { ensureDefaultChecklists } = await import("@/server/checklists/recurring/checklists");
  const checklists = await ensureDefaultChecklists();
  if (checklists) say(`created ${checklists} default checklists`);
  await db.$disconnect();

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(env.PORT),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? demoSecret(),
    // The web server finishes its running sync job before it exits (server/sync/worker-lifecycle.ts).
    NEXT_MANUAL_SIG_HANDLE: "true",
    // A larger young generation: the sync worker allocates many short-lived objects (faster syncs; 32 MB keeps a 1M-finding sync under 512 MB RSS).
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--max-semi-space-size=32"].filter(Boolean).join(" "),
  };
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s; starting the web server on http://localhost:${env.PORT}`);
  next = spawn(path.join(root, "node_modules", ".bin", "next"), [dev ? "dev" : "start", "-p", String(env.PORT)], {
    cwd: root,
    env: childEnv,
    stdio: "inherit",
  });
  next.on("exit", (code) => {
    if (!stopping) {
      stopping = true;
      void shutdown(code ?? 1);
    }
  });
} catch (error) {
  console.error(`\n[kanshi] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  stopping = true;
  await shutdown(1);
}
