// npm run bench:findings [-- --rows 1000000] [--reuse] [--no-build] [--skip-http] [--skip-triage] [--duration 15]
// Findings list / bulk triage benchmarks. Prints figures with their targets; asserts nothing.
//   1. A scratch database (BENCH_PG_URL or the local PostgreSQL; kanshi_bench_findings, recreated unless
//      --reuse finds it filled) with --rows synthetic findings written by set-based SQL.
//   2. GET /api/findings p95 over 50 sequential requests per case (default view, each filter, free text,
//      each sort) against `next start` (built first when the build is missing or older than the sources;
//      --no-build uses whatever build exists), and the same queries in-process (database time only).
//      /api/findings/counts separately; autocannon with 20 connections; an export of the default view.
//   3. Bulk triage: a real sync from the simulator into kanshi_bench_triage (a child process of this
//      script), RESOLVED on 1,000 findings timed, then the outbox drain and the simulator's call count.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { recreateDatabase } from "@/server/testing/test-database";
import { fillFindings, filledRows, BENCH_PASSWORD } from "./bench-findings-data.mts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    reuse: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "skip-http": { type: "boolean", default: false },
    "skip-triage": { type: "boolean", default: false },
    "triage-child": { type: "boolean", default: false },
    duration: { type: "string", default: "15" },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const serverUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
const SAMPLES = 50;
/** 50 samples per case, 10 for a case whose 3 warm-up runs took over 1.5 s (it fails either way; the bench stays short). */
const samplesFor = (warmupMs: number) => (warmupMs > 1_500 ? 10 : SAMPLES);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function dbUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

