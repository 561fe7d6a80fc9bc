// node --conditions=react-server --import tsx scripts/bench-timeline-profile.mts [--events 50000] [--batch 1000] [--sources]
// Where the time of a trail-file import goes (against kanshi_bench_timeline, filled by bench:timeline):
// decode (gunzip + JSON.parse), normalize, COPY text, then the database statements, each with the wall time
// and the PostgreSQL backend's CPU time (read from /proc, same machine). Rows are deleted afterwards.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import pg from "pg";
import { BENCH_PRINCIPALS, principal, sourceIp } from "./bench-timeline-data.mts";

const { values } = parseArgs({ options: { events: { type: "string", default: "50000" }, batch: { type: "string", default: "1000" }, sources: { type: "boolean", default: false } } });
const url = new URL(process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
url.pathname = "/kanshi_bench_timeline";
process.env.DATABASE_URL = url.toString();
const { normalizeRecord } = await import("@/server/timeline/normalize-record");
const { ensureMonthPartitions, monthOf } = await import("@/server/timeline/partitions");
const DAY = 86_400_000;
const now = Date.now();
const total = Number(values.events);
const batchSize = Number(values.batch);
const files: Buffer[] = [];
for (let f = 0; f * 1000 < total; f++) {
  const records = Array.from({ length: 1000 }, (_, n) => {
    const p = principal((f * 1000 + n) % BENCH_PRINCIPALS);
    const bucket = `bucket-${(f * 31 + n) % 5000}`;
    return {
      eventVersion: "1.09", userIdentity: { type: "IAMUser", principalId: `AIDA${f}${n}`, arn: p.arn, accountId: p.arn.split(":")[4], accessKeyId: p.accessKeyId, userName: p.userName },
      eventTime: new Date(now - 30 * DAY - (f * 1000 + n) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"), eventSource: "s3.amazonaws.com", eventName: "GetBucketAcl",
      awsRegion: "us-east-1", sourceIPAddress: sourceIp(f * 1000 + n), userAgent: "[aws-sdk-java/1.12.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17]",
      requestParameters: { bucketName: bucket, Host: `${bucket}.s3.amazonaws.com`, acl: "" }, responseElements: null,
      additionalEventData: { SignatureVersion: "SigV4", CipherSuite: "ECDHE-RSA-AES128-GCM-SHA256", bytesTransferredIn: 0, AuthenticationMethod: "AuthHeader", "x-amz-id-2": "abc", bytesTransferredOut: 1024 },
      requestID: randomUUID(), eventID: randomUUID(), readOnly: true, resources: [{ accountId: p.arn.split(":")[4], type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${bucket}` }],
      eventType: "AwsApiCall", managementEvent: true, recipientAccountId: p.arn.split(":")[4], eventCategory: "Management",
      tlsDetails: { tlsVersion: "TLSv1.2", cipherSuite: "ECDHE-RSA-AES128-GCM-SHA256", clientProvidedHostHeader: `${bucket}.s3.amazonaws.com` },
    };
  });
  files.push(gzipSync(JSON.stringify({ Records: records })));
}
const t = () => performance.now();
let t0 = t();
const parsed = files.map((b) => (JSON.parse(gunzipSync(b).toString("utf8")) as { Records: unknown[] }).Records).flat();
console.log(`decode        ${(t() - t0).toFixed(0)} ms`);
t0 = t();
const rows = parsed.map((r) => (normalizeRecord(r, "file") as { ok: true; row: import("@/server/timeline/normalize-record").TEventRow }).row);
console.log(`normalize     ${(t() - t0).toFixed(0)} ms`);

const pool = new pg.Pool({ connectionString: url.toString(), max: 2, options: "-c TimeZone=UTC" });
await ensureMonthPartitions(pool, rows.map((r) => monthOf(r.eventTime)));
const client = await pool.connect();
const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
const ticks = () => { const s = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(s[11]) + Number(s[12])) * 10; };
const phases = new Map<string, { wall: number; cpu: number }>();
async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const w = t(); const c = ticks();
  const out = await run();
  const p = phases.get(label) ?? { wall: 0, cpu: 0 };
  p.wall += t() - w; p.cpu += ticks() - c;
  phases.set(label, p);
  return out;
}
const mod = await import("@/server/timeline/store-events");
const profile = mod.profileStatements;
const w0 = t();
let inserted = 0;
for (let i = 0; i < rows.length; i += batchSize) {
  await client.query("BEGIN");
  const slice = rows.slice(i, i + batchSize);
  inserted += (await profile(client, slice, timed, values.sources ? slice.map((_, n) => Math.floor(n / 1000)) : undefined)).inserted;
  await timed("commit", () => client.query("COMMIT"));
}
if (inserted !== rows.length) throw new Error(`inserted ${inserted} of ${rows.length}`);
const wall = t() - w0;
for (const [label, p] of phases) console.log(`${label.padEnd(14)}wall ${p.wall.toFixed(0).padStart(6)} ms  backend cpu ${p.cpu.toFixed(0).padStart(6)} ms`);
console.log(`store total   ${wall.toFixed(0)} ms → ${Math.round(rows.length / (wall / 1000))} events/s (db only, 1 connection)`);
client.release();
await pool.query(`DELETE FROM cloudtrail_events WHERE origin = 'file' AND event_name = 'GetBucketAcl' AND event_source = 's3.amazonaws.com'`);
await pool.query(`TRUNCATE cloudtrail_event_hours`);
await pool.query(`INSERT INTO cloudtrail_event_hours (hour, events) SELECT date_trunc('hour', event_time), count(*) FROM cloudtrail_events GROUP BY 1`);
await pool.query("VACUUM ANALYZE cloudtrail_events");
await pool.end();
