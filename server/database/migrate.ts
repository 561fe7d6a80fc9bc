import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";

const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Applies pending migrations with `prisma migrate deploy`. The CLI keeps a timer open for ~10 s
 * after it has finished, so it is stopped as soon as it reports success.
 */
export function migrateDatabase(options: { databaseUrl: string; cwd?: string }): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(cwd, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd,
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let succeeded = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!succeeded && DONE.test(output)) {
        succeeded = true;
        child.kill();
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (succeeded) return;
      if (code === 0) resolve();
      else reject(new Error(`Database migration failed (prisma migrate deploy exited with ${code}):\n${output.trim()}`));
    });
  });
}
