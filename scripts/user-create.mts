// npm run user:create -- --email you@example.com --role ADMIN [--name "Your Name"] [--sso-only]
// Creates a user in DATABASE_URL (or the embedded database when it is not set and not running elsewhere).
// The password is asked for twice without echo; pipe it on stdin for scripts.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { stdin, stdout } from "node:process";
import path from "node:path";
import { existsSync } from "node:fs";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, "sso-only": { type: "boolean", default: false } },
});
if (!values.email || !values.role) {
  console.error("usage: npm run user:create -- --email you@example.com --role ADMIN|ANALYST|VIEWER [--name NAME] [--sso-only]");
  process.exit(2);
}

async function readPassword(prompt: string): Promise<string> {
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    for await (const line of rl) return line;
    return "";
  }
  return new Promise((resolve) => {
    stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = "";
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          stdout.write("\n");
          return resolve(value);
        }
        if (ch === "\u0003") process.exit(130);
        value = ch === "\u007f" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

const { parseEnv } = await import("@/server/env");
const env = parseEnv();
let code = 0;
let stop: (() => Promise<void>) | undefined;
try {
  const { passwordProblem } = await import("@/server/auth/password");
  let password: string | undefined;
  if (!values["sso-only"]) {
    password = await readPassword("Password (at least 12 characters): ");
    const problem = passwordProblem(password);
    if (problem) throw new Error(problem);
    if (stdin.isTTY && (await readPassword("Repeat the password: ")) !== password) throw new Error("The passwords do not match.");
  }
  const { ensureDatabase } = await import("@/server/database/ensure-database");
  stop = (await ensureDatabase({ root, env })).stop;
  const { createUser } = await import("@/server/users/create-user");
  const user = await createUser({ input: { email: values.email, role: values.role as "ADMIN", name: values.name, password }, actor: null });
  console.log(`Created ${user.email} (${user.role}).`);
} catch (error) {
  const { z } = await import("zod");
  console.error(error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") : error instanceof Error ? error.message : error);
  code = 1;
} finally {
  const { db } = await import("@/server/db");
  await db.$disconnect();
  await stop?.();
}
process.exit(code);
