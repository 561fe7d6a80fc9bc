import path from "node:path";
import type { TestProject } from "vitest/node";
import { recreateDatabase, startTestServer } from "@/server/testing/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** the server's maintenance database, for tests that need a database of their own */
    serverUrl: string;
  }
}

// One fresh, migrated database for the run; tests use random ids so they can share it in parallel.
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname);
  const server = await startTestServer(root);
  const databaseUrl = await recreateDatabase({ serverUrl: server.serverUrl, name: process.env.TEST_DB_NAME ?? "kanshi_test", root });
  project.provide("databaseUrl", databaseUrl);
  project.provide("serverUrl", server.serverUrl);
  return () => server.stop();
}
