import { z } from "zod";
import { apiFetch } from "@/components/lib/api-client";

// The JSON of GET /api/sync (dates as ISO strings). Server pages build the same shape for
// their initial render, so polled data and server data go through one schema.

export const SYNC_KINDS = ["organizations", "securityhub", "guardduty"] as const;
export type TSyncKind = (typeof SYNC_KINDS)[number];

export const ZSyncRunStatus = z.enum(["RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]);
export type TSyncRunStatus = z.infer<typeof ZSyncRunStatus>;

const ZIsoDate = z.iso.datetime({ offset: true });

export const ZSyncRun = z.object({
  id: z.string(),
  kind: z.string(),
  scope: z.string(),
  status: ZSyncRunStatus,
  trigger: z.string(),
  startedAt: ZIsoDate,
  finishedAt: ZIsoDate.nullable(),
  fetched: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  apiCalls: z.number(),
  throttles: z.number(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
});
export type TSyncRun = z.infer<typeof ZSyncRun>;

export const ZCollectorStatus = z.object({
  kind: z.string(),
  status: z.enum(["RUNNING", "SUCCEEDED", "FAILED"]),
  scopes: z.number(),
  failedScopes: z.number(),
  lastStartedAt: ZIsoDate,
  lastFinishedAt: ZIsoDate.nullable(),
  firstError: z.object({ scope: z.string(), error: z.string().nullable() }).nullable(),
});
export type TCollectorStatus = z.infer<typeof ZCollectorStatus>;

export const ZSyncStatus = z.object({
  mode: z.enum(["demo", "aws"]),
  topology: z.enum(["delegated-admin", "fan-out"]),
  regions: z.array(z.string()),
  intervalMinutes: z.number(),
  running: z.boolean(),
  latestByScope: z.array(ZSyncRun),
  recent: z.array(ZSyncRun),
  lastFinishedAt: ZIsoDate.nullable(),
  lastFailed: z.boolean(),
  collectors: z.array(ZCollectorStatus),
});
export type TSyncStatus = z.infer<typeof ZSyncStatus>;

/** What the top bar needs; the console layout renders it on the server. */
export type TSyncSummary = Pick<TSyncStatus, "running" | "lastFinishedAt" | "lastFailed">;

export function toSyncSummary(status: TSyncStatus): TSyncSummary {
  return { running: status.running, lastFinishedAt: status.lastFinishedAt, lastFailed: status.lastFailed };
}

export const syncKeys = {
  all: ["sync"] as const,
  status: () => [...syncKeys.all, "status"] as const,
};

export async function fetchSyncStatus(signal?: AbortSignal): Promise<TSyncStatus> {
  return ZSyncStatus.parse(await apiFetch<unknown>("/api/sync", { signal }));
}

export async function requestSyncNow(): Promise<{ jobId: string }> {
  return z.object({ jobId: z.string() }).parse(await apiFetch<unknown>("/api/sync", { method: "POST" }));
}
