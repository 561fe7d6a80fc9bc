import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetFindingsCommand } from "@aws-sdk/client-securityhub";
import { ListDetectorsCommand, ListFindingsCommand } from "@aws-sdk/client-guardduty";
import { ListAccountsCommand } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { startSimulator, type TSimulator } from "./index";
import { clients, readAllFindings } from "./test-helpers";

let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scale: 1000 });
});
afterAll(() => sim.close());

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { name: string; $metadata?: { httpStatusCode?: number } } | null;
  if (!error) throw new Error("expected a failure");
  return { name: error.name, status: error.$metadata?.httpStatusCode };
}

describe("fault injection", () => {
  it("throttles and fails with each service's own error names", async () => {
    const c = clients(sim);
    const role = { RoleArn: `arn:aws:iam::${sim.organization().accounts[3]!.id}:role/R`, RoleSessionName: "kanshi" };
    const calls = {
      securityHub: () => c.securityHub.send(new GetFindingsCommand({})),
      guardDuty: () => c.guardDuty.send(new ListDetectorsCommand({})),
      organizations: () => c.organizations.send(new ListAccountsCommand({})),
      sts: () => c.sts.send(new AssumeRoleCommand(role)),
    };
    sim.setFaults({ throttleRate: 1 });
    expect(await errorOf(calls.securityHub())).toEqual({ name: "LimitExceededException", status: 429 });
    expect(await errorOf(calls.guardDuty())).toEqual({ name: "TooManyRequestsException", status: 429 });
    expect(await errorOf(calls.organizations())).toEqual({ name: "TooManyRequestsException", status: 400 });
    expect(await errorOf(calls.sts())).toEqual({ name: "Throttling", status: 400 });
    sim.setFaults({ throttleRate: 0, errorRate: 1 });
    const names: Record<string, Set<string>> = {};
    for (let n = 0; n < 10; n++) {
      for (const [service, call] of Object.entries(calls)) {
        const e = await errorOf(call());
        expect(e.status).toBeGreaterThanOrEqual(500);
        (names[service] ??= new Set()).add(e.name);
      }
    }
    expect(names).toEqual({
      securityHub: new Set(["InternalException", "ServiceUnavailableException"]),
      guardDuty: new Set(["InternalServerErrorException", "ServiceUnavailableException"]),
      organizations: new Set(["ServiceException", "ServiceUnavailableException"]),
      sts: new Set(["InternalFailure", "ServiceUnavailable"]),
    });
    sim.setFaults({ errorRate: 0 });
  });

  it("the SDK's standard retries (maxAttempts 10) read everything through 30 % throttling and 2 % 5xx", async () => {
    sim.resetStats();
    sim.setFaults({ throttleRate: 0.3, errorRate: 0.02 });
    try {
      const c = clients(sim, { maxAttempts: 10 });
      // The three reads run side by side so that the SDK's backoff waits overlap.
      const readGuardDuty = async () => {
        const detectorId = (await c.guardDuty.send(new ListDetectorsCommand({}))).DetectorIds![0]!;
        let ids = 0;
        let token: string | undefined;
        do {
          const page = await c.guardDuty.send(new ListFindingsCommand({ DetectorId: detectorId, NextToken: token }));
          ids += page.FindingIds!.length;
          token = page.NextToken;
        } while (token);
        return ids;
      };
      const [{ findings }, ids, accounts] = await Promise.all([
        readAllFindings(c.securityHub), readGuardDuty(), c.organizations.send(new ListAccountsCommand({ MaxResults: 20 })),
      ]);
      expect(new Set(findings.map((f) => f.Id)).size).toBe(sim.expected.securityHubFindings());
      expect(ids).toBeGreaterThan(0);
      expect(accounts.Accounts).toHaveLength(sim.organization().accounts.length);
      const stats = sim.stats();
      expect(stats.throttled).toBeGreaterThan(0);
      expect(stats.calls["SecurityHub.GetFindings"]).toBeGreaterThan(10);
    } finally {
      sim.setFaults({ throttleRate: 0, errorRate: 0 });
    }
  }, 45_000); // the SDK's backoff is randomized: usually 3–7 s here

  it("adds latency to every response", async () => {
    sim.setFaults({ latencyMs: 60 });
    try {
      const started = performance.now();
      await clients(sim).securityHub.send(new GetFindingsCommand({ MaxResults: 1 }));
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      sim.setFaults({ latencyMs: 0 });
    }
  });
});

describe("published rate limits", () => {
  it("GetFindings: a burst of 6, then LimitExceededException (429) until tokens refill at 3/s", async () => {
    sim.setRateLimits(true);
    try {
      const securityHub = clients(sim).securityHub;
      const results = [];
      for (let n = 0; n < 9; n++) results.push(await errorOf(securityHub.send(new GetFindingsCommand({ MaxResults: 1 }))).catch(() => ({ name: "ok" })));
      expect(results.slice(0, 6).every((r) => r.name === "ok")).toBe(true);
      expect(results.slice(7)).toContainEqual({ name: "LimitExceededException", status: 429 });
      await new Promise((resolve) => setTimeout(resolve, 700));
      await expect(securityHub.send(new GetFindingsCommand({ MaxResults: 1 }))).resolves.toBeTruthy();
      // Buckets are per account and region: another region still has its burst.
      await expect(clients(sim, { region: "eu-west-1" }).securityHub.send(new GetFindingsCommand({ MaxResults: 1 }))).resolves.toBeTruthy();
    } finally {
      sim.setRateLimits(false);
    }
  });
});

describe("scale", () => {
  it("serves a 1,000,000-finding organization lazily: pages and deltas cost only their size", async () => {
    const big = await startSimulator({ scale: 1_000_000, seed: 2 });
    try {
      const securityHub = clients(big).securityHub;
      expect(big.expected.securityHubFindings()).toBe(1_000_000);
      const first = await securityHub.send(new GetFindingsCommand({ MaxResults: 100 }));
      expect(first.Findings).toHaveLength(100);
      const since = big.now();
      big.advance(86_400_000);
      const delta = await securityHub.send(new GetFindingsCommand({ MaxResults: 100, Filters: { UpdatedAt: [{ Start: since.toISOString() }] }, SortCriteria: [{ Field: "UpdatedAt", SortOrder: "asc" }] }));
      expect(delta.Findings).toHaveLength(100);
      expect(delta.NextToken).toBeTruthy();
      for (const f of delta.Findings!) expect(Date.parse(f.UpdatedAt!)).toBeGreaterThan(since.getTime());
    } finally {
      await big.close();
    }
  });
});
