import "server-only";
import { withBulkTransaction } from "@/server/db-pool";
import type { TFindingRow, TNormalized } from "@/server/findings/normalize";
import { advanceCursor } from "./cursor";
import type { SyncRunLog } from "./sync-run-log";
import { upsertFindings } from "./upsert-findings";

const BATCH_ROWS = 1000;

/**
 * Streams pages of raw findings (oldest first) into PostgreSQL. Fetching goes on while the previous
 * batch is written (one write in flight), so the API rate budget is not left idle. Each batch
 * commits with the cursor moved to its newest UpdatedAt: a crash resumes from the last commit.
 */
export async function syncFindings(options: {
  kind: string;
  scope: string;
  origin: "securityhub" | "guardduty";
  pages: AsyncIterable<unknown[]>;
  normalize: (raw: unknown) => TNormalized;
  run: SyncRunLog;
  /** "batch": each batch commits with the cursor at its newest UpdatedAt (pages oldest first);
   *  "caller": the caller moves the cursor from onCommitted (concurrent slices of one scope) */
  cursor?: "batch" | "caller";
  onCommitted?: (newest: Date) => Promise<void>;
}): Promise<void> {
  const { run } = options;
  let buffer: TFindingRow[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  let writeError: unknown;

  const write = async (rows: TFindingRow[]) => {
    const newest = rows.reduce((max, r) => (r.awsUpdatedAt > max ? r.awsUpdatedAt : max), rows[0]!.awsUpdatedAt);
    const counts = await withBulkTransaction(async (client) => {
      const c = await upsertFindings(client, options.origin, rows);
      if (options.cursor !== "caller") await advanceCursor(client, options.kind, options.scope, newest);
      return c;
    });
    run.add(counts);
    await options.onCommitted?.(newest);
    await run.progress();
  };
  const flush = async () => {
    await inFlight;
    if (writeError) throw writeError;
    const rows = buffer;
    buffer = [];
    if (rows.length) inFlight = write(rows).catch((e: unknown) => void (writeError = e));
  };

  try {
    for await (const page of options.pages) {
      run.add({ fetched: page.length });
      for (const raw of page) {
        const result = options.normalize(raw);
        if (result.ok) buffer.push(result.row);
        else run.skip(result.id, result.error);
      }
      if (buffer.length >= BATCH_ROWS) await flush();
    }
  } catch (fetchError) {
    // The source failed part-way: keep what was fetched (pages come oldest first, so the cursor
    // stays correct), then report the failure.
    await flush().catch(() => {});
    await inFlight;
    throw fetchError;
  }
  await flush();
  await inFlight;
  if (writeError) throw writeError;
}
