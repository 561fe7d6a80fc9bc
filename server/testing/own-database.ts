import "server-only";
import path from "node:path";
import { inject } from "vitest";
import { recreateDatabase } from "./test-database";

/**
 * For a test file that compares whole-database states (sync runs against the simulator): a fresh
 * database of its own, so other files writing in parallel cannot disturb it. Call before the first
 * (dynamic) import of anything that uses server/db.ts.
 */
export async function useOwnDatabase(name: string): Promise<string> {
  const url = await recreateDatabase({ serverUrl: inject("serverUrl"), name, root: path.resolve(import.meta.dirname, "../..") });
  process.env.DATABASE_URL = url;
  return url;
}

/** Empties every Kanshi table (the schema stays), between tests of one file. */
export async function truncateAll(exec: (sql: string) => Promise<unknown>): Promise<void> {
  await exec(`TRUNCATE finding_history, findings, sync_runs, sync_cursors, aws_accounts, organizational_units, audit_log RESTART IDENTITY CASCADE`);
}
