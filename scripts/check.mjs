// npm run check: everything CI runs, in order, stopping at the first failure:
// lint, typecheck, unit + integration tests (vitest, real PostgreSQL), production build, e2e (Playwright, Chromium).
// Ends with one "check: N passed, N failed" line counting every test.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "reports");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, CI: process.env.CI ?? "true" };

const steps = [
  ["lint", ["npm", "run", "lint"]],
  ["typecheck", ["npm", "run", "typecheck"]],
  ["unit and integration tests", ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`]],
  ["build", ["npm", "run", "build"]],
  ["e2e tests", ["npx", "playwright", "test"]],
];

function counts() {
  let passed = 0;
  let failed = 0;
  const vitest = path.join(results, "vitest.json");
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  const e2e = path.join(results, "e2e.json");
  if (existsSync(e2e)) {
    const r = JSON.parse(readFileSync(e2e, "utf8"));
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
  }
  return { passed, failed };
}

const started = Date.now();
let failedStep = null;
for (const [name, [cmd, ...args]] of steps) {
  const t = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  console.log(`━━ ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  if (r.status !== 0) {
    failedStep = name;
    break;
  }
}
const { passed, failed } = counts();
console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s${failedStep ? `; stopped at: ${failedStep}` : ""}`);
console.log(`check: ${passed} passed, ${failedStep && failed === 0 ? 1 : failed} failed`);
process.exit(failedStep ? 1 : 0);
