import "server-only";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export type TRunCounts = { fetched: number; inserted: number; updated: number; unchanged: number; skipped: number };
export type TTrigger = "schedule" | "manual" | "cli";

/** Records one sync run of one source and scope: started, progress, and how it ended. */
export class SyncRunLog {
  readonly counts: TRunCounts = { fetched: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0 };
  readonly skippedSamples: { id: string; error: string }[] = [];
  private started = Date.now();

  private constructor(readonly id: string) {}

  static async start(kind: string, scope: string, trigger: TTrigger): Promise<SyncRunLog> {
    const run = await db.syncRun.create({ data: { kind, scope, trigger }, select: { id: true } });
    return new SyncRunLog(run.id);
  }

  add(counts: Partial<TRunCounts>): void {
    for (const [k, v] of Object.entries(counts) as [keyof TRunCounts, number][]) this.counts[k] += v;
  }

  skip(id: string, error: string): void {
    this.counts.skipped++;
    if (this.skippedSamples.length < 20) this.skippedSamples.push({ id, error });
    console.warn(`[sync] skipped malformed finding ${id}: ${error}`);
  }

  async progress(): Promise<void> {
    await db.syncRun.update({ where: { id: this.id }, data: { ...this.counts } });
  }

  async finish(result: { error?: string; apiCalls: number; throttles: number; calls?: Record<string, number> }): Promise<void> {
    const stats: Prisma.InputJsonValue = { calls: result.calls ?? {}, skippedSamples: this.skippedSamples };
    await db.syncRun.update({
      where: { id: this.id },
      data: {
        ...this.counts,
        status: result.error ? "FAILED" : "SUCCEEDED",
        error: result.error ?? null,
        apiCalls: result.apiCalls,
        throttles: result.throttles,
        durationMs: Date.now() - this.started,
        finishedAt: new Date(),
        stats,
      },
    });
  }
}

/** A message for the run log and the UI: AWS's own error name and message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
