import "server-only";
import { readPool } from "@/server/db-pool";
import type { TOutboxStatus } from "./outbox.schema";

/** For the console's write-back status line: the outbox by state, its oldest pending item, its last error. */
export async function outboxStatus(): Promise<TOutboxStatus> {
  const pool = readPool();
  const [counts, findings, last] = await Promise.all([
    pool.query<Omit<TOutboxStatus, "findingsPending" | "findingsFailed" | "lastError">>(
      `SELECT count(*) FILTER (WHERE state = 'PENDING')::int AS pending,
         count(*) FILTER (WHERE state = 'PENDING' AND "nextAttemptAt" <= localtimestamp)::int AS due,
         count(*) FILTER (WHERE state = 'FAILED')::int AS failed,
         count(*) FILTER (WHERE state = 'DONE')::int AS done,
         round(EXTRACT(EPOCH FROM localtimestamp - min("createdAt") FILTER (WHERE state = 'PENDING')))::int AS "oldestPendingSeconds"
       FROM outbox_items`,
    ),
    pool.query<{ findingsPending: number; findingsFailed: number }>(
      `SELECT count(*) FILTER (WHERE "writeBack" = 'PENDING')::int AS "findingsPending", count(*) FILTER (WHERE "writeBack" = 'FAILED')::int AS "findingsFailed"
       FROM findings WHERE "writeBack" IN ('PENDING', 'FAILED')`,
    ),
    // Items get nextAttemptAt = failure time + backoff: the latest is (about) the last failure.
    pool.query<{ message: string; findingId: string; state: "PENDING" | "FAILED" }>(
      `SELECT "lastError" AS message, "findingId", state::text AS state FROM outbox_items
       WHERE state IN ('PENDING', 'FAILED') AND "lastError" IS NOT NULL ORDER BY "nextAttemptAt" DESC, id DESC LIMIT 1`,
    ),
  ]);
  return { ...counts.rows[0]!, ...findings.rows[0]!, lastError: last.rows[0] ?? null };
}
