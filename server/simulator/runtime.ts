import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import type { TCaller } from "./auth";
import { SimClock } from "./clock";
import type { SimError } from "./errors";
import { NO_FAULTS } from "./faults";
import { SimData } from "./model/store";
import type { TResponse } from "./protocols/rest-json";
import { RateLimiter } from "./rate-limit";
import type { TSimFaults, TSimStats } from "./types";

export type TRequest = {
  method: string; path: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: string;
  caller: TCaller; requestId: string;
};

export type TService = {
  /** "SecurityHub", "GuardDuty", …: the prefix of stats keys and rate-limit keys. */
  label: string;
  operation(req: TRequest): string | null;
  handle(operation: string, req: TRequest, rt: SimRuntime): TResponse;
  /** How this service's protocol encodes an error (services added after the first five declare it here). */
  encodeError?(error: SimError, requestId: string): TResponse;
};

export function emptyStats(): TSimStats {
  return { calls: {}, throttled: 0, errors: 0, writes: {} };
}

/** The mutable state of one simulator instance. */
export class SimRuntime {
  readonly data: SimData;
  readonly clock: SimClock;
  readonly limiter = new RateLimiter();
  faults: TSimFaults = { ...NO_FAULTS };
  rateLimits = false;
  stats: TSimStats = emptyStats();
  callCounter = 0;
  /** finding ids received by write operations, for the per-finding faults (unprocessedRate) */
  writeCounter = 0;
  sessionCounter = 0;

  constructor(readonly seed: number, readonly scale: number, startMs: number) {
    this.data = new SimData(seed, scale, startMs);
    this.clock = new SimClock(startMs);
  }

  now(): number {
    return this.clock.now();
  }

  /** Counts the finding ids a write operation received (stats.writes) and returns the first one's number. */
  countWrites(operation: string, n: number): number {
    this.stats.writes[operation] = (this.stats.writes[operation] ?? 0) + n;
    const first = this.writeCounter;
    this.writeCounter += n;
    return first;
  }

  regionIndex(region: string): number {
    return this.data.org.regions.indexOf(region);
  }

  /** Base (non-assumed) credentials of the delegated administrator see every member account. */
  isAdmin(req: TRequest): boolean {
    return !req.caller.assumed && req.caller.account.id === this.data.org.adminAccountId;
  }
}

export function parseJsonBody(body: string): Record<string, unknown> {
  if (!body) return {};
  const value: unknown = JSON.parse(body);
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