if (values["triage-child"]) {
  await (await import("./bench-findings-triage.mts")).runTriageBench(serverUrl, root);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------- data
const rows = Number(values.rows);
const databaseUrl = dbUrl("kanshi_bench_findings");
if (values.reuse && (await filledRows(databaseUrl)) >= rows * 0.99) {
  console.log(`== reusing kanshi_bench_findings (${fmt(await filledRows(databaseUrl))} findings); applying new migrations`);
  const { migrateDatabase } = await import("@/server/database/migrate");
  await migrateDatabase({ databaseUrl, cwd: root });
  const vacuum = new pg.Client({ connectionString: databaseUrl });
  await vacuum.connect();
  await vacuum.query("VACUUM ANALYZE findings");
  await vacuum.end();
} else {
  await recreateDatabase({ serverUrl, name: "kanshi_bench_findings", root });
  console.log(`\n== filling kanshi_bench_findings with ${fmt(rows)} findings (set-based SQL, indexes rebuilt after, VACUUM ANALYZE)`);
  const t0 = performance.now();
  await fillFindings(databaseUrl, rows, (step) => console.log(`   ${step} (${fmt((performance.now() - t0) / 1000, 0)} s)`));
  console.log(`filled in ${fmt((performance.now() - t0) / 1000, 0)} s`);
}
process.env.DATABASE_URL = databaseUrl;

const { parseFindingFilter, parsePaging } = await import("@/server/findings/filters");
const { listFindings, countFindings } = await import("@/server/findings/list-findings");
const { readPool, closeBulkPool } = await import("@/server/db-pool");

const pool = readPool();
const analyst = (await pool.query<{ id: string; email: string }>(`SELECT id, email FROM users WHERE email = 'bench-analyst@bench.kanshi'`)).rows[0]!;
const bigAccount = (await pool.query<{ id: string }>(`SELECT "awsAccountId" AS id FROM findings GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]!.id;
const workloadsOu = (await pool.query<{ id: string }>(`SELECT id FROM organizational_units WHERE name = 'Workloads'`)).rows[0]!.id;
const fragment = (await pool.query<{ r: string }>(`SELECT "resourceId" AS r FROM findings WHERE "resourceType" = 'AwsEc2Instance' AND severity = 'HIGH' LIMIT 1`)).rows[0]!.r;
const instanceFragment = fragment.slice(fragment.indexOf("i-0"), fragment.indexOf("i-0") + 10);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The list cases: [label, query string, group]. */
const CASES: [string, string, "default" | "filter" | "search" | "sort"][] = [
  ["default view (CRITICAL+HIGH, NEW+NOTIFIED, active, by due date)", "", "default"],
  ["default view, page 2 (cursor)", "<page2>", "default"],
  ["severity=MEDIUM", "severity=MEDIUM", "filter"],
  ["status=all&severity=all", "status=all&severity=all", "filter"],
  ["status=RESOLVED", "status=RESOLVED", "filter"],
  ["record=archived", "record=archived&status=all", "filter"],
  [`account=<largest>`, `account=${bigAccount}`, "filter"],
  ["ou=Workloads (and its sub-OUs)", `ou=${workloadsOu}`, "filter"],
  ["region=eu-west-1", "region=eu-west-1", "filter"],
  ["resourceType=AwsEc2SecurityGroup", "resourceType=AwsEc2SecurityGroup", "filter"],
  ["control=EC2.19", "control=EC2.19", "filter"],
  ["control=IAM.6", "control=IAM.6", "filter"],
  ["standard=cis", "standard=cis", "filter"],
  ["owner=me", "owner=me", "filter"],
  ["owner=none", "owner=none", "filter"],
  ["sla=overdue", "sla=overdue", "filter"],
  ["sla=dueSoon", "sla=dueSoon", "filter"],
  ["firstSeen: one week a month ago", `firstSeenFrom=${day(-37)}&firstSeenTo=${day(-30)}`, "filter"],
  ["lastSeen: the last 3 days", `lastSeenFrom=${day(-3)}`, "filter"],
  // The overview's "closed per week" / MTTR links: a range of findings.closedAt, any status.
  ["closed: the last 7 days", `closedFrom=${day(-7)}&severity=all&status=all&record=all`, "filter"],
  ["closed: the last 30 days, CRITICAL", `closedFrom=${day(-30)}&severity=CRITICAL&status=all&record=all`, "filter"],
  ["writeBack=FAILED", "writeBack=FAILED", "filter"],
  ["writeBack=PENDING,FAILED, all severities", "writeBack=PENDING,FAILED&severity=all", "filter"],
  ["source=GUARDDUTY", "source=GUARDDUTY", "filter"],
  ["product=Inspector", "product=Inspector", "filter"],
  ["q=openssl (a word)", "q=openssl", "search"],
  ["q=public, all severities and statuses", "q=public&severity=all&status=all", "search"],
  [`q=${instanceFragment} (resource id fragment)`, `q=${instanceFragment}`, "search"],
  [`q=${instanceFragment}, all severities and statuses`, `q=${instanceFragment}&severity=all&status=all`, "search"],
  ["sort=severity", "sort=severity", "sort"],
  ["sort=age", "sort=age", "sort"],
  ["sort=lastSeen (desc)", "sort=lastSeen", "sort"],
  ["sort=due&dir=desc", "sort=due&dir=desc", "sort"],
  ["sort=age, all severities and statuses", "sort=age&severity=all&status=all", "sort"],
];

// The cursor of page 2 of the default view.
const page1 = await listFindings(parseFindingFilter(new URLSearchParams("")), parsePaging(new URLSearchParams("")), { userId: analyst.id });
for (const c of CASES) if (c[1] === "<page2>") c[1] = `cursor=${page1.nextCursor}`;

type TTiming = { label: string; group: string; db: number[]; http: number[] };
const timings: TTiming[] = CASES.map(([label, , group]) => ({ label, group, db: [], http: [] }));

console.log(`\n== GET /api/findings cases in-process (database time: listFindings, ${SAMPLES} sequential runs each after 3 warm-ups)`);
for (const [i, [, query]] of CASES.entries()) {
  const params = new URLSearchParams(query);
  const run = () => listFindings(parseFindingFilter(params), parsePaging(params), { userId: analyst.id });
  const warm = performance.now();
  for (let w = 0; w < 3; w++) await run();
  for (let s = 0, n = samplesFor(performance.now() - warm); s < n; s++) {
    const t = performance.now();
    await run();
    timings[i]!.db.push(performance.now() - t);
  }
}
const countTimes: number[] = [];
for (let s = 0; s < SAMPLES + 3; s++) {
  const t = performance.now();
  await countFindings(parseFindingFilter(new URLSearchParams("")), { userId: analyst.id });
  if (s >= 3) countTimes.push(performance.now() - t);
}

// ---------------------------------------------------------------------------------------------- HTTP
function newestSource(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds when the build is missing or older than the sources (as scripts/demo.mjs does), unless --no-build. */
function ensureBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = Math.max(...["app", "components", "server", "proxy.ts", "next.config.mjs", "package-lock.json"].map((p) => {
    const full = path.join(root, p);
    if (!existsSync(full)) return 0;
    return statSync(full).isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
  }));
  const fresh = existsSync(buildId) && statSync(buildId).mtimeMs >= sources;
  if (fresh) return true;
  if (values["no-build"]) {
    if (!existsSync(buildId)) return false;
    console.log("(--no-build: using a build older than the sources)");
    return true;
  }
  console.log("building (npm run build): the build is missing or older than the sources…");
  return spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" }).status === 0;
}

/** Resident memory of a process and its children, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

async function startNext(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_URL: url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      KANSHI_WORKER: "false", KANSHI_DEMO: "false", NODE_OPTIONS: "--max-semi-space-size=32",
    },
  });
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer /api/health within 60 s");
}

/** Signs in through next-auth's credentials endpoint, as e2e/support/auth.ts apiSignIn does; returns the Cookie header. */
async function signIn(url: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken, json: "true", callbackUrl: "/overview" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return cookie();
}

async function timedGet(url: string, cookie: string): Promise<number> {
  const t = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - t;
}

let httpDone = false;
const countHttp: number[] = [];
const load: { label: string; p50: number; p95: number; p99: number; rps: number; errors: number }[] = [];
let exportFigures: { rows: number; mb: number; seconds: number; rssBefore: number; rssPeak: number } | null = null;

if (!values["skip-http"]) {
  if (!ensureBuild()) {
    console.log("\n(no production build: the HTTP figures are skipped; run `npm run build` first or leave out --no-build)");
  } else {
    const server = await startNext();
    try {
      const cookie = await signIn(server.url, analyst.email, BENCH_PASSWORD);
      console.log(`\n== GET /api/findings over HTTP (next start on ${server.url}, signed in as an ANALYST; ${SAMPLES} sequential requests per case)`);
      for (const [i, [, query]] of CASES.entries()) {
        const url = `${server.url}/api/findings${query ? `?${query}` : ""}`;
        const warm = performance.now();
        for (let w = 0; w < 3; w++) await timedGet(url, cookie);
        for (let s = 0, n = samplesFor(performance.now() - warm); s < n; s++) timings[i]!.http.push(await timedGet(url, cookie));
      }
      for (let s = 0; s < SAMPLES + 3; s++) {
        const t = await timedGet(`${server.url}/api/findings/counts`, cookie);
        if (s >= 3) countHttp.push(t);
      }

      const duration = Number(values.duration);
      const runLoad = async (label: string, paths: string[]) => {
        const latencies: number[] = [];
        let errors = 0;
        // autocannon reports p97.5 and p99, not p95: every response time is kept to compute it.
        const result = await new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            { url: server.url, connections: 20, duration, headers: { cookie }, requests: paths.map((p) => ({ method: "GET" as const, path: p })) },
            (error, r) => (error ? reject(error) : resolve(r)),
          );
          instance.on("response", (_client, status, _bytes, ms) => {
            latencies.push(ms);
            if (status >= 400) errors++;
          });
        });
        load.push({ label, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: result.requests.average, errors: errors + result.errors + result.timeouts });
      };
      console.log(`\n== autocannon: 20 connections × ${duration} s (load generator on the same machine as server and database)`);
      await runLoad("default view", ["/api/findings"]);
      const url = (q: string) => `/api/findings${q ? `?${q}` : ""}`;
      // The list API alone (the target), then with the severity counts the page also asks for.
      await runLoad("mixed list API: every case above", CASES.map(([, q]) => url(q)));
      await runLoad("mixed: every case above + counts", [...CASES.map(([, q]) => url(q)), "/api/findings/counts"]);
      // The same without the cases that miss 100 ms on their own: what concurrency costs, apart from slow plans.
      const fast = CASES.filter((_, i) => percentile(timings[i]!.http, 95) <= 100);
      if (fast.length < CASES.length) await runLoad(`mixed without the ${CASES.length - fast.length} slow cases`, [...fast.map(([, q]) => url(q)), "/api/findings/counts"]);

      // Export of the default view (~10 % of the rows): time and the server's resident memory.
      const rssBefore = treeRss(server.child.pid!);
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRss(server.child.pid!))), 100);
      const t = performance.now();
      const response = await fetch(`${server.url}/api/findings/export?format=csv`, { headers: { cookie } });
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        for (const b of chunk) if (b === 10) lines++;
      }
      clearInterval(sampler);
      exportFigures = { rows: lines - 1, mb: bytes / 2 ** 20, seconds: (performance.now() - t) / 1000, rssBefore, rssPeak };
      httpDone = true;
    } finally {
      server.child.kill("SIGTERM");
      await new Promise((r) => server.child.once("exit", r));
    }
  }
}

// ---------------------------------------------------------------------------------------------- report
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const ms = (n: number) => `${fmt(n, 1)} ms`;
console.log(`\n== findings list, ${fmt(await filledRows(databaseUrl))} findings; target p95 ≤ 100 ms per case (HTTP when measured, else database time)`);
console.log(`${pad("case", 62)} ${pad("db p50", 10)} ${pad("db p95", 10)} ${pad("http p50", 10)} ${pad("http p95", 10)} verdict`);
let misses = 0;
for (const t of timings) {
  const p95 = httpDone ? percentile(t.http, 95) : percentile(t.db, 95);
  if (p95 > 100) misses++;
  console.log(`${pad(t.label, 62)} ${pad(ms(percentile(t.db, 50)), 10)} ${pad(ms(percentile(t.db, 95)), 10)} ${pad(httpDone ? ms(percentile(t.http, 50)) : "-", 10)} ${pad(httpDone ? ms(percentile(t.http, 95)) : "-", 10)} ${verdict(p95 <= 100)}`);
}
console.log(`${misses} of ${timings.length} cases over 100 ms`);
const countsP95 = httpDone ? percentile(countHttp, 95) : percentile(countTimes, 95);
console.log(`GET /api/findings/counts, default view (reported separately): db p95 ${ms(percentile(countTimes, 95))}${httpDone ? `, http p95 ${ms(percentile(countHttp, 95))}` : ""} → ${verdict(countsP95 <= 100)} against 100 ms`);
for (const l of load) {
  console.log(`autocannon ${l.label}: p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, ${fmt(l.rps)} requests/s, ${l.errors} errors → ${verdict(l.p95 <= 250 && l.errors === 0)} (target p95 ≤ 250 ms)`);
}
if (exportFigures) {
  const e = exportFigures;
  console.log(`export of the default view as CSV over HTTP: ${fmt(e.rows)} rows, ${fmt(e.mb, 1)} MB in ${fmt(e.seconds, 1)} s (${fmt(e.rows / e.seconds)} rows/s); server RSS ${fmt(e.rssBefore / 2 ** 20)} MB before, peak ${fmt(e.rssPeak / 2 ** 20)} MB`);
}
await closeBulkPool();

if (!values["skip-triage"]) {
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, "--triage-child"], { cwd: root, stdio: "inherit", env: process.env });
  await new Promise((r) => child.once("exit", r));
}
process.exit(0);
