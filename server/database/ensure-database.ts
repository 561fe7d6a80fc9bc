import "server-only";
import path from "node:path";
import type { TEnv } from "@/server/env";
import { startEmbeddedDb } from "./embedded";
import { migrateDatabase } from "./migrate";

/**
 * For the launcher and the command-line scripts: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL; migrated either way. Sets process.env.DATABASE_URL for the Prisma client.
 */
export async function ensureDatabase(options: { root: string; env: TEnv; log?: (m: string) => void }): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  const { env, root } = options;
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.resolve(root, env.KANSHI_DATA_DIR);
    options.log?.(`no DATABASE_URL: starting the embedded PostgreSQL (data in ${path.relative(root, dataDir) || "."}/postgres)…`);
    const embedded = await startEmbeddedDb({ dataDir, port: env.EMBEDDED_PG_PORT });
    url = embedded.url;
    stop = embedded.stop;
  }
  process.env.DATABASE_URL = url;
  try {
    await migrateDatabase({ databaseUrl: url, cwd: root });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, embedded: !env.DATABASE_URL, stop };
}
