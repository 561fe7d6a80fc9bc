import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { syncConfigFromEnv } from "@/server/sync/sync-config";
import { collectPatchCompliance } from "./collect-patch-compliance";
import type { TCollectionView } from "./patches.types";
import { readSourceClock } from "./source-clock";

// "Collect now": starts a collection in this process and returns at once (or, with wait, when it is done);
// the browser polls the collection's progress. A collection already running is returned instead of a second one.

/** A RUNNING collection older than this was left behind by a stopped process. */
const ABANDONED_MS = 30 * 60_000;

type TCollectionRow = {
  id: string; trigger: string; requestedBy: string | null; status: string; startedAt: Date; finishedAt: Date | null;
  scopesTotal: number; scopesDone: number; scopesFailed: number; instances: number; errors: unknown;
};

export function toCollectionView(row: TCollectionRow): TCollectionView {
  const errors = Array.isArray(row.errors) ? (row.errors as { scope?: unknown; error?: unknown }[]).map((e) => ({ scope: String(e.scope ?? ""), error: String(e.error ?? "") })) : [];
  const abandoned = row.status === "RUNNING" && Date.now() - row.startedAt.getTime() > ABANDONED_MS;
  return {
    id: row.id, trigger: row.trigger, requestedBy: row.requestedBy,
    status: abandoned ? "FAILED" : (row.status as TCollectionView["status"]),
    startedAt: row.startedAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null,
    scopesTotal: row.scopesTotal, scopesDone: row.scopesDone, scopesFailed: row.scopesFailed, instances: row.instances, errors,
  };
}

/** The newest collection (any status), or null before the first one. */
export async function latestPatchCollection(): Promise<TCollectionView | null> {
  const row = await db.patchCollection.findFirst({ orderBy: { startedAt: "desc" } });
  return row ? toCollectionView(row) : null;
}

export async function requestPatchCollection(options: { actor: TSessionUser; ip?: string | null; userAgent?: string | null; wait?: boolean }): Promise<{ started: boolean; collection: TCollectionView }> {
  const running = await db.patchCollection.findFirst({ where: { status: "RUNNING", startedAt: { gt: new Date(Date.now() - ABANDONED_MS) } }, orderBy: { startedAt: "desc" } });
  if (running) return { started: false, collection: toCollectionView(running) };
  const config = syncConfigFromEnv();
  const sourceClockAt = await readSourceClock(config.connection.endpoint);
  const id = await db.$transaction(async (tx) => {
    const row = await tx.patchCollection.create({ data: { trigger: "manual", requestedBy: options.actor.email, sourceClockAt }, select: { id: true } });
    await recordAudit({ actor: options.actor, action: "patches.collect", target: { type: "patch_collection", id: row.id }, ip: options.ip, userAgent: options.userAgent }, tx);
    return row.id;
  });
  const done = collectPatchCompliance({ trigger: "manual", requestedBy: options.actor.email, config, collectionId: id });
  if (options.wait) await done;
  else done.catch((error: unknown) => console.error("[patches] collection failed", error));
  return { started: true, collection: toCollectionView(await db.patchCollection.findUniqueOrThrow({ where: { id } })) };
}
