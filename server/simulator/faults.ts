import "server-only";
import { unit } from "./data/random";
import type { TSimFaults } from "./types";

export const NO_FAULTS: TSimFaults = { throttleRate: 0, errorRate: 0, latencyMs: 0, deniedAccounts: [], unprocessedRate: 0, unprocessedIds: [] };

export function mergeFaults(current: TSimFaults, patch: Partial<TSimFaults>): TSimFaults {
  const rate = (value: unknown, fallback: number) => (typeof value === "number" && value >= 0 && value <= 1 ? value : fallback);
  return {
    throttleRate: rate(patch.throttleRate, current.throttleRate),
    errorRate: rate(patch.errorRate, current.errorRate),
    latencyMs: typeof patch.latencyMs === "number" && patch.latencyMs >= 0 ? patch.latencyMs : current.latencyMs,
    deniedAccounts: Array.isArray(patch.deniedAccounts) ? patch.deniedAccounts.map(String) : current.deniedAccounts,
    unprocessedRate: rate(patch.unprocessedRate, current.unprocessedRate),
    unprocessedIds: Array.isArray(patch.unprocessedIds) ? patch.unprocessedIds.map(String) : current.unprocessedIds,
  };
}

/** Which injected fault, if any, hits call number n: deterministic from the seed and the call counter. */
export function injectedFault(faults: TSimFaults, seed: number, n: number): "throttle" | "error" | null {
  if (faults.throttleRate > 0 && unit(seed, 9001, n) < faults.throttleRate) return "throttle";
  if (faults.errorRate > 0 && unit(seed, 9002, n) < faults.errorRate) return "error";
  return null;
}

/** Whether the n-th finding a write operation receives fails on its own (UnprocessedFindings): rate 1 = every one. */
export function unprocessedFault(faults: TSimFaults, seed: number, n: number, id?: string): boolean {
  if (id !== undefined && faults.unprocessedIds.includes(id)) return true;
  return faults.unprocessedRate > 0 && unit(seed, 9004, n) < faults.unprocessedRate;
}
