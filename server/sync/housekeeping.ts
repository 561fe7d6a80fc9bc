import "server-only";
import { db } from "@/server/db";

/** A run still RUNNING after this long belongs to a process that died (jobs expire after 2 hours). */
export const STALE_RUN_MS = 2 * 3600_000;

/**
 * Marks runs left RUNNING by a process that died as FAILED, and deletes run records and sent
 * write-back items older than the retention (a finding's history and the audit log keep what was
 * decided). Called when a worker starts and after each sync.
 */
export async function syncHousekeeping(options: { retentionDays: number; now?: Date }): Promise<{ interrupted: number; deleted: number; outboxDeleted: number }> {
  const now = options.now ?? new Date();
  const interrupted = await db.syncRun.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_RUN_MS) } },
    data: { status: "FAILED", finishedAt: now, error: "Interrupted: the process running this sync stopped before it finished. The next sync resumes from the last committed position." },
  });
  const before = new Date(now.getTime() - options.retentionDays * 24 * 3600_000);
  const deleted = await db.syncRun.deleteMany({ where: { startedAt: { lt: before } } });
  const outbox = await db.outboxItem.deleteMany({ where: { state: "DONE", sentAt: { lt: before } } });
  return { interrupted: interrupted.count, deleted: deleted.count, outboxDeleted: outbox.count };
}
