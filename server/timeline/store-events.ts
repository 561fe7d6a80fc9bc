import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { TEventRow } from "./normalize-record";
import { ensureMonthPartitions, monthOf } from "./partitions";

// Bulk insert of normalized events: COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING
// into the partitioned table, so an event read twice (overlap, resumed backfill, trail file and
// LookupEvents) is stored once. Four round trips per batch whatever its size (BEGIN, COPY, INSERT, COMMIT).

const COLUMNS: [keyof TEventRow, string, string][] = [
  ["eventId", "event_id", "uuid"], ["eventTime", "event_time", "timestamp(3)"], ["eventName", "event_name", "text"],
  ["eventSource", "event_source", "text"], ["accountId", "account_id", "varchar(12)"], ["region", "region", "text"],
  ["principalArn", "principal_arn", "text"], ["principalType", "principal_type", "text"], ["userName", "user_name", "text"],
  ["accessKeyId", "access_key_id", "text"], ["sourceAddress", "source_address", "text"], ["sourceIp", "source_ip", "inet"],
  ["userAgent", "user_agent", "text"], ["readOnly", "read_only", "boolean"], ["errorCode", "error_code", "text"],
  ["errorMessage", "error_message", "text"], ["resources", "resources", "text[]"], ["raw", "raw", "jsonb"], ["origin", "origin", "text"],
];
const NAMES = COLUMNS.map(([, column]) => column).join(", ");
// source: which of the caller's sources (trail files) a row came from, to tell each how many of its rows were new
const CREATE_INPUT = `CREATE TEMP TABLE IF NOT EXISTS cloudtrail_input (${COLUMNS.map(([, c, t]) => `${c} ${t}`).join(", ")}, source INTEGER) ON COMMIT DELETE ROWS`;
const COPY_INPUT = `COPY cloudtrail_input (${NAMES}, source) FROM STDIN`;
// The hourly counts move with the rows actually inserted, in hour order (concurrent batches lock the same
// hours in the same order: no deadlock).
const INSERT = `WITH inserted AS (
    INSERT INTO cloudtrail_events (${NAMES}) SELECT ${NAMES} FROM cloudtrail_input ON CONFLICT (event_id, event_time) DO NOTHING RETURNING event_time
  ), hours AS (
    INSERT INTO cloudtrail_event_hours (hour, events)
    SELECT date_trunc('hour', event_time), count(*) FROM inserted GROUP BY 1 ORDER BY 1
    ON CONFLICT (hour) DO UPDATE SET events = cloudtrail_event_hours.events + EXCLUDED.events
  )
  SELECT count(*)::int AS inserted FROM inserted`;
// The same, counted per source. An event present twice in the input is inserted once and counted for the
// first source that holds it.
const INSERT_BY_SOURCE = `WITH inserted AS (
    INSERT INTO cloudtrail_events (${NAMES}) SELECT ${NAMES} FROM cloudtrail_input ON CONFLICT (event_id, event_time) DO NOTHING RETURNING event_id, event_time
  ), hours AS (
    INSERT INTO cloudtrail_event_hours (hour, events)
    SELECT date_trunc('hour', event_time), count(*) FROM inserted GROUP BY 1 ORDER BY 1
    ON CONFLICT (hour) DO UPDATE SET events = cloudtrail_event_hours.events + EXCLUDED.events
  )
  SELECT s.source, count(*)::int AS inserted FROM inserted
  JOIN (SELECT DISTINCT ON (event_id, event_time) event_id, event_time, source FROM cloudtrail_input ORDER BY event_id, event_time, source) s USING (event_id, event_time)
  GROUP BY s.source`;

