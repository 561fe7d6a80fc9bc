import "server-only";
import type { PoolClient } from "pg";
import { db } from "@/server/db";

/** Re-read this much before the cursor: AWS's UpdatedAt is not strictly ordered across writers. */
export const OVERLAP_MS = 5 * 60_000;

export async function readCursor(kind: string, scope: string): Promise<Date | null> {
  const row = await db.syncCursor.findUnique({ where: { kind_scope: { kind, scope } }, select: { position: true } });
  return row?.position ?? null;
}

/** Moves the cursor forward (never back), inside the transaction that committed the rows up to it. */
export async function advanceCursor(client: PoolClient, kind: string, scope: string, position: Date): Promise<void> {
  await client.query(
    `INSERT INTO sync_cursors (id, kind, scope, position, "updatedAt")
     VALUES (gen_random_uuid()::text, $1, $2, $3, now())
     ON CONFLICT (kind, scope) DO UPDATE SET position = GREATEST(sync_cursors.position, EXCLUDED.position), "updatedAt" = now()`,
    [kind, scope, position],
  );
}
