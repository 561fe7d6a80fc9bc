import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TSimulator } from "@/server/simulator";

// Patch compliance collection through the real SSM SDK client against the simulator, on a database of this file's own.

let sim: TSimulator;
type Mods = {
  db: typeof import("@/server/db").db;
  collect: typeof import("./collect-patch-compliance");
  ssm: typeof import("@/server/aws/ssm");
  AwsContext: typeof import("@/server/aws/clients").AwsContext;
  RateLimiter: typeof import("@/server/aws/rate-limiter").RateLimiter;
  SIMULATOR_CREDENTIALS: typeof import("@/server/sync/sync-config").SIMULATOR_CREDENTIALS;
  request: typeof import("./request-patch-collection");
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;

const REGIONS = ["us-east-1", "ap-northeast-1", "eu-west-1"];
const config = () => ({
  connection: { endpoint: sim.url, credentials: m.SIMULATOR_CREDENTIALS, roleName: "KanshiReadRole", externalId: "kanshi-test" },
  regions: REGIONS, topology: "fan-out" as const, rateLimits: false,
});

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_patches_collect`);
  const { startSimulator } = await import("@/server/simulator");
  // A scale at which the biggest fleets pass 50 instances, so patch states need more than one call.
  sim = await startSimulator({ seed: 5, scale: 300_000 });
  // "Collect now" reads the process's configuration: demo mode against this simulator.
  process.env.KANSHI_SIM_URL = sim.url;
  m = {
    db: (await import("@/server/db")).db,
    collect: await import("./collect-patch-compliance"),
    ssm: await import("@/server/aws/ssm"),
    AwsContext: (await import("@/server/aws/clients")).AwsContext,
    RateLimiter: (await import("@/server/aws/rate-limiter")).RateLimiter,
    SIMULATOR_CREDENTIALS: (await import("@/server/sync/sync-config")).SIMULATOR_CREDENTIALS,
    request: await import("./request-patch-collection"),
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
  // The organization (accounts and OUs) as the organization sync stores it.
  const { describeOrganization } = await import("@/server/aws/organizations");
  const { storeOrganization } = await import("@/server/sync/sync-organization");
  const ctx = new m.AwsContext(config().connection, new m.RateLimiter(false));
  await storeOrganization(await describeOrganization(ctx.organizations("us-east-1"), ctx.limiter, "us-east-1"));
  ctx.destroy();
});

afterAll(async () => {
  await sim?.close();
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

beforeEach(async () => {
  await m.db.$executeRawUnsafe(`TRUNCATE patch_instances, patch_snapshots, patch_collections, patch_settings, sync_runs, audit_log`);
  sim.setFaults({ throttleRate: 0, errorRate: 0, latencyMs: 0, deniedAccounts: [] });
  sim.resetStats();
});

/** What SSM itself says for one scope, read directly through the adapter. */
async function reference(scope: { accountId: string; region: string }) {
  const ctx = new m.AwsContext(config().connection, new m.RateLimiter(false));
  try {
    const instances = await m.ssm.listManagedInstances(ctx.ssm(scope), ctx.limiter, scope);
    const states = await m.ssm.getInstancePatchStates(ctx.ssm(scope), ctx.limiter, scope, instances.map((i) => i.instanceId));
    return { instances, states };
  } finally {
    ctx.destroy();
  }
}

const activeAccounts = async () => (await m.db.awsAccount.findMany({ where: { status: "ACTIVE", inOrganization: true }, orderBy: { id: "asc" } })).map((a) => a.id);

describe("collectPatchCompliance against the simulator", () => {
  it("stores exactly SSM's instances and counts per scope, with ceil(n/50) DescribeInstancePatchStates calls per scope", async () => {
    const result = await m.collect.collectPatchCompliance({ trigger: "cli", config: config() });
    expect(result.results.filter((r) => !r.ok)).toEqual([]);
    expect(result.status).toBe("SUCCEEDED");
    const accounts = await activeAccounts();
    expect(result.results).toHaveLength(accounts.length * REGIONS.length);

    const perScope = await m.db.$queryRaw<{ accountId: string; region: string; n: number }[]>`
      SELECT "accountId", region, count(*)::int AS n FROM patch_instances GROUP BY 1, 2`;
    const expectedCalls = perScope.reduce((sum, s) => sum + Math.ceil(s.n / 50), 0);
    expect(perScope.some((s) => s.n > 50)).toBe(true);
    expect(sim.stats().calls["SSM.DescribeInstancePatchStates"]).toBe(expectedCalls);

    // One scope compared field by field with what SSM returns.
    const biggest = perScope.sort((a, b) => b.n - a.n)[0]!;
    const scope = { accountId: biggest.accountId, region: biggest.region };
    const { instances, states } = await reference(scope);
    const rows = await m.db.patchInstance.findMany({ where: scope, orderBy: { instanceId: "asc" } });
    expect(rows.map((r) => r.instanceId)).toEqual(instances.map((i) => i.instanceId).sort());
    const byId = new Map(states.map((s) => [s.instanceId, s]));
    for (const row of rows) {
      const s = byId.get(row.instanceId)!;
      expect([row.missing, row.failed, row.installedPendingReboot, row.criticalNonCompliant, row.securityNonCompliant, row.otherNonCompliant, row.patchGroup, row.baselineId, row.operation, row.operationEndAt?.toISOString()])
        .toEqual([s.missing, s.failed, s.installedPendingReboot, s.criticalNonCompliant, s.securityNonCompliant, s.otherNonCompliant, s.patchGroup, s.baselineId, s.operation, s.operationEndAt.toISOString()]);
    }

    // The run log has one "patches" run per scope; the collection record its totals.
    expect(await m.db.syncRun.count({ where: { kind: "patches", status: "SUCCEEDED" } })).toBe(accounts.length * REGIONS.length);
    const collection = await m.db.patchCollection.findUniqueOrThrow({ where: { id: result.id } });
    expect(collection).toMatchObject({ status: "SUCCEEDED", scopesTotal: result.results.length, scopesDone: result.results.length, scopesFailed: 0, instances: result.instances });
    expect(collection.sourceClockAt.toISOString()).toBe(sim.now().toISOString());
  });

  it("a denied account fails alone with AWS's message and keeps its previous rows; the others are replaced", async () => {
    await m.collect.collectPatchCompliance({ trigger: "cli", config: config() });
    const accounts = await activeAccounts();
    const denied = accounts[1]!;
    const before = await m.db.patchInstance.findMany({ where: { accountId: denied }, orderBy: [{ region: "asc" }, { instanceId: "asc" }] });
    expect(before.length).toBeGreaterThan(0);
    // An instance still being scanned (the newest operation), so the next collection brings a newer one.
    const otherBefore = await m.db.patchInstance.findFirstOrThrow({ where: { accountId: { not: denied } }, orderBy: { operationEndAt: { sort: "desc", nulls: "last" } } });

    sim.setFaults({ deniedAccounts: [denied] });
    sim.advance(2 * 86_400_000);
    const second = await m.collect.collectPatchCompliance({ trigger: "cli", config: config() });
    expect(second.status).toBe("PARTIAL");
    const failed = second.results.filter((r) => !r.ok);
    expect(failed.map((r) => r.scope).sort()).toEqual(REGIONS.map((r) => `${denied}/${r}`).sort());
    expect(failed.every((r) => /AccessDenied/.test(r.error ?? ""))).toBe(true);
    expect(second.results.filter((r) => r.ok)).toHaveLength((accounts.length - 1) * REGIONS.length);

    expect(await m.db.patchInstance.findMany({ where: { accountId: denied }, orderBy: [{ region: "asc" }, { instanceId: "asc" }] })).toEqual(before);
    const otherAfter = await m.db.patchInstance.findUniqueOrThrow({ where: { accountId_region_instanceId: { accountId: otherBefore.accountId, region: otherBefore.region, instanceId: otherBefore.instanceId } } });
    expect(otherAfter.collectedAt.getTime()).toBeGreaterThan(otherBefore.collectedAt.getTime());
    expect(otherAfter.operationEndAt!.getTime()).toBeGreaterThan(otherBefore.operationEndAt!.getTime());

    const runs = await m.db.syncRun.findMany({ where: { kind: "patches", status: "FAILED" } });
    expect(runs.map((r) => r.scope).sort()).toEqual(REGIONS.map((r) => `${denied}/${r}`).sort());
    const collection = await m.db.patchCollection.findUniqueOrThrow({ where: { id: second.id } });
    expect(collection.scopesFailed).toBe(REGIONS.length);
    expect((collection.errors as { scope: string; error: string }[]).map((e) => e.scope).sort()).toEqual(REGIONS.map((r) => `${denied}/${r}`).sort());
  });

  it("keeps one snapshot row per day × account × region with the latest figures when collecting twice a day; another day adds rows", async () => {
    await m.collect.collectPatchCompliance({ trigger: "cli", config: config() });
    const keys = await m.db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT ("accountId", region))::int AS n FROM patch_instances`;
    const first = await m.db.patchSnapshot.findMany({ orderBy: [{ accountId: "asc" }, { region: "asc" }] });
    expect(first).toHaveLength(keys[0]!.n);
    expect(first.reduce((n, s) => n + s.instances, 0)).toBe(await m.db.patchInstance.count());
    expect(first.every((s) => s.compliant + s.nonCompliant + s.stale === s.instances)).toBe(true);

    sim.advance(3 * 3_600_000); // the same simulated day (it starts at midnight)
    await m.collect.collectPatchCompliance({ trigger: "cli", config: config() });
    const second = await m.db.patchSnapshot.findMany({ orderBy: [{ accountId: "asc" }, { region: "asc" }] });
    expect(second).toHaveLength(first.length);
    expect(new Set(second.map((s) => s.day.toISOString()))).toEqual(new Set([first[0]!.day.toISOString()]));
    expect(second.every((s, i) => s.updatedAt.getTime() > first[i]!.updatedAt.getTime())).toBe(true);

    sim.advance(86_400_000);
    await m.collect.collectPatchCompliance({ trigger: "cli", config: config() });
    expect(await m.db.patchSnapshot.count()).toBe(first.length * 2);
  });

  it("Collect now: audited, one collection at a time, progress on the collection record", async () => {
    const u = await m.createTestUser({ role: "ANALYST" });
    const actor = { id: u.id, email: u.email, name: null, role: "ANALYST" as const, locale: null };
    sim.setFaults({ latencyMs: 20 });
    const first = await m.request.requestPatchCollection({ actor, ip: "10.0.0.9" });
    expect(first.started).toBe(true);
    expect(first.collection.status).toBe("RUNNING");
    const again = await m.request.requestPatchCollection({ actor });
    expect(again).toMatchObject({ started: false, collection: { id: first.collection.id } });

    await expect.poll(async () => (await m.request.latestPatchCollection())?.status, { timeout: 30_000, interval: 100 }).toBe("SUCCEEDED");
    const done = (await m.request.latestPatchCollection())!;
    expect(done.scopesDone).toBe(done.scopesTotal);
    expect(done.instances).toBe(await m.db.patchInstance.count());
    const audit = await m.db.auditLog.findMany({ where: { action: "patches.collect" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: u.id, targetId: first.collection.id, ip: "10.0.0.9" });
  });
});
