import "server-only";
import type { PoolClient } from "pg";
import { readPool } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import type { TFindingFilter, TPaging } from "./filters";
import type { TFindingListItem } from "./findings.types";
import { checkReview, toListItem } from "./list-findings";
import { filterSql, keysetSql, LIST_FROM, listColumnsSql, SqlParams } from "./query-sql";

export type TExportFormat = "csv" | "json";

export type TExportOptions = {
  filter: TFindingFilter;
  sort: Pick<TPaging, "sort" | "dir">;
  format: TExportFormat;
  userId: string;
  now?: Date;
  /** aborts the export (the client went away): the cursor's transaction ends and the connection returns to the pool */
  signal?: AbortSignal;
  /** rows per FETCH */
  batchSize?: number;
};

export type TExport = { stream: ReadableStream<Uint8Array>; contentType: string; fileName: string };

/** CSV columns: header and value of a list item. */
const CSV_COLUMNS: [string, (f: TFindingListItem) => string | null][] = [
  ["id", (f) => f.id],
  ["externalId", (f) => f.externalId],
  ["severity", (f) => f.severity],
  ["workflowStatus", (f) => f.workflowStatus],
  ["recordState", (f) => f.recordState],
  ["title", (f) => f.title],
  ["accountId", (f) => f.awsAccountId],
  ["accountName", (f) => f.accountName],
  ["region", (f) => f.region],
  ["resourceType", (f) => f.resourceType],
  ["resourceId", (f) => f.resourceId],
  ["controlId", (f) => f.controlId],
  ["product", (f) => f.productName],
  ["ownerEmail", (f) => f.owner?.email ?? null],
  ["dueAt", (f) => f.dueAt],
  ["sla", (f) => f.sla],
  ["firstObservedAt", (f) => f.firstObservedAt],
  ["lastObservedAt", (f) => f.lastObservedAt],
  ["suppressedUntil", (f) => f.suppressedUntil],
  ["writeBack", (f) => f.writeBack],
];

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return) gets a leading apostrophe: finding titles and resource ids come from AWS accounts
 * that an attacker may control.
 */
export function csvCell(value: string | null): string {
  if (value === null || value === "") return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const CRLF = "\r\n";
export const CSV_HEADER = CSV_COLUMNS.map(([name]) => name).join(",") + CRLF;
export const csvRow = (f: TFindingListItem) => CSV_COLUMNS.map(([, value]) => csvCell(value(f))).join(",") + CRLF;

/** Every finding of the filter as a stream of text chunks, one per FETCH. */
type TFormatter = { head: string; rows: (items: TFindingListItem[], first: boolean) => string; tail: string };

const FORMATS: Record<TExportFormat, TFormatter & { contentType: string }> = {
  // A byte order mark: Excel opens UTF-8 CSV (Japanese titles, names) correctly only with one.
  csv: { contentType: "text/csv; charset=utf-8", head: `\uFEFF${CSV_HEADER}`, rows: (items) => items.map(csvRow).join(""), tail: "" },
  json: {
    contentType: "application/json; charset=utf-8",
    head: "[",
    rows: (items, first) => items.map((item, i) => `${first && i === 0 ? "\n" : ",\n"}${JSON.stringify(item)}`).join(""),
    tail: "\n]\n",
  },
};

/** `format`: csv (the default) or json. */
export function parseExportFormat(value: string | null): TExportFormat {
  if (value === null || value === "" || value === "csv") return "csv";
  if (value === "json") return "json";
  throw new AppError("BAD_REQUEST", `Unknown format "${value.slice(0, 40)}": use csv or json.`);
}

export function exportFileName(format: TExportFormat, now: Date): string {
  return `kanshi-findings-${now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * Exports every finding matching the filter, in the list's sort order, as CSV or a JSON array of
 * list items. Rows are read through a server-side cursor in a read-only snapshot and FETCHed 1,000 at a
 * time as the client reads (pull-based), so memory stays flat whatever the size. The first batch is
 * read before this returns, so a failing query is an error response, not a broken download.
 */
export async function exportFindings(options: TExportOptions): Promise<TExport> {
  await checkReview(options.filter);
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1_000;
  const format = FORMATS[options.format];
  const p = new SqlParams();
  const where = filterSql(options.filter, p, { userId: options.userId, now });
  const { orderBy } = keysetSql({ ...options.sort, limit: 1 }, p);
  const nowParam = p.add(now, "::timestamp");
  const sql = `SELECT ${listColumnsSql(nowParam)} FROM ${LIST_FROM} WHERE ${where} ORDER BY ${orderBy}`;

  const client = await readPool().connect();
  let released = false;
  // A checked-out client has no error listener of the pool's: a dropped connection (e.g. the idle
  // timeout below) must not crash the process.
  const onClientError = (error: Error) => console.error("[export] connection lost:", error.message);
  client.on("error", onClientError);
  const release = async (ok: boolean) => {
    if (released) return;
    released = true;
    options.signal?.removeEventListener("abort", onAbort);
    const ended = await client.query(ok ? "COMMIT" : "ROLLBACK").then(() => true, () => false);
    client.removeListener("error", onClientError);
    // A connection whose transaction could not be ended is destroyed rather than reused.
    client.release(ended ? undefined : true);
  };
  const onAbort = () => void release(false);

  let first: TFindingListItem[];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A client that stops reading must not hold a connection and a snapshot for ever.
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '10min'");
    await client.query(`DECLARE findings_export NO SCROLL CURSOR FOR ${sql}`, p.values);
    first = await fetchBatch(client, batchSize);
  } catch (error) {
    await release(false);
    throw error;
  }
  if (options.signal?.aborted) await release(false);
  else options.signal?.addEventListener("abort", onAbort, { once: true });

  const encoder = new TextEncoder();
  let pending: TFindingListItem[] | null = first;
  let isFirst = true;
  let done = first.length < batchSize;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(format.head));
      },
      async pull(controller) {
        try {
          if (released) throw new Error("export cancelled");
          const items = pending ?? (await fetchBatch(client, batchSize));
          pending = null;
          if (items.length < batchSize) done = true;
          if (items.length) controller.enqueue(encoder.encode(format.rows(items, isFirst)));
          isFirst = false;
          if (done) {
            await release(true);
            controller.enqueue(encoder.encode(format.tail));
            controller.close();
          }
        } catch (error) {
          await release(false);
          controller.error(error);
        }
      },
      async cancel() {
        await release(false);
      },
    },
    // One batch ahead at most: the database is read only as fast as the client downloads.
    { highWaterMark: 1 },
  );
  return { stream, contentType: format.contentType, fileName: exportFileName(options.format, now) };
}

async function fetchBatch(client: PoolClient, size: number): Promise<TFindingListItem[]> {
  const { rows } = await client.query(`FETCH ${size} FROM findings_export`);
  return rows.map(toListItem);
}
