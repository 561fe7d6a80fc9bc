// npm run trail:import -- <dir or files…>: imports CloudTrail trail files (organization trail exports from S3:
// *.json.gz or *.json, directories searched recursively) into the timeline; prints each file's result and the
// rate. Duplicates (same event id) are stored once; a corrupt file is reported and the others still import.
// Exit code 1 when a file failed. Uses DATABASE_URL (or the embedded database).
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length === 0 || args.includes("--help")) {
  console.log("usage: npm run trail:import -- <directory or file> [more…]\n  imports *.json.gz and *.json CloudTrail log files (directories recursively)");
  process.exit(args.length === 0 ? 1 : 0);
}

async function collect(target: string, out: string[]): Promise<void> {
  const info = await stat(target);
  if (info.isDirectory()) {
    for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(target, entry.name);
      if (entry.isDirectory()) await collect(full, out);
      else if (/\.json(\.gz)?$/i.test(entry.name)) out.push(full);
    }
  } else out.push(target);
}

const files: string[] = [];
for (const arg of args) {
  try {
    await collect(path.resolve(arg), files);
  } catch (error) {
    console.error(`[trail:import] ${arg}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
if (files.length === 0) {
  console.error("[trail:import] no .json.gz or .json files found");
  process.exit(1);
}

const { parseEnv, EnvError } = await import("@/server/env");
let env;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
const { ensureDatabase } = await import("@/server/database/ensure-database");
const database = await ensureDatabase({ root, env, log: (m) => console.log(`[trail:import] ${m}`) });

let code = 0;
try {
  const { importTrailFiles } = await import("@/server/timeline/import-trail-files");
  console.log(`[trail:import] ${files.length} file(s)`);
  const summary = await importTrailFiles(files.map((file) => ({ name: file.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), file) : file, read: () => readFile(file) })), {
    onFile: (f) => console.log(f.ok
      ? `  ok      ${f.file}: ${f.records} records, ${f.inserted} new, ${f.duplicates} duplicates${f.invalid ? `, ${f.invalid} invalid (${f.invalidSamples.join("; ")})` : ""}`
      : `  FAILED  ${f.file}: ${f.error}`),
  });
  console.log(`[trail:import] ${summary.records} records in ${(summary.durationMs / 1000).toFixed(1)} s (${summary.eventsPerSecond} events/s): `
    + `${summary.inserted} new, ${summary.duplicates} duplicates, ${summary.invalid} invalid, ${summary.failedFiles} file(s) failed`);
  code = summary.failedFiles > 0 ? 1 : 0;
} catch (error) {
  console.error(`[trail:import] failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  const { closeBulkPool } = await import("@/server/db-pool");
  await closeBulkPool();
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await database.stop();
}
process.exit(code);