// COPY text format: backslash, newline, carriage return and tab must be escaped, NULL is \N.
const escapeCopy = (text: string) => (/[\\\n\r\t]/.test(text) ? text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") : text);
const copyText = (value: string | null) => (value === null ? "\\N" : escapeCopy(value));
// A JSON text holds no raw newline, carriage return or tab (JSON.stringify escapes them): only backslashes.
const copyJson = (json: string) => (json.includes("\\") ? json.replace(/\\/g, "\\\\") : json);
const copyArray = (values: string[]) => (values.length ? escapeCopy(`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`) : "{}");

/** One row as a COPY text line, in COLUMNS order then the source (event id, time, account id and booleans need no escaping). */
function copyLine(r: TEventRow, source: number | undefined): string {
  return `${r.eventId}\t${r.eventTime.toISOString()}\t${escapeCopy(r.eventName)}\t${escapeCopy(r.eventSource)}\t${r.accountId}\t${escapeCopy(r.region)}\t`
    + `${copyText(r.principalArn)}\t${copyText(r.principalType)}\t${copyText(r.userName)}\t${copyText(r.accessKeyId)}\t${copyText(r.sourceAddress)}\t${copyText(r.sourceIp)}\t`
    + `${copyText(r.userAgent)}\t${r.readOnly === null ? "\\N" : r.readOnly ? "t" : "f"}\t${copyText(r.errorCode)}\t${copyText(r.errorMessage)}\t`
    + `${copyArray(r.resources)}\t${copyJson(r.raw)}\t${r.origin}\t${source ?? "\\N"}\n`;
}

type TTimer = <T>(label: string, run: () => Promise<T>) => Promise<T>;
const untimed: TTimer = (_label, run) => run();
// Connections whose session already holds the temporary input table (pooled clients are reused objects).
const prepared = new WeakSet<pg.ClientBase>();

/**
 * The statements of one batch, inside the caller's open transaction: COPY, then the INSERT. Returns the
 * number of new rows, per source when `sources` (rows[i] came from sources[i]) is given. Exported for
 * scripts/bench-timeline-profile.mts, which times them.
 */
export async function profileStatements(client: pg.PoolClient, rows: TEventRow[], timed: TTimer = untimed, sources?: ArrayLike<number>): Promise<{ inserted: number; bySource: Map<number, number> }> {
  // created once per session (storeEvents marks the connection after its first commit: a rolled-back
  // transaction takes a table it created with it)
  if (!prepared.has(client)) await timed("setup", () => client.query(CREATE_INPUT));
  let text = "";
  for (let i = 0; i < rows.length; i++) text += copyLine(rows[i] as TEventRow, sources?.[i]);
  await timed("copy", () => pipeline(Readable.from([text]), client.query(copyFrom(COPY_INPUT))));
  const bySource = new Map<number, number>();
  if (!sources) return { inserted: await timed("insert", async () => (await client.query<{ inserted: number }>(INSERT)).rows[0]?.inserted ?? 0), bySource };
  const counted = await timed("insert", async () => (await client.query<{ source: number; inserted: number }>(INSERT_BY_SOURCE)).rows);
  let inserted = 0;
  for (const r of counted) {
    bySource.set(r.source, r.inserted);
    inserted += r.inserted;
  }
  return { inserted, bySource };
}

/** The months of the rows' times (one date formatting per distinct day, not per row). */
function monthsOf(rows: TEventRow[]): string[] {
  const days = new Set<number>();
  for (const r of rows) days.add(Math.floor(r.eventTime.getTime() / 86_400_000));
  return [...new Set([...days].map((day) => monthOf(day * 86_400_000)))];
}

/**
 * Runs `work` in a transaction, again (up to 3 times) after a deadlock: two batches written at once that
 * share events (overlapping trail files) may take their row locks in opposite orders.
 */
async function inTransaction<T>(pool: pg.Pool, rows: TEventRow[], work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  if (rows.length) await ensureMonthPartitions(pool, monthsOf(rows));
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptTransaction(pool, rows, work);
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

async function attemptTransaction<T>(pool: pg.Pool, rows: TEventRow[], work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    // one round trip: a lost batch is read again on the next run (dedup makes that safe), so the commit
    // need not wait for the WAL flush (a crash may lose the last fraction of a second of batches)
    await client.query("BEGIN; SET LOCAL synchronous_commit TO OFF");
    const result = await work(client);
    await client.query("COMMIT");
    if (rows.length) prepared.add(client);
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Inserts rows from several sources (rows[i] came from sources[i], e.g. trail files batched together) in
 * one transaction, duplicates ignored. Returns how many rows of each source were new (sources with none are absent).
 */
export async function storeEventsBySource(pool: pg.Pool, rows: TEventRow[], sources: ArrayLike<number>): Promise<Map<number, number>> {
  if (rows.length !== sources.length) throw new Error("storeEventsBySource: one source per row");
  if (!rows.length) return new Map();
  return inTransaction(pool, rows, async (client) => (await profileStatements(client, rows, untimed, sources)).bySource);
}

/**
 * Inserts rows (duplicates ignored) in one transaction; `alsoInTransaction` runs in the same transaction
 * (progress, cursors), so progress never gets ahead of what is stored. Returns how many rows were new.
 */
export async function storeEvents(pool: pg.Pool, rows: TEventRow[], alsoInTransaction?: (client: pg.PoolClient, inserted: number) => Promise<void>): Promise<number> {
  return inTransaction(pool, rows, async (client) => {
    const inserted = rows.length ? (await profileStatements(client, rows)).inserted : 0;
    await alsoInTransaction?.(client, inserted);
    return inserted;
  });
}
