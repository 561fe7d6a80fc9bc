import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every API route checks the session and role through withAuth; the few public ones are listed here.
// The iCal feed is read by team calendars without a session: its secret, revocable token is the key.
const PUBLIC = new Set(["app/api/health/route.ts", "app/api/locale/route.ts", "app/api/auth/[...nextauth]/route.ts", "app/api/eol/ical/[token]/route.ts"]);
const root = path.resolve(import.meta.dirname, "../..");

function routes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routes(full);
    return name === "route.ts" ? [path.relative(root, full)] : [];
  });
}

describe("API routes", () => {
  const files = routes(path.join(root, "app/api"));

  it("are found", () => {
    expect(files).toContain("app/api/users/route.ts");
  });

  it.each(files.filter((f) => !PUBLIC.has(f)))("%s wraps every handler in withAuth with a role", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const handlers = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b(.*)/g)];
    expect(handlers.length).toBeGreaterThan(0);
    for (const [, , rest] of handlers) expect(rest).toMatch(/= withAuth(<[^>]*>)?\(/);
    expect(source).toMatch(/role: "(ADMIN|ANALYST|VIEWER)"/);
  });
});
