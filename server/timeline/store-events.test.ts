import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { bulkPool } from "@/server/db-pool";
import { importTrailFiles } from "./import-trail-files";
import { normalizeRecord, type TEventRow } from "./normalize-record";
import { storeEvents } from "./store-events";

// The COPY text written by hand (escaping), dedup within and across batches, and the hourly counts kept
// exact, in an hour of this file's own (a random hour 30 to 38 days ago).
const HOUR = 3_600_000;
const hour = Math.floor(Date.now() / HOUR) * HOUR - (30 * 24 + Math.floor(Math.random() * 8 * 24)) * HOUR;
const account = String(100_000_000_000 + Math.floor(Math.random() * 800_000_000_000));
let second = 0;

function record(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: "1.09", eventID: randomUUID(), eventTime: new Date(hour + ++second * 1000).toISOString(), eventName: "PutObject",
    eventSource: "s3.amazonaws.com", awsRegion: "us-east-1", recipientAccountId: account, sourceIPAddress: "203.0.113.9", userAgent: "aws-cli/2",
    userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${account}:user/bob`, userName: "bob", accountId: account, accessKeyId: "AKIABOB0000000000001" },
    ...extra,
  };
}
const row = (r: Record<string, unknown>): TEventRow => {
  const n = normalizeRecord(r, "file");
  if (!n.ok) throw new Error(n.error);
  return n.row;
};

async function hourCounts(): Promise<{ counted: number; stored: number }> {
  const { rows } = await bulkPool().query<{ counted: string | null; stored: string }>(
    `SELECT (SELECT events FROM cloudtrail_event_hours WHERE hour = $1::timestamp)::text AS counted,
       (SELECT count(*) FROM cloudtrail_events WHERE event_time >= $1::timestamp AND event_time < $1::timestamp + interval '1 hour')::text AS stored`,
    [new Date(hour).toISOString().replace("T", " ").replace("Z", "")],
  );
  return { counted: Number(rows[0]?.counted ?? 0), stored: Number(rows[0]?.stored) };
}

describe("storeEvents", () => {
  it("stores text with tabs, newlines, backslashes, quotes and braces unchanged (and drops NUL from the raw record)", async () => {
    const tricky = 'a\tb\nc\r\\d "e" {f,g} ｈ 日本';
    const input = record({
      userAgent: tricky, errorCode: "Client\\Error", errorMessage: tricky, sourceIPAddress: "not\tan ip",
      requestParameters: { bucketName: 'bu\\ck"et,{x}', note: "nul\u0000here", path: "C:\\temp\\x" },
    });
    const stored = row(input);
    expect(await storeEvents(bulkPool(), [stored])).toBe(1);
    const { rows } = await bulkPool().query<{ user_agent: string; error_code: string; error_message: string; source_address: string; source_ip: string | null; resources: string[]; raw: Record<string, unknown> }>(
      "SELECT user_agent, error_code, error_message, source_address, source_ip::text, resources, raw FROM cloudtrail_events WHERE event_id = $1::uuid",
      [stored.eventId],
    );
    expect(rows[0]).toMatchObject({ user_agent: tricky, error_code: "Client\\Error", error_message: tricky, source_address: "not\tan ip", source_ip: null });
    expect(rows[0]!.resources.sort()).toEqual(['arn:aws:s3:::bu\\ck"et,{x}', 'bu\\ck"et,{x}'].sort());
    expect(rows[0]!.raw).toEqual({ ...input, requestParameters: { bucketName: 'bu\\ck"et,{x}', note: "nulhere", path: "C:\\temp\\x" } });
  });

  it("stores an event once within a batch, across batches and across files, and keeps the hourly count exact", async () => {
    const a = row(record());
    const b = row(record());
    const c = row(record());
    expect(await storeEvents(bulkPool(), [a, b, a])).toBe(2);
    expect(await storeEvents(bulkPool(), [b, c])).toBe(1);
    const afterStore = await hourCounts();
    expect(afterStore.counted).toBe(afterStore.stored);

    // two files sharing an event, imported together (the same event may land in one batch or two)
    const shared = record();
    const files = [[shared, record(), record()], [record(), shared]].map((records, n) => ({ name: `f${n}.json.gz`, read: async () => gzipSync(JSON.stringify({ Records: records })) }));
    const summary = await importTrailFiles(files, { concurrency: 2 });
    expect(summary).toMatchObject({ records: 5, inserted: 4, duplicates: 1, failedFiles: 0 });
    // one batch: the shared event counts as new for the first file that holds it
    expect(summary.files.map((f) => [f.file, f.inserted, f.duplicates])).toEqual([["f0.json.gz", 3, 0], ["f1.json.gz", 1, 1]]);
    const again = await importTrailFiles(files, { concurrency: 2 });
    expect(again).toMatchObject({ records: 5, inserted: 0, duplicates: 5 });
    const end = await hourCounts();
    expect(end.counted).toBe(end.stored);
    expect(end.stored - afterStore.stored).toBe(4);
  });
});

describe("importTrailFiles", () => {
  it("batches many small files and reports a database failure with each file that had rows in the batch", async () => {
    const small = Array.from({ length: 30 }, (_, n) => ({ name: `small-${n}.json`, read: async () => Buffer.from(JSON.stringify({ Records: [record(), record()] })) }));
    const summary = await importTrailFiles(small);
    expect(summary).toMatchObject({ records: 60, inserted: 60, duplicates: 0, failedFiles: 0 });
    expect(summary.files.every((f) => f.ok && f.inserted === 2)).toBe(true);

    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = "/kanshi_no_such_database";
    const broken = new pg.Pool({ connectionString: url.toString(), max: 1 });
    try {
      const failed = await importTrailFiles([
        { name: "rows.json", read: async () => Buffer.from(JSON.stringify({ Records: [record()] })) },
        { name: "only-invalid.json", read: async () => Buffer.from(JSON.stringify({ Records: [{ eventID: "x" }] })) },
      ], { pool: broken });
      expect(failed.files.map((f) => [f.file, f.ok])).toEqual([["rows.json", false], ["only-invalid.json", true]]);
      expect(failed.files[0]!.error).toMatch(/kanshi_no_such_database/);
      expect(failed).toMatchObject({ inserted: 0, invalid: 1, failedFiles: 1 });
    } finally {
      await broken.end();
    }
  });
});
