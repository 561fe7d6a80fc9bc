import "server-only";
import pg from "pg";
import path from "node:path";
import { startEmbeddedDb } from "@/server/database/embedded";
import { migrateDatabase } from "@/server/database/migrate";

// Test databases live on the machine's PostgreSQL (TEST_PG_URL, default the local server with trust
// auth, as CI has it). When none answers, an embedded PostgreSQL is started, so `npm run check`
// also works on a laptop with nothing installed.

const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export type TTestServer = { serverUrl: string; stop: () => Promise<void> };

export async function startTestServer(root: string): Promise<TTestServer> {
  const serverUrl = process.env.TEST_PG_URL ?? DEFAULT_SERVER;
  if (await reachable(serverUrl)) return { serverUrl, stop: async () => {} };
  console.log(`[test] no PostgreSQL at ${serverUrl.replace(/:[^:@/]+@/, ":***@")}: starting an embedded one`);
  const embedded = await startEmbeddedDb({ dataDir: path.join(root, ".data", "test"), port: 54339 });
  return { serverUrl: embedded.url.replace(/\/kanshi$/, "/postgres"), stop: embedded.stop };
}

/** Drops and recreates `name` on the server, migrates it, and returns its URL. */
export async function recreateDatabase(options: { serverUrl: string; name: string; root: string }): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.name)) throw new Error(`bad database name ${options.name}`);
  const admin = new pg.Client({ connectionString: options.serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${options.name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${options.name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(options.serverUrl);
  url.pathname = `/${options.name}`;
  await migrateDatabase({ databaseUrl: url.toString(), cwd: options.root });
  return url.toString();
}
