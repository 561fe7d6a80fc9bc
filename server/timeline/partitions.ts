import "server-only";
import type pg from "pg";

// Monthly partitions of cloudtrail_events (see the migration for why there is no default partition).
// Created ahead of time by the retention job and on demand before an insert touches a new month.

const known = new WeakMap<pg.Pool, Set<string>>();

/** "2026-11" → the partition's table name and bounds (UTC months). */
export function monthPartition(month: string): { table: string; from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { table: `cloudtrail_events_p${y}_${String(m).padStart(2, "0")}`, from: `${month}-01`, to: `${next}-01` };
}

export function monthOf(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** Months from `from` to `to` inclusive, as "YYYY-MM". */
export function monthsBetween(from: Date | number, to: Date | number): string[] {
  const out: string[] = [];
  const d = new Date(from);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  const end = monthOf(to);
  for (;;) {
    const month = `${y}-${String(m + 1).padStart(2, "0")}`;
    if (month > end) return out;
    out.push(month);
    if (++m === 12) [y, m] = [y + 1, 0];
  }
}

/** Creates the missing monthly partitions (serialized across processes by an advisory lock). */
export async function ensureMonthPartitions(pool: pg.Pool, months: Iterable<string>): Promise<void> {
  let cache = known.get(pool);
  if (!cache) known.set(pool, (cache = new Set()));
  const missing = [...new Set(months)].filter((m) => !cache.has(m) && /^\d{4}-\d{2}$/.test(m)).sort();
  if (missing.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('cloudtrail_events_partitions'))");
    for (const month of missing) {
      const p = monthPartition(month);
      await client.query(`CREATE TABLE IF NOT EXISTS ${p.table} PARTITION OF cloudtrail_events FOR VALUES FROM ('${p.from}') TO ('${p.to}')`);
    }
    await client.query("COMMIT");
    for (const month of missing) cache.add(month);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Forgets cached partitions (after the retention job dropped some). */
export function forgetPartitions(pool: pg.Pool, months: string[]): void {
  const cache = known.get(pool);
  for (const m of months) cache?.delete(m);
}

/** Existing partitions: month and table name, oldest first. */
export async function listPartitions(pool: pg.Pool): Promise<{ month: string; table: string }[]> {
  const { rows } = await pool.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = 'cloudtrail_events' ORDER BY c.relname`,
  );
  return rows.flatMap((r) => {
    const m = /^cloudtrail_events_p(\d{4})_(\d{2})$/.exec(r.table);
    return m ? [{ month: `${m[1]}-${m[2]}`, table: r.table }] : [];
  });
}
