import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDuration } from "./clock";
import { startSimulator, type TSimulator } from "./index";

let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scale: 500, startTime: new Date("2026-06-01T00:00:00Z") });
});
afterAll(() => sim.close());

const post = (path: string, body: unknown) =>
  fetch(`${sim.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, unknown>>);

describe("admin endpoints", () => {
  it("reports state, advances the clock, sets faults and rate limits", async () => {
    const state = (await fetch(`${sim.url}/_sim/state`).then((r) => r.json())) as Record<string, unknown>;
    expect(state).toMatchObject({ clock: "2026-06-01T00:00:00.000Z", scale: 500, seed: 1, securityHubFindings: 500 });
    expect(await post("/_sim/advance", { duration: "36h" })).toMatchObject({ clock: "2026-06-02T12:00:00.000Z" });
    expect(sim.now().toISOString()).toBe("2026-06-02T12:00:00.000Z");
    expect(sim.expected.securityHubFindings()).toBeGreaterThan(500);
    expect(await post("/_sim/faults", { throttleRate: 0.25, deniedAccounts: ["111111111111"] })).toMatchObject({ faults: { throttleRate: 0.25, errorRate: 0, deniedAccounts: ["111111111111"] } });
    expect(await post("/_sim/rate-limits", { on: true })).toMatchObject({ rateLimits: true });
    expect((await fetch(`${sim.url}/_sim/advance`, { method: "POST", body: '{"duration":"soon"}' })).status).toBe(400);
  });

  it("parses durations", () => {
    expect([parseDuration("90s"), parseDuration("15m"), parseDuration("6h"), parseDuration("7d"), parseDuration(250)]).toEqual([90_000, 900_000, 21_600_000, 604_800_000, 250]);
    expect(() => parseDuration("1w")).toThrow(/Bad duration/);
  });
});
