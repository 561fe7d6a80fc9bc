import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { TEventRow } from "./normalize-record";
import { ensureMonthPartitions, monthOf } from "./partitions";

// Bulk insert of normalized events: COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING
// into the partitioned table, so an event read twice (overlap, resumed backfill, trail file and
// LookupEvents) is stored once. Two statements per batch whatever its size.

const COLUMNS: [keyof TEventRow, string, string][] = [
  ["eventId", "event_id", "uuid"], ["eventTime", "event_time", "timestamp(3)"], ["eventName", "event_name", "text"],
  ["eventSource", "event_source", "text"], ["accountId", "account_id", "varchar(12)"], ["region", "region", "text"],
  ["principalArn", "principal_arn", "text"], ["principalType", "principal_type", "text"], ["userName", "user_name", "text"],
  ["accessKeyId", "access_key_id", "text"], ["sourceAddress", "source_address", "text"], ["sourceIp", "source_ip", "inet"],
  ["userAgent", "user_agent", "text"], ["readOnly", "read_only", "boolean"], ["errorCode", "error_code", "text"],
  ["errorMessage", "error_message", "text"], ["resources", "resources", "text[]"], ["raw", "raw", "jsonb"], ["origin", "origin", "text"],
];
const NAMES = COLUMNS.map(([, column]) => column).join(", ");
const CREATE_INPUT = `CREATE TEMP TABLE IF NOT EXISTS cloudtrail_input (${COLUMNS.map(([, c, t]) => `${c} ${t}`).join(", ")}) ON COMMIT DELETE ROWS`;
const COPY_INPUT = `COPY cloudtrail_input (${NAMES}) FROM STDIN`;
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

const escapeCopy = (text: string) => (/[\\\n\r\t]/.test(text) ? text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") : text);

function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeCopy(`{${value.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`);
  return escapeCopy(String(value));
}

/**
 * Inserts rows (duplicates ignored) in one transaction; `alsoInTransaction` runs in the same transaction
 * (progress, cursors), so progress never gets ahead of what is stored. Returns how many rows were new.
 */
export async function storeEvents(pool: pg.Pool, rows: TEventRow[], alsoInTransaction?: (client: pg.PoolClient, inserted: number) => Promise<void>): Promise<number> {
  if (rows.length) await ensureMonthPartitions(pool, rows.map((r) => monthOf(r.eventTime)));
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    let inserted = 0;
    if (rows.length) {
      // a lost batch is read again on the next run: no need to wait for the WAL flush
      await client.query("SET LOCAL synchronous_commit TO OFF");
      await client.query(CREATE_INPUT);
      const lines = rows.map((row) => COLUMNS.map(([key]) => copyText(row[key])).join("\t"));
      await pipeline(Readable.from([lines.join("\n") + "\n"]), client.query(copyFrom(COPY_INPUT)));
      inserted = (await client.query<{ inserted: number }>(INSERT)).rows[0]?.inserted ?? 0;
    }
    await alsoInTransaction?.(client, inserted);
    await client.query("COMMIT");
    return inserted;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
