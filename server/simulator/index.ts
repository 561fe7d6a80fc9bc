import "server-only";
import type { AddressInfo } from "node:net";
import { mergeFaults } from "./faults";
import { emptyStats, SimRuntime } from "./runtime";
import { createSimServer } from "./server";
import type { TSimOptions, TSimulator } from "./types";

export type { TSimFaults, TSimOptions, TSimulator } from "./types";

export const DEFAULT_START_TIME = new Date("2026-11-01T00:00:00Z");

/**
 * Starts a local AWS organization on one port: Security Hub and GuardDuty (REST-JSON), Organizations
 * (awsJson1_1) and STS (awsQuery), told apart by the SigV4 credential scope. Point the real SDK
 * clients at `url` with any static credentials.
 */
export async function startSimulator(options: TSimOptions = {}): Promise<TSimulator> {
  const scale = Math.floor(options.scale ?? 3000);
  if (!(scale >= 10 && scale <= 50_000_000)) throw new Error(`scale must be between 10 and 50,000,000 (got ${options.scale})`);
  const rt = new SimRuntime(options.seed ?? 1, scale, (options.startTime ?? DEFAULT_START_TIME).getTime());
  rt.rateLimits = options.rateLimits ?? false;
  if (options.faults) rt.faults = mergeFaults(rt.faults, options.faults);
  const server = createSimServer(rt);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const data = rt.data;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
    advance: (ms) => rt.clock.advance(ms),
    now: () => new Date(rt.now()),
    setFaults: (f) => {
      rt.faults = mergeFaults(rt.faults, f);
    },
    setRateLimits: (on) => {
      rt.rateLimits = on;
      rt.limiter.reset();
    },
    stats: () => ({ calls: { ...rt.stats.calls }, throttled: rt.stats.throttled, errors: rt.stats.errors, writes: { ...rt.stats.writes } }),
    resetStats: () => {
      rt.stats = emptyStats();
    },
    organization: () => ({
      managementAccountId: data.org.managementAccountId,
      rootId: data.org.rootId,
      accounts: data.org.accounts.map((a) => ({ id: a.id, name: a.name, ouId: a.ouId })),
      ous: data.org.ous.map((ou) => ({ id: ou.id, name: ou.name, parentId: ou.parentId })),
      regions: [...data.org.regions],
    }),
    expected: {
      securityHubFindings: () => data.securityHubCount(rt.now()),
      guardDutyFindings: () => data.guardDutyCount(rt.now()),
    },
  };
}
