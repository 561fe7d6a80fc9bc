import "server-only";
import pg from "pg";

// A plain node-postgres pool for bulk writes with COPY, which Prisma cannot do. Same database as
// server/db.ts (the Prisma client, used for everything else).
const globalForPool = globalThis as unknown as { kanshiBulkPool?: pg.Pool };

export function bulkPool(): pg.Pool {
  globalForPool.kanshiBulkPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, application_name: "kanshi-bulk", options: "-c TimeZone=UTC" });
  return globalForPool.kanshiBulkPool;
}

// timestamp(3) columns hold UTC wall time: read them as UTC whatever the process's time zone.
const TIMESTAMP_OID = 1114;
function parseUtcTimestamp(text: string): Date | number {
  if (text === "infinity") return Infinity;
  if (text === "-infinity") return -Infinity;
  return new Date(`${text.replace(" ", "T")}Z`);
}
const readTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForReadPool = globalThis as unknown as { kanshiReadPool?: pg.Pool };

/** A pool for hand-written reads (lists, counts, exports): parameterized SQL, UTC timestamps. */
export function readPool(): pg.Pool {
  globalForReadPool.kanshiReadPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL, max: 10, application_name: "kanshi-read", options: "-c TimeZone=UTC", types: readTypes,
  });
  return globalForReadPool.kanshiReadPool;
}

// Deadlock and serialization failures: PostgreSQL rolled the transaction back, so it can run again.
const RETRYABLE = new Set(["40P01", "40001"]);

/** Runs `work` in a transaction on one pooled connection; retried up to 3 times after a deadlock. */
export async function withBulkTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTransaction(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

async function runTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await bulkPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function closeBulkPool(): Promise<void> {
  await globalForPool.kanshiBulkPool?.end();
  globalForPool.kanshiBulkPool = undefined;
  await globalForReadPool.kanshiReadPool?.end();
  globalForReadPool.kanshiReadPool = undefined;
}
