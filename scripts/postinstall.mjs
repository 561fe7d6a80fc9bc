// Generates the Prisma client after install. `prisma generate` needs DATABASE_URL set to
// something, or it tries to download an engine; it never connects.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://generate@localhost/unused", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
