import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeInstancePatchStatesCommand } from "@aws-sdk/client-ssm";
import { startSimulator, type TSimulator } from "@/server/simulator";
import { AwsContext } from "./clients";
import { RateLimiter } from "./rate-limiter";
import { getInstancePatchStates, listAssociations, listManagedInstances } from "./ssm";

// The SSM adapter through the real SDK client, against the simulator, in fan-out (assumed read role).
let sim: TSimulator;
let ctx: AwsContext;

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, scale: 3000 });
  ctx = new AwsContext({ endpoint: sim.url, credentials: { accessKeyId: "AKIAADAPTERTEST00001", secretAccessKey: "x" }, roleName: "KanshiReadRole" }, new RateLimiter(false), 1);
});
afterAll(async () => {
  ctx.destroy();
  await sim.close();
});

const accountId = (name: string) => sim.organization().accounts.find((a) => a.name === name)!.id;

describe("SSM adapter", () => {
  it("lists every managed instance of a member account and region, across pages", async () => {
    const scope = { accountId: accountId("prod-payments"), region: "us-east-1" };
    sim.resetStats();
    const instances = await listManagedInstances(ctx.ssm(scope), ctx.limiter, scope);
    expect(instances.length).toBeGreaterThan(0);
    expect(sim.stats().calls["SSM.DescribeInstanceInformation"]).toBe(Math.max(1, Math.ceil(instances.length / 50)));
    expect(new Set(instances.map((i) => i.instanceId)).size).toBe(instances.length);
    expect(instances[0]!.lastPingAt).toBeInstanceOf(Date);
    expect(instances[0]!.platformType).toMatch(/^(Linux|Windows)$/);
  });

  it("chunks 120 instance ids into 3 calls of at most 50; unknown ids are absent", async () => {
    const scope = { accountId: accountId("prod-web"), region: "us-east-1" };
    const client = ctx.ssm(scope);
    const ids = (await listManagedInstances(client, ctx.limiter, scope)).map((i) => i.instanceId);
    const padded = [...ids, ...Array.from({ length: 120 - ids.length }, (_, n) => `i-0${n.toString(16).padStart(16, "e")}`)];
    sim.resetStats();
    const states = await getInstancePatchStates(client, ctx.limiter, scope, padded);
    expect(sim.stats().calls["SSM.DescribeInstancePatchStates"]).toBe(3);
    expect(states.map((s) => s.instanceId).sort()).toEqual([...ids].sort());
    for (const s of states) {
      expect(s.operationEndAt).toBeInstanceOf(Date);
      expect(s.operationEndAt.getTime()).toBeGreaterThanOrEqual(s.operationStartAt.getTime());
      expect(s.baselineId).toMatch(/^pb-/);
    }
  });

  it("paces its calls through the rate limiter", async () => {
    const scope = { accountId: accountId("prod-web"), region: "us-east-1" };
    const taken: string[] = [];
    const limiter = new RateLimiter(false);
    const take = limiter.take.bind(limiter);
    limiter.take = (service, operation, s) => {
      taken.push(`${service}:${operation}:${s.accountId}:${s.region}`);
      return take(service, operation, s);
    };
    await getInstancePatchStates(ctx.ssm(scope), limiter, scope, Array.from({ length: 101 }, (_, n) => `i-0${n.toString(16).padStart(16, "d")}`));
    expect(taken).toEqual(Array.from({ length: 3 }, () => `ssm:DescribeInstancePatchStates:${scope.accountId}:us-east-1`));
  });

  it("lists the inventory and patch associations", async () => {
    const scope = { accountId: accountId("shared-services"), region: "eu-west-1" };
    const associations = await listAssociations(ctx.ssm(scope), ctx.limiter, scope);
    expect(associations.map((a) => a.name).sort()).toEqual(expect.arrayContaining(["AWS-GatherSoftwareInventory"]));
    for (const a of associations) {
      expect(a.lastExecutionAt).toBeInstanceOf(Date);
      expect(a.targets[0]).toEqual({ key: "InstanceIds", values: ["*"] });
    }
  });

  it("surfaces SSM's ValidationException for more than 50 ids sent directly, never from the adapter", async () => {
    const scope = { accountId: accountId("prod-web"), region: "us-east-1" };
    const ids = Array.from({ length: 51 }, (_, n) => `i-0${n.toString(16).padStart(16, "c")}`);
    await expect(ctx.ssm(scope).send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids }))).rejects.toMatchObject({ name: "ValidationException" });
    await expect(getInstancePatchStates(ctx.ssm(scope), ctx.limiter, scope, ids)).resolves.toEqual([]);
  });
});
