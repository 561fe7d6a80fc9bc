// npm run db:migration -- <name>
// Creates prisma/migrations/<timestamp>_<name>/migration.sql offline from the
// difference between the schema as of the last committed migration and the
// current prisma/schema.prisma. (`prisma migrate dev` does not work with the JS
// schema engine; `migrate diff` needs a reachable PostgreSQL, any will do.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower case, digits and _ only)");
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((d) => /^\d{14}_/.test(d));

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
}

let from = ["--from-empty"];
if (hasMigrations) {
  // The schema as it was when the migrations folder last changed in git.
  const sha = git(["log", "-1", "--format=%H", "--", "prisma/migrations"]);
  if (!sha) {
    console.error("prisma/migrations has migrations that are not committed: commit them first, so the previous schema can be read from git.");
    process.exit(2);
  }
  const previous = path.join(mkdtempSync(path.join(tmpdir(), "kanshi-schema-")), "schema.prisma");
  writeFileSync(previous, git(["show", `${sha}:prisma/schema.prisma`]));
  from = ["--from-schema-datamodel", previous];
}

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" };
const sql = execFileSync(
  path.join(root, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("The schema has not changed since the last migration: nothing to create.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
if (!existsSync(path.join(migrationsDir, "migration_lock.toml"))) {
  writeFileSync(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`Created ${path.relative(root, dir)}/migration.sql`);
