import "server-only";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { STALE_RUN_MS } from "./housekeeping";

export type TSyncRunView = {
  id: string;
  kind: string;
  scope: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  apiCalls: number;
  throttles: number;
  durationMs: number | null;
  error: string | null;
};

/** The findings sync's own kinds; other kinds in sync_runs are the collectors (patches, baseline, EOL discovery, CloudTrail). */
export const FINDINGS_SYNC_KINDS = ["organizations", "securityhub", "guardduty"];

/** One collector's latest state: its newest run of every scope, summed up. */
export type TCollectorStatus = {
  kind: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  scopes: number;
  failedScopes: number;
  lastStartedAt: Date;
  lastFinishedAt: Date | null;
  /** the first failing scope and its error */
  firstError: { scope: string; error: string | null } | null;
};

export type TSyncStatus = {
  mode: "demo" | "aws";
  topology: "delegated-admin" | "fan-out";
  regions: string[];
  intervalMinutes: number;
  running: boolean;
  /** the newest run of every source and scope: what the per-account status shows */
  latestByScope: TSyncRunView[];
  /** the most recent runs, newest first */
  recent: TSyncRunView[];
  lastFinishedAt: Date | null;
  lastFailed: boolean;
  /** the checklists' collectors and the CloudTrail ingest (not part of the findings sync's status) */
  collectors: TCollectorStatus[];
};

const SELECT = {
  id: true, kind: true, scope: true, status: true, trigger: true, startedAt: true, finishedAt: true, fetched: true, inserted: true,
  updated: true, unchanged: true, skipped: true, apiCalls: true, throttles: true, durationMs: true, error: true,
} as const;


export async function getSyncStatus(options: { recent?: number } = {}): Promise<TSyncStatus> {
  const env = getEnv();
  const [allLatest, recent] = await Promise.all([
    db.$queryRaw<TSyncRunView[]>`
      SELECT DISTINCT ON (kind, scope) id, kind, scope, status, "trigger", "startedAt", "finishedAt", fetched, inserted, updated,
             unchanged, skipped, "apiCalls", throttles, "durationMs", error
      FROM sync_runs ORDER BY kind, scope, "startedAt" DESC`,
    db.syncRun.findMany({ select: SELECT, where: { kind: { in: FINDINGS_SYNC_KINDS } }, orderBy: { startedAt: "desc" }, take: options.recent ?? 50 }),
  ]);
  const now = Date.now();
  const latestByScope = allLatest.filter((r) => FINDINGS_SYNC_KINDS.includes(r.kind));
  const running = latestByScope.some((r) => r.status === "RUNNING" && now - r.startedAt.getTime() < STALE_RUN_MS);
  const finished = latestByScope.filter((r) => r.finishedAt);
  const lastFinishedAt = finished.reduce<Date | null>((max, r) => (!max || r.finishedAt! > max ? r.finishedAt : max), null);
  return {
    mode: env.KANSHI_AWS_MODE,
    topology: env.KANSHI_TOPOLOGY,
    regions: env.KANSHI_REGIONS,
    intervalMinutes: env.KANSHI_SYNC_INTERVAL_MINUTES,
    running,
    latestByScope: latestByScope.sort((a, b) => a.kind.localeCompare(b.kind) || a.scope.localeCompare(b.scope)),
    recent,
    lastFinishedAt,
    lastFailed: latestByScope.some((r) => r.status === "FAILED"),
    collectors: collectorStatuses(allLatest.filter((r) => !FINDINGS_SYNC_KINDS.includes(r.kind)), now),
  };
}

function collectorStatuses(runs: TSyncRunView[], now: number): TCollectorStatus[] {
  const byKind = new Map<string, TSyncRunView[]>();
  for (const run of runs) byKind.set(run.kind, [...(byKind.get(run.kind) ?? []), run]);
  return [...byKind.entries()]
    .map(([kind, scoped]): TCollectorStatus => {
      const failed = scoped.filter((r) => r.status === "FAILED");
      const running = scoped.some((r) => r.status === "RUNNING" && now - r.startedAt.getTime() < STALE_RUN_MS);
      const finished = scoped.map((r) => r.finishedAt).filter((d): d is Date => d !== null);
      return {
        kind,
        status: running ? "RUNNING" : failed.length ? "FAILED" : "SUCCEEDED",
        scopes: scoped.length,
        failedScopes: failed.length,
        lastStartedAt: scoped.reduce((max, r) => (r.startedAt > max ? r.startedAt : max), scoped[0]!.startedAt),
        lastFinishedAt: finished.length ? finished.reduce((max, d) => (d > max ? d : max)) : null,
        firstError: failed[0] ? { scope: failed[0].scope, error: failed[0].error } : null,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind));
}
