import "server-only";
import { eolFeedStatus } from "@/server/checklists/eol/feed";
import { patchFeedStatus } from "@/server/checklists/patches/feed";
import { readPool } from "@/server/db-pool";
import { OPEN_SQL } from "@/server/findings/query-sql";
import type { TFeedSource, TFeedStatus } from "./feed.types";

// The live state next to fed checklist items. The findings feed is computed here; patches and EOL come
// from their own modules. A feed that fails shows "no data" rather than breaking the checklists page.

export const FEED_SOURCES: readonly TFeedSource[] = ["findings", "patches", "eol"];

export function isFeedSource(source: string): source is TFeedSource {
  return (FEED_SOURCES as readonly string[]).includes(source);
}

/** The findings lists behind the figures (filters of server/findings/filters.ts; open = NEW, NOTIFIED by default). */
export const FINDINGS_HREF = {
  pastSla: "/findings?severity=CRITICAL,HIGH&sla=overdue",
  criticalUnowned: "/findings?severity=CRITICAL&owner=none",
  open: "/findings?severity=CRITICAL,HIGH",
} as const;

/**
 * Open (active, NEW or NOTIFIED) CRITICAL/HIGH findings: how many, how many past their SLA, how many
 * CRITICAL without an owner. One scan over the (severity, workflowStatus, recordState) index.
 * `accounts` narrows it to some AWS accounts (tests, per-account views).
 */
export async function findingsFeedStatus(options: { now?: Date; accounts?: string[] } = {}): Promise<TFeedStatus> {
  const now = options.now ?? new Date();
  const params: unknown[] = [now.toISOString()];
  let scope = "";
  if (options.accounts) {
    params.push(options.accounts);
    scope = `AND f."awsAccountId" = ANY($2::varchar[])`;
  }
  const [figures, sync] = await Promise.all([
    readPool().query<{ open: number; pastSla: number; criticalUnowned: number; any: boolean }>(
      `SELECT count(*)::int AS open,
              count(*) FILTER (WHERE f."dueAt" < $1::timestamp)::int AS "pastSla",
              count(*) FILTER (WHERE f.severity = 'CRITICAL' AND f."ownerId" IS NULL)::int AS "criticalUnowned",
              EXISTS (SELECT 1 FROM findings f ${scope ? `WHERE ${scope.slice(4)}` : ""}) AS any
         FROM findings f
        WHERE f.severity IN ('CRITICAL', 'HIGH') AND ${OPEN_SQL} ${scope}`,
      params,
    ),
    readPool().query<{ at: Date | null }>(
      `SELECT max("finishedAt") AS at FROM sync_runs WHERE status = 'SUCCEEDED' AND kind IN ('securityhub', 'guardduty')`,
    ),
  ]);
  const row = figures.rows[0]!;
  const asOf = sync.rows[0]?.at ?? null;
  const counts = { open: row.open, pastSla: row.pastSla, criticalUnowned: row.criticalUnowned };
  // No finding stored and never synced: nothing to judge yet.
  const ok = !row.any && !asOf ? null : row.pastSla === 0 && row.criticalUnowned === 0;
  const href = row.pastSla > 0 ? FINDINGS_HREF.pastSla : row.criticalUnowned > 0 ? FINDINGS_HREF.criticalUnowned : FINDINGS_HREF.open;
  return { source: "findings", ok, counts, href, asOf: asOf ? asOf.toISOString() : null };
}

const FALLBACK_HREF: Record<TFeedSource, string> = {
  findings: FINDINGS_HREF.open,
  patches: "/checklists?tab=patches",
  eol: "/checklists?tab=eol",
};

async function safely(source: TFeedSource, load: () => Promise<TFeedStatus>): Promise<TFeedStatus> {
  try {
    return await load();
  } catch (error) {
    console.error(`[checklists] the ${source} feed failed`, error);
    return { source, ok: null, counts: {}, href: FALLBACK_HREF[source], asOf: null };
  }
}

/** The feeds the given sources need, computed in parallel. */
export async function feedStatuses(sources: Iterable<string>, now = new Date()): Promise<Map<TFeedSource, TFeedStatus>> {
  const wanted = [...new Set([...sources].filter(isFeedSource))];
  const loaders: Record<TFeedSource, () => Promise<TFeedStatus>> = {
    findings: () => findingsFeedStatus({ now }),
    patches: () => patchFeedStatus(),
    eol: () => eolFeedStatus(),
  };
  const statuses = await Promise.all(wanted.map((source) => safely(source, loaders[source])));
  return new Map(statuses.map((status) => [status.source, status]));
}
