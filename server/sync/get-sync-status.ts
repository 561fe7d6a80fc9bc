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
};

const SELECT = {
  id: true, kind: true, scope: true, status: true, trigger: true, startedAt: true, finishedAt: true, fetched: true, inserted: true,
  updated: true, unchanged: true, skipped: true, apiCalls: true, throttles: true, durationMs: true, error: true,
} as const;


export async function getSyncStatus(options: { recent?: number } = {}): Promise<TSyncStatus> {
  const env = getEnv();
  const [latestByScope, recent] = await Promise.all([
    db.$queryRaw<TSyncRunView[]>`
      SELECT DISTINCT ON (kind, scope) id, kind, scope, status, "trigger", "startedAt", "finishedAt", fetched, inserted, updated,
             unchanged, skipped, "apiCalls", throttles, "durationMs", error
      FROM sync_runs ORDER BY kind, scope, "startedAt" DESC`,
    db.syncRun.findMany({ select: SELECT, orderBy: { startedAt: "desc" }, take: options.recent ?? 50 }),
  ]);
  const now = Date.now();
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
  };
}
