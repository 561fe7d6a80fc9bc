import "server-only";
import type { PoolClient } from "pg";
import type { TOutcome } from "./outbox-send";

// Writes what a send did to the outbox items and to their findings' write-back state.

export type TRetryPolicy = { maxAttempts: number; backoffSeconds: number };
export type TRecordCounts = { done: number; failed: number; retried: number };

/** At most an hour between two attempts of one item. */
export const MAX_BACKOFF_SECONDS = 3600;

const NOW = `COALESCE($1::timestamp, localtimestamp)`;

async function recordDone(client: PoolClient, done: TOutcome[], now: string | null): Promise<void> {
  if (done.length === 0) return;
  // sentAt only when AWS applied the change; a finding AWS no longer has is done with a note.
  await client.query(
    `UPDATE outbox_items o SET state = 'DONE', attempts = o.attempts + 1, "lastError" = u.note,
       "sentAt" = CASE WHEN u.note IS NULL THEN ${NOW} END
     FROM unnest($2::bigint[], $3::text[]) AS u(id, note) WHERE o.id = u.id`,
    [now, done.map((o) => o.id), done.map((o) => o.error)],
  );
}

/**
 * attempts+1; FAILED at the last attempt or on an error no retry can fix; otherwise due again after
 * base·2^(n−1) seconds (n = the attempt that failed), at most an hour.
 */
async function recordFailures(client: PoolClient, failures: TOutcome[], policy: TRetryPolicy, now: string | null): Promise<{ failed: number; retried: number }> {
  if (failures.length === 0) return { failed: 0, retried: 0 };
  const { rows } = await client.query<{ state: "PENDING" | "FAILED" }>(
    `UPDATE outbox_items o SET attempts = o.attempts + 1, "lastError" = u.error,
       state = (CASE WHEN u.permanent OR o.attempts + 1 >= $5 THEN 'FAILED' ELSE 'PENDING' END)::"OutboxState",
       "nextAttemptAt" = ${NOW} + make_interval(secs => LEAST($7, $6 * power(2, o.attempts)))
     FROM unnest($2::bigint[], $3::text[], $4::boolean[]) AS u(id, error, permanent) WHERE o.id = u.id
     RETURNING o.state`,
    [now, failures.map((o) => o.id), failures.map((o) => o.error), failures.map((o) => o.result === "failed"), policy.maxAttempts, policy.backoffSeconds, MAX_BACKOFF_SECONDS],
  );
  const failed = rows.filter((r) => r.state === "FAILED").length;
  return { failed, retried: rows.length - failed };
}

export async function recordOutcomes(client: PoolClient, outcomes: TOutcome[], policy: TRetryPolicy, now: Date | null): Promise<TRecordCounts> {
  const at = now?.toISOString() ?? null;
  const done = outcomes.filter((o) => o.result === "done");
  await recordDone(client, done, at);
  const { failed, retried } = await recordFailures(client, outcomes.filter((o) => o.result !== "done"), policy, at);
  return { done: done.length, failed, retried };
}

/**
 * A finding's write-back state from all its items: any FAILED → FAILED with that error; any PENDING →
 * PENDING, keeping the last error in sight while it retries; all DONE → SYNCED. Rows are locked in id
 * order, as triage locks them, so the two never deadlock.
 */
export async function refreshWriteBack(client: PoolClient, findingIds: string[]): Promise<void> {
  if (findingIds.length === 0) return;
  await client.query(
    `WITH locked AS (SELECT id FROM findings WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE),
     s AS (
       SELECT o."findingId" AS id,
         CASE WHEN bool_or(o.state = 'FAILED') THEN 'FAILED' WHEN bool_or(o.state = 'PENDING') THEN 'PENDING' ELSE 'SYNCED' END::"WriteBackState" AS state,
         CASE WHEN bool_or(o.state = 'FAILED') THEN (array_agg(o."lastError" ORDER BY o.id DESC) FILTER (WHERE o.state = 'FAILED'))[1]
              WHEN bool_or(o.state = 'PENDING') THEN (array_agg(o."lastError" ORDER BY o.id DESC) FILTER (WHERE o.state = 'PENDING' AND o."lastError" IS NOT NULL))[1]
         END AS error
       FROM outbox_items o JOIN locked l ON l.id = o."findingId" GROUP BY o."findingId"
     )
     UPDATE findings f SET "writeBack" = s.state, "writeBackError" = s.error FROM s
     WHERE f.id = s.id AND (f."writeBack" IS DISTINCT FROM s.state OR f."writeBackError" IS DISTINCT FROM s.error)`,
    [findingIds],
  );
}
