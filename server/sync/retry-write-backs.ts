import "server-only";
import { withBulkTransaction } from "@/server/db-pool";
import { refreshWriteBack } from "./outbox-record";
import { supersedeFailed } from "./outbox-supersede";

/**
 * Puts FAILED outbox items back in the queue (attempts 0, due now) — all of them, or those of the
 * given findings — and marks their findings PENDING. Items a later written change covers are settled
 * instead, so a retry never overwrites a newer value. Returns how many items were requeued.
 */
export async function retryFailedWriteBacks(filter: { findingIds?: string[] } = {}): Promise<number> {
  const findingIds = filter.findingIds ?? null;
  return withBulkTransaction(async (client) => {
    await supersedeFailed(client, findingIds);
    const { rows } = await client.query<{ findingId: string }>(
      `UPDATE outbox_items SET state = 'PENDING', attempts = 0, "nextAttemptAt" = localtimestamp
       WHERE state = 'FAILED' AND ($1::text[] IS NULL OR "findingId" = ANY($1::text[]))
       RETURNING "findingId"`,
      [findingIds],
    );
    await refreshWriteBack(client, [...new Set(rows.map((r) => r.findingId))].sort());
    return rows.length;
  });
}
