import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startSimulator, type TSimulator } from "@/server/simulator";
import { discoveryRun, runEolDiscovery } from "./run-discovery";

// "Discover now" end to end: the AWS context from the environment (demo mode: the simulator), discovery,
// storage, and the run in the sync run log with each scope's result.
let sim: TSimulator;
const previous = process.env.KANSHI_SIM_URL;

beforeAll(async () => {
  sim = await startSimulator({ seed: 5, scale: 3000 });
  process.env.KANSHI_SIM_URL = sim.url;
});
afterAll(async () => {
  process.env.KANSHI_SIM_URL = previous;
  await sim.close();
});

describe("EOL discovery run (simulator + PostgreSQL)", () => {
  it("stores what it found and records the run, with a scope that could not be read shown as a failure", async () => {
    const account = sim.organization().accounts.find((a) => a.name === "prod-web")!.id;
    const unknown = "000000000000";
    let startedId: string | null = null;
    const summary = await runEolDiscovery("cli", (id) => { startedId = id; }, { scopes: [{ accountId: account, region: "us-east-1" }, { accountId: unknown, region: "us-east-1" }] });
    expect(startedId).toBe(summary.runId);
    expect(summary.counts.found).toBeGreaterThan(0);
    expect(summary.scopes.filter((s) => s.accountId === account).every((s) => s.ok)).toBe(true);
    expect(summary.scopes.filter((s) => s.accountId === unknown).some((s) => !s.ok)).toBe(true);
    expect(summary.ok).toBe(false);

    const stored = await db.eolInventoryItem.count({ where: { source: "discovered", accountId: account, region: "us-east-1", goneAt: null } });
    expect(stored).toBe(summary.counts.found);
    const run = await discoveryRun(summary.runId);
    expect(run).toMatchObject({ status: "FAILED", counts: { found: summary.counts.found } });
    expect(run!.error).toMatch(/scopes could not be read/);
    expect(run!.scopes.find((s) => s.accountId === unknown && !s.ok)?.error).toBeTruthy();

    // A second run finds the same software: nothing new, nothing gone.
    const again = await runEolDiscovery("cli", undefined, { scopes: [{ accountId: account, region: "us-east-1" }] });
    expect(again).toMatchObject({ ok: true, counts: { found: summary.counts.found, inserted: 0, gone: 0 } });
  });
});
