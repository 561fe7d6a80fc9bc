// npm run bench:timeline [-- --rows 5000000] [--reuse] [--import-events 200000] [--samples 40] [--import-only] [--import-concurrency 3]
//   [--records-per-file 1000]
// CloudTrail timeline benchmarks at the service level (database time, no HTTP). Prints figures with their
// targets; asserts nothing.
//   1. A scratch database (BENCH_PG_URL or the local PostgreSQL; kanshi_bench_timeline, recreated unless --reuse
//      finds it filled) with --rows events over 400 days, written by set-based SQL.
//   2. p95 of searches with a 7-day range (random windows in the last 90 days): by principal ARN, by source
//      IP, by event name (target ≤ 200 ms each); the 90-day histogram (target ≤ 300 ms).
//   3. Import of generated gzip trail files (--records-per-file, 1,000 by default) into the filled table (target
//      ≥ 20,000 events/s), with the CPU time per event of this process and of PostgreSQL (when local).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { recreateDatabase } from "@/server/testing/test-database";
import { BENCH_EVENT_NAMES, BENCH_PRINCIPALS, fillEvents, principal, sourceIp } from "./bench-timeline-data.mts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "5000000" },
    reuse: { type: "boolean", default: false },
    "import-events": { type: "string", default: "200000" },
    samples: { type: "string", default: "40" },
    "import-only": { type: "boolean", default: false },
    "import-concurrency": { type: "string", default: "3" },
    "records-per-file": { type: "string", default: "1000" },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const serverUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DAY = 86_400_000;
const rows = Number(values.rows);
const samples = Number(values.samples);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const log = (m: string) => console.log(`[bench:timeline] ${m}`);

const url = new URL(serverUrl);
url.pathname = "/kanshi_bench_timeline";
let filled = 0;
if (values.reuse) {
  const probe = new pg.Client({ connectionString: url.toString() });
  try {
    await probe.connect();
    filled = Number((await probe.query<{ n: string }>("SELECT count(*)::text AS n FROM cloudtrail_events")).rows[0]?.n ?? 0);
  } catch {
    filled = 0;
  } finally {
    await probe.end().catch(() => {});
  }
}
if (filled < rows * 0.99) {
  log(`creating kanshi_bench_timeline with ${fmt(rows)} events…`);
  await recreateDatabase({ serverUrl, name: "kanshi_bench_timeline", root });
}
process.env.DATABASE_URL = url.toString();
const { bulkPool, readPool, closeBulkPool } = await import("@/server/db-pool");
const { searchEvents, eventHistogram } = await import("@/server/timeline/search-events");
const { parseTimelineQuery } = await import("@/server/timeline/timeline.schema");
const { importTrailFiles } = await import("@/server/timeline/import-trail-files");

const now = Date.now();
if (filled < rows * 0.99) {
  const started = Date.now();
  await fillEvents(bulkPool(), { rows, days: 400, end: new Date(now), log });
  log(`filled in ${fmt((Date.now() - started) / 1000)} s`);
} else log(`reusing ${fmt(filled)} events`);

const p95 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.ceil(times.length * 0.95) - 1] ?? NaN;
const window7 = (n: number) => {
  const to = now - Math.floor(((n * 7919) % 83) * DAY) - ((n * 104729) % DAY);
  return { from: new Date(to - 7 * DAY).toISOString(), to: new Date(to).toISOString() };
};

async function timeCase(label: string, target: number, params: (n: number) => Record<string, string>, run: (q: ReturnType<typeof parseTimelineQuery>) => Promise<unknown>) {
  for (let n = 0; n < 3; n++) await run(parseTimelineQuery(new URLSearchParams(params(1000 + n))));
  const times: number[] = [];
  let results = 0;
  for (let n = 0; n < samples; n++) {
    const q = parseTimelineQuery(new URLSearchParams(params(n)));
    const t0 = performance.now();
    const out = (await run(q)) as { items?: unknown[]; total?: number };
    times.push(performance.now() - t0);
    results += out.items?.length ?? out.total ?? 0;
  }
  const value = p95(times);
  console.log(`  ${label.padEnd(44)} p95 ${fmt(value, 1).padStart(7)} ms  (target ≤ ${target} ms) ${value <= target ? "PASS" : "FAIL"}   avg results ${fmt(results / samples)}`);
}

if (!values["import-only"]) {
console.log(`\nSearches (service level, ${samples} samples each, first page of 50, newest first):`);
const busy = (n: number) => Math.floor(Math.pow(((n * 37) % 100) / 100, 3) * BENCH_PRINCIPALS);
await timeCase("by principal ARN, 7 days", 200, (n) => ({ ...window7(n), principal: principal(busy(n)).arn }), (q) => searchEvents(q, readPool()));
await timeCase("by principal access key id, 7 days", 200, (n) => ({ ...window7(n), principal: principal(busy(n)).accessKeyId }), (q) => searchEvents(q, readPool()));
await timeCase("by source IP, 7 days", 200, (n) => ({ ...window7(n), sourceIp: sourceIp(1 + ((n * 7) % 9) + 10 * ((n * 31) % 500)) }), (q) => searchEvents(q, readPool()));
await timeCase("by source CIDR /16, 7 days", 200, (n) => ({ ...window7(n), sourceIp: `${11 + (n % 200)}.${n % 256}.0.0/16` }), (q) => searchEvents(q, readPool()));
await timeCase("by event name, 7 days", 200, (n) => ({ ...window7(n), eventName: BENCH_EVENT_NAMES[n % BENCH_EVENT_NAMES.length]! }), (q) => searchEvents(q, readPool()));
await timeCase("preset open-ingress, 7 days", 200, (n) => ({ ...window7(n), preset: "open-ingress" }), (q) => searchEvents(q, readPool()));
await timeCase("histogram, 90 days, no filter", 300, (n) => ({ from: new Date(now - 90 * DAY - n * 60_000).toISOString(), to: new Date(now - n * 60_000).toISOString() }), (q) => eventHistogram(q, readPool()));
await timeCase("histogram, 90 days, by event name", 300, (n) => ({ from: new Date(now - 90 * DAY).toISOString(), to: new Date(now).toISOString(), eventName: BENCH_EVENT_NAMES[n % 6]! }), (q) => eventHistogram(q, readPool()));

}

