import "server-only";
import { parseDuration } from "../clock";
import { mergeFaults } from "../faults";
import { json, type TResponse } from "../protocols/rest-json";
import { emptyStats, parseJsonBody, type SimRuntime } from "../runtime";
import { warmFindings } from "./securityhub-findings";
import type { TSimFaults } from "../types";

export function simState(rt: SimRuntime) {
  const now = rt.now();
  return {
    clock: new Date(now).toISOString(), startTime: new Date(rt.data.timeline.startMs).toISOString(), seed: rt.seed, scale: rt.scale,
    faults: rt.faults, rateLimits: rt.rateLimits, stats: rt.stats,
    securityHubFindings: rt.data.securityHubCount(now), guardDutyFindings: rt.data.guardDutyCount(now),
    overrides: rt.data.overrides.size + rt.data.gdArchive.size,
  };
}

/** GET /_sim/state, POST /_sim/advance {"duration":"7d"}, POST /_sim/faults {throttleRate, errorRate, unprocessedRate, unprocessedIds, latencyMs, deniedAccounts}, POST /_sim/rate-limits {"on":true}, POST /_sim/warm (pre-render findings).  */
export function handleAdmin(method: string, path: string, body: string, rt: SimRuntime): TResponse {
  try {
    if (method === "GET" && path === "/_sim/state") return json(simState(rt));
    const input = method === "POST" ? parseJsonBody(body) : {};
    if (method === "POST" && path === "/_sim/advance") {
      rt.clock.advance(parseDuration((input.duration ?? input.ms ?? 0) as string | number));
      return json(simState(rt));
    }
    if (method === "POST" && path === "/_sim/faults") {
      rt.faults = mergeFaults(rt.faults, input as Partial<TSimFaults>);
      return json(simState(rt));
    }
    if (method === "POST" && path === "/_sim/rate-limits") {
      rt.rateLimits = input.on === true;
      rt.limiter.reset();
      return json(simState(rt));
    }
    if (method === "POST" && path === "/_sim/warm") {
      return json({ rendered: warmFindings(rt) });
    }
    if (method === "POST" && path === "/_sim/reset-stats") {
      rt.stats = emptyStats();
      return json(simState(rt));
    }
    return json({ message: `No admin route ${method} ${path}` }, 404);
  } catch (error) {
    return json({ message: error instanceof Error ? error.message : String(error) }, 400);
  }
}
