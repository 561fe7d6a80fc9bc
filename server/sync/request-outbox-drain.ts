import "server-only";
import { enqueueOutboxDrain } from "./sync-queue";

/**
 * Asks the worker to drain the outbox now, after a triage change committed. Never fails the caller:
 * when the queue cannot be reached the error is logged and the every-minute drain sends the items.
 */
export async function requestOutboxDrain(): Promise<void> {
  try {
    await enqueueOutboxDrain();
  } catch (error) {
    console.error("[outbox] could not request a drain; the scheduled drain will send the items:", error instanceof Error ? error.message : error);
  }
}