// import of generated trail files
const importEvents = Number(values["import-events"]);
const perFile = Number(values["records-per-file"]);
const dir = mkdtempSync(path.join(os.tmpdir(), "kanshi-trail-bench-"));
const files: string[] = [];
for (let f = 0; f * perFile < importEvents; f++) {
  const records = Array.from({ length: Math.min(perFile, importEvents - f * perFile) }, (_, i) => {
    const g = f * perFile + i;
    const n = g % 1000;
    const p = principal(g % BENCH_PRINCIPALS);
    const bucket = `bucket-${(f * 31 + n) % 5000}`;
    return {
      eventVersion: "1.09", userIdentity: { type: "IAMUser", principalId: `AIDA${f}${n}`, arn: p.arn, accountId: p.arn.split(":")[4], accessKeyId: p.accessKeyId, userName: p.userName },
      eventTime: new Date(now - 20 * DAY - g * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"), eventSource: "s3.amazonaws.com", eventName: "GetBucketAcl",
      awsRegion: "us-east-1", sourceIPAddress: sourceIp(g), userAgent: "[aws-sdk-java/1.12.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17]",
      requestParameters: { bucketName: bucket, Host: `${bucket}.s3.amazonaws.com`, acl: "" }, responseElements: null,
      additionalEventData: { SignatureVersion: "SigV4", CipherSuite: "ECDHE-RSA-AES128-GCM-SHA256", bytesTransferredIn: 0, AuthenticationMethod: "AuthHeader", "x-amz-id-2": "abc", bytesTransferredOut: 1024 },
      requestID: randomUUID(), eventID: randomUUID(), readOnly: true, resources: [{ accountId: p.arn.split(":")[4], type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${bucket}` }],
      eventType: "AwsApiCall", managementEvent: true, recipientAccountId: p.arn.split(":")[4], eventCategory: "Management",
      tlsDetails: { tlsVersion: "TLSv1.2", cipherSuite: "ECDHE-RSA-AES128-GCM-SHA256", clientProvidedHostHeader: `${bucket}.s3.amazonaws.com` },
    };
  });
  const file = path.join(dir, `${String(f).padStart(5, "0")}.json.gz`);
  writeFileSync(file, gzipSync(JSON.stringify({ Records: records })));
  files.push(file);
}
// CPU time of this database's server processes (when PostgreSQL runs on this machine: /proc), a figure the
// machine's load does not change, unlike the wall time
async function backendCpuMs(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const { rows: backends } = await readPool().query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  for (const { pid } of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * (1000 / 100));
    } catch {
      // not local, or gone
    }
  }
  return out;
}
const db0 = await backendCpuMs();
const cpu0 = process.cpuUsage();
const summary = await importTrailFiles(files.map((file) => ({ name: file, read: () => readFile(file) })), { concurrency: Number(values["import-concurrency"]) });
const cpu = process.cpuUsage(cpu0);
const db1 = await backendCpuMs();
const dbCpuMs = [...db1].reduce((total, [pid, ms]) => total + ms - (db0.get(pid) ?? 0), 0);
const nodeCpuMs = (cpu.user + cpu.system) / 1000;
console.log(`\nImport of ${files.length} gzip trail files (${fmt(summary.records)} events) into ${fmt(rows)} stored:`);
console.log(`  ${"events per second".padEnd(44)} ${fmt(summary.eventsPerSecond).padStart(11)}     (target ≥ 20,000) ${summary.eventsPerSecond >= 20_000 ? "PASS" : "FAIL"}   ${fmt(summary.durationMs / 1000, 1)} s, ${fmt(summary.inserted)} new`);
const perEvent = (ms: number) => (ms * 1000) / Math.max(1, summary.records);
console.log(`  ${"CPU per event".padEnd(44)} ${fmt(perEvent(nodeCpuMs + dbCpuMs), 1).padStart(11)} µs  (this process ${fmt(perEvent(nodeCpuMs), 1)} µs, PostgreSQL ${dbCpuMs ? `${fmt(perEvent(dbCpuMs), 1)} µs` : "not measured"})`);
if (dbCpuMs) console.log(`  ${"capacity of 2 idle cores at that CPU cost".padEnd(44)} ${fmt(2e6 / perEvent(nodeCpuMs + dbCpuMs)).padStart(11)}     events/s`);
console.log(`\n(load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.cpus().length} CPUs: other work on the machine lowers these figures)`);
rmSync(dir, { recursive: true, force: true });
// leave the database as filled (events, hourly counts, visibility map) for the next --reuse
await bulkPool().query(`DELETE FROM cloudtrail_events WHERE origin = 'file' AND event_name = 'GetBucketAcl' AND event_source = 's3.amazonaws.com'`);
await bulkPool().query(`TRUNCATE cloudtrail_event_hours`);
await bulkPool().query(`INSERT INTO cloudtrail_event_hours (hour, events) SELECT date_trunc('hour', event_time), count(*) FROM cloudtrail_events GROUP BY 1`);
await bulkPool().query("VACUUM ANALYZE cloudtrail_events");
await closeBulkPool();
process.exit(0);
