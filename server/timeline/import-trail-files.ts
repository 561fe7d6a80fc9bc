import "server-only";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type pg from "pg";
import { bulkPool } from "@/server/db-pool";
import { normalizeRecord, type TEventRow } from "./normalize-record";
import { storeEventsBySource } from "./store-events";
import type { TTrailFileResult, TTrailImportSummary } from "./timeline.types";

// Import of CloudTrail trail files as S3 delivers them (an organization trail's
// AWSLogs/<org>/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz): gzip or plain JSON {"Records":[…]}.
// Every record is validated on its own; a file that cannot be read at all is reported by name and the
// others still import. Events already stored (same event id and time) are counted as duplicates.

const gunzip = promisify(zlib.gunzip);
/** A delivered trail file is a few MB at most; this bounds what one upload can make us hold in memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const BATCH = 5000;
/** Batches written at once: two keep both cores of a small machine busy with the parsing in between. */
const WRITERS = 2;
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

type TPending = { result: TTrailFileResult; rows: number; decoded: boolean; failed: boolean };

/**
 * Imports trail files; `onFile` reports each file as it finishes. Files are read and validated a few at a
 * time (`concurrency`) while their rows are written in batches of up to BATCH rows that span files (a
 * delivered trail file often holds a few dozen records: one transaction each would cost more than the rows),
 * by up to WRITERS transactions at once, so parsing overlaps the database's work. A batch's failure fails
 * the files it held rows of (reported with the database's message, their counts saying what was stored);
 * the others still import.
 */
export async function importTrailFiles(
  sources: TTrailSource[],
  options: { pool?: pg.Pool; concurrency?: number; onFile?: (result: TTrailFileResult) => void } = {},
): Promise<TTrailImportSummary> {
  const started = performance.now();
  const pool = options.pool ?? bulkPool();
  const files: TTrailFileResult[] = new Array(sources.length);
  const pending = new Map<number, TPending>();
  const finish = (i: number) => {
    const p = pending.get(i);
    if (!p || !p.decoded || p.rows > 0) return;
    pending.delete(i);
    files[i] = p.failed ? { ...p.result, ok: false } : p.result;
    options.onFile?.(files[i]);
  };

  let batch: TEventRow[] = [];
  let batchSources: number[] = [];
  const writing = new Set<Promise<void>>();
  const write = (rows: TEventRow[], rowSources: number[]) => {
    const task = (async () => {
      const counts = new Map<number, number>();
      for (const source of rowSources) counts.set(source, (counts.get(source) ?? 0) + 1);
      try {
        const inserted = await storeEventsBySource(pool, rows, rowSources);
        for (const [i, n] of counts) {
          const p = pending.get(i) as TPending;
          const isNew = inserted.get(i) ?? 0;
          p.result.inserted += isNew;
          p.result.duplicates += n - isNew;
        }
      } catch (e) {
        // a database error: reported with each file of the batch
        for (const i of counts.keys()) {
          const p = pending.get(i) as TPending;
          p.failed = true;
          p.result.error ??= e instanceof Error ? e.message : String(e);
        }
      }
      for (const [i, n] of counts) {
        (pending.get(i) as TPending).rows -= n;
        finish(i);
      }
    })();
    writing.add(task);
    void task.finally(() => writing.delete(task));
  };
  const flush = async () => {
    while (writing.size >= WRITERS) await Promise.race(writing);
    if (batch.length) write(batch, batchSources);
    batch = [];
    batchSources = [];
  };

  let next = 0;
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 3, sources.length) }, async () => {
    while (next < sources.length) {
      const i = next++;
      const source = sources[i] as TTrailSource;
      const result: TTrailFileResult = { file: source.name, ok: true, records: 0, inserted: 0, duplicates: 0, invalid: 0, invalidSamples: [] };
      const p: TPending = { result, rows: 0, decoded: false, failed: false };
      pending.set(i, p);
      let records: unknown[];
      try {
        records = await decode(source);
      } catch (e) {
        p.result = { ...result, ok: false, error: e instanceof Error ? e.message : String(e) };
        p.decoded = true;
        finish(i);
        continue;
      }
      result.records = records.length;
      for (let n = 0; n < records.length; n++) {
        const normalized = normalizeRecord(records[n], "file");
        if (normalized.ok) {
          batch.push(normalized.row);
          batchSources.push(i);
          p.rows++;
        } else {
          result.invalid++;
          if (result.invalidSamples.length < SAMPLES) result.invalidSamples.push(`Records[${n}]: ${normalized.error}`);
        }
        if (batch.length >= BATCH) await flush();
      }
      p.decoded = true;
      finish(i);
    }
  }));
  await flush();
  while (writing.size) await Promise.race(writing);

  const sum = (key: "records" | "inserted" | "duplicates" | "invalid") => files.reduce((total, f) => total + f[key], 0);
  const durationMs = Math.round(performance.now() - started);
  const records = sum("records");
  return {
    files, records, inserted: sum("inserted"), duplicates: sum("duplicates"), invalid: sum("invalid"),
    failedFiles: files.filter((f) => !f.ok).length, durationMs, eventsPerSecond: durationMs > 0 ? Math.round((records * 1000) / durationMs) : records,
  };
}
