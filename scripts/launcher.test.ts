import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { verifyPassword } from "@/server/auth/password";

const root = path.resolve(import.meta.dirname, "..");

function run(script: string, args: string[], env: Record<string, string>, input?: string) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root", NODE_ENV: "test", ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("the launcher (npm start)", () => {
  it("refuses to start with a bad setting and names it", () => {
    const result = run("serve.mts", [], { KANSHI_DEMO: "false", PORT: "99999" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration/);
    expect(result.stderr).toMatch(/NEXTAUTH_SECRET is required outside demo mode/);
    expect(result.stderr).toMatch(/PORT /);
  });
});

describe("npm run user:create", () => {
  it("creates a user with the password given on stdin", () => {
    const email = `cli-${randomUUID()}@test.kanshi`;
    const result = run("user-create.mts", ["--email", email, "--role", "ANALYST"], { DATABASE_URL: process.env.DATABASE_URL! }, "a strong cli password\n");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`Created ${email} (ANALYST).`);
    return db.user.findUniqueOrThrow({ where: { email } }).then(async (user) => {
      expect(user.role).toBe("ANALYST");
      expect(await verifyPassword(user.passwordHash!, "a strong cli password")).toBe(true);
    });
  });

  it("refuses a short password and a bad role with a clear message", () => {
    const short = run("user-create.mts", ["--email", `cli-${randomUUID()}@test.kanshi`, "--role", "ANALYST"], { DATABASE_URL: process.env.DATABASE_URL! }, "short\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const role = run("user-create.mts", ["--email", `cli-${randomUUID()}@test.kanshi`, "--role", "ROOT"], { DATABASE_URL: process.env.DATABASE_URL! }, "a strong cli password\n");
    expect(role.status).toBe(1);
    expect(role.stderr).toMatch(/role: must be one of ADMIN, ANALYST, VIEWER/);
  });
});
