import "server-only";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type pg from "pg";
import { bulkPool } from "@/server/db-pool";
import { normalizeRecord, type TEventRow } from "./normalize-record";
import { storeEvents } from "./store-events";
import type { TTrailFileResult, TTrailImportSummary } from "./timeline.types";

// Import of CloudTrail trail files as S3 delivers them (an organization trail's
// AWSLogs/<org>/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz): gzip or plain JSON {"Records":[…]}.
// Every record is validated on its own; a file that cannot be read at all is reported by name and the
// others still import. Events already stored (same event id and time) are counted as duplicates.

const gunzip = promisify(zlib.gunzip);
/** A delivered trail file is a few MB at most; this bounds what one upload can make us hold in memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const BATCH = 5000;
const SAMPLES = 5;

export type TTrailSource = { name: string; read: () => Promise<Buffer> };

async function decode(source: TTrailSource): Promise<unknown[]> {
  const bytes = await source.read();
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b
    ? (await gunzip(bytes, { maxOutputLength: MAX_FILE_BYTES }).catch((e: Error) => { throw new Error(`not a valid gzip file (${e.message})`); })).toString("utf8")
    : bytes.toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  const records = (parsed as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(records)) throw new Error('no "Records" array: not a CloudTrail log file');
  return records;
}

async function importOne(source: TTrailSource, pool: pg.Pool): Promise<TTrailFileResult> {
  const result: TTrailFileResult = { file: source.name, ok: true, records: 0, inserted: 0, duplicates: 0, invalid: 0, invalidSamples: [] };
  let records: unknown[];
  try {
    records = await decode(source);
  } catch (e) {
    return { ...result, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  result.records = records.length;
  let batch: TEventRow[] = [];
  const flush = async () => {
    const inserted = await storeEvents(pool, batch);
    result.inserted += inserted;
    result.duplicates += batch.length - inserted;
    batch = [];
  };
  for (let n = 0; n < records.length; n++) {
    const normalized = normalizeRecord(records[n], "file");
    if (normalized.ok) batch.push(normalized.row);
    else {
      result.invalid++;
      if (result.invalidSamples.length < SAMPLES) result.invalidSamples.push(`Records[${n}]: ${normalized.error}`);
    }
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  return result;
}

/** Imports trail files, a few at a time; `onFile` reports each file as it finishes. */
export async function importTrailFiles(
  sources: TTrailSource[],
  options: { pool?: pg.Pool; concurrency?: number; onFile?: (result: TTrailFileResult) => void } = {},
): Promise<TTrailImportSummary> {
  const started = performance.now();
  const pool = options.pool ?? bulkPool();
  const files: TTrailFileResult[] = new Array(sources.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 3, sources.length) }, async () => {
    while (next < sources.length) {
      const i = next++;
      const source = sources[i] as TTrailSource;
      let result: TTrailFileResult;
      try {
        result = await importOne(source, pool);
      } catch (e) {
        // a database error on one file: report it with the file, keep going with the others
        result = { file: source.name, ok: false, error: e instanceof Error ? e.message : String(e), records: 0, inserted: 0, duplicates: 0, invalid: 0, invalidSamples: [] };
      }
      files[i] = result;
      options.onFile?.(result);
    }
  }));
  const sum = (key: "records" | "inserted" | "duplicates" | "invalid") => files.reduce((total, f) => total + f[key], 0);
  const durationMs = Math.round(performance.now() - started);
  const records = sum("records");
  return {
    files, records, inserted: sum("inserted"), duplicates: sum("duplicates"), invalid: sum("invalid"),
    failedFiles: files.filter((f) => !f.ok).length, durationMs, eventsPerSecond: durationMs > 0 ? Math.round((records * 1000) / durationMs) : records,
  };
}
