import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AwsContext } from "@/server/aws/clients";
import { listClusters } from "@/server/aws/eks";
import { listFunctions } from "@/server/aws/lambda";
import { listDbClusters, listDbInstances } from "@/server/aws/rds";
import { RateLimiter } from "@/server/aws/rate-limiter";
import { listInstanceOs } from "@/server/aws/ssm-inventory";
import { DEFAULT_START_TIME, startSimulator, type TSimulator } from "@/server/simulator";
import { buildInventory, type TSoftwareInventory } from "@/server/simulator/data/inventory";
import { buildOrganization } from "@/server/simulator/data/organization";
import { buildFleet, hasAssociation, missingAssociations } from "@/server/simulator/data/ssm";
import { cycleStatus, findProduct } from "./catalog";
import { discoverSoftware, discoveryScopes, mapDiscovered } from "./discover";
import type { TDiscoveryResult } from "./discovery.types";

// The inventory adapters and discovery through the real SDK clients against the simulator (fan-out:
// the member read role in every account and region).

const SEED = 11;
const org = buildOrganization(SEED);
const active = org.accounts.filter((a) => a.status === "ACTIVE");
const scopes = active.flatMap((a) => org.regions.map((region) => ({ accountId: a.id, region })));
let sim: TSimulator;
let ctx: AwsContext;
let all: TDiscoveryResult;

function eolOf(product: string, cycle: string) {
  return findProduct(product)?.cycles.find((c) => c.cycle === cycle)?.eol ?? null;
}

function newContext(limiter = new RateLimiter(false)) {
  return new AwsContext({ endpoint: sim.url, credentials: { accessKeyId: "AKIADISCOVERYTEST001", secretAccessKey: "x" }, roleName: "KanshiReadRole", externalId: "kanshi-test" }, limiter, 2);
}

function held(accountId: string, region: string): TSoftwareInventory & { os: number; inventoried: number } {
  const account = org.accounts.find((a) => a.id === accountId)!;
  const r = org.regions.indexOf(region);
  const inventory = buildInventory(SEED, 3000, org, account, r, DEFAULT_START_TIME.getTime());
  const fleet = buildFleet(SEED, 3000, org, account, r, DEFAULT_START_TIME.getTime()).length;
  // GetInventory knows the fleet only where the gather-inventory association runs
  const inventoried = hasAssociation(SEED, org, account.index, r, "inventory") ? fleet : 0;
  return { ...inventory, os: fleet, inventoried };
}

beforeAll(async () => {
  sim = await startSimulator({ seed: SEED, scale: 3000 });
  ctx = newContext();
  all = await discoverSoftware(ctx, scopes);
});
afterAll(async () => {
  ctx.destroy();
  await sim.close();
});

describe("inventory adapters", () => {
  const scope = () => ({ accountId: active.find((a) => a.name === "prod-web")!.id, region: "us-east-1" });

  it("page through everything the simulator holds, through the rate limiter", async () => {
    const s = scope();
    const want = held(s.accountId, s.region);
    const taken: string[] = [];
    const limiter = new RateLimiter(false);
    const take = limiter.take.bind(limiter);
    limiter.take = (service, operation, sc) => {
      taken.push(`${service}:${operation}:${sc.accountId}:${sc.region}`);
      return take(service, operation, sc);
    };
    const local = newContext(limiter);
    try {
      expect((await listFunctions(local.lambda(s), limiter, s)).map((f) => f.arn)).toEqual(want.functions.map((f) => f.arn));
      expect((await listDbInstances(local.rds(s), limiter, s)).map((i) => [i.arn, i.clusterId])).toEqual(want.instances.map((i) => [i.arn, i.clusterId]));
      expect((await listDbClusters(local.rds(s), limiter, s)).map((c) => [c.arn, c.members.length])).toEqual(want.clusters.map((c) => [c.arn, c.members.length]));
      expect((await listClusters(local.eks(s), limiter, s)).map((c) => [c.arn, c.version])).toEqual(want.eks.map((c) => [c.arn, c.version]));
      const os = await listInstanceOs(local.ssm(s), limiter, s);
      expect(os).toHaveLength(want.inventoried);
      expect(os.every((i) => i.platformName && i.capturedAt instanceof Date)).toBe(true);
    } finally {
      local.destroy();
    }
    const key = (op: string) => `${op}:${s.accountId}:${s.region}`;
    expect(taken).toEqual(expect.arrayContaining([key("lambda:ListFunctions"), key("rds:DescribeDBInstances"), key("rds:DescribeDBClusters"), key("eks:ListClusters"), key("ssm:GetInventory")]));
    expect(taken.filter((t) => t === key("eks:DescribeCluster"))).toHaveLength(want.eks.length);
    expect(taken.filter((t) => t === key("ssm:GetInventory"))).toHaveLength(Math.max(1, Math.ceil(want.inventoried / 50)));
  });
});

describe("inventory adapters in a big organization", () => {
  it("follow Lambda's NextMarker 50 functions at a time", async () => {
    const big = await startSimulator({ seed: SEED, scale: 300_000 });
    const local = new AwsContext({ endpoint: big.url, credentials: { accessKeyId: "AKIADISCOVERYTEST002", secretAccessKey: "x" }, roleName: "KanshiReadRole" }, new RateLimiter(false), 1);
    try {
      const account = active.find((a) => a.name === "prod-web")!;
      const s = { accountId: account.id, region: "us-east-1" };
      const want = buildInventory(SEED, 300_000, org, account, 0, DEFAULT_START_TIME.getTime()).functions;
      expect(want.length).toBeGreaterThan(50);
      const functions = await listFunctions(local.lambda(s), local.limiter, s);
      expect(functions.map((f) => f.name)).toEqual(want.map((f) => f.name));
      expect(big.stats().calls["Lambda.ListFunctions"]).toBe(Math.ceil(want.length / 50));
    } finally {
      local.destroy();
      await big.close();
    }
  });
});

describe("discoverSoftware", () => {
  it("finds exactly what the simulator holds in every scope, Aurora clusters once (not per member)", () => {
    expect(all.scopes).toHaveLength(scopes.length * 4);
    expect(all.scopes.every((s) => s.ok)).toBe(true);
    let total = 0;
    for (const s of scopes) {
      const want = held(s.accountId, s.region);
      const found = (service: string) => all.scopes.find((x) => x.accountId === s.accountId && x.region === s.region && x.service === service)!.found;
      expect(found("lambda")).toBe(want.functions.length);
      expect(found("rds")).toBe(want.instances.filter((i) => !i.clusterId).length + want.clusters.length);
      expect(found("eks")).toBe(want.eks.length);
      expect(found("ssm")).toBe(want.os);
      total += want.functions.length + want.instances.filter((i) => !i.clusterId).length + want.clusters.length + want.eks.length + want.os;
    }
    expect(all.items).toHaveLength(total);
    expect(new Set(all.items.map((i) => i.sourceKey)).size).toBe(total);
    expect(all.items.filter((i) => i.source === "aurora").length).toBeGreaterThan(0);
    expect(all.items.some((i) => i.resourceName.includes("-instance-"))).toBe(false);
    // Where SSM inventory is not collected, the managed instances' platform still counts.
    const uninventoried = org.accounts[missingAssociations(SEED, org).find((m) => m.kind === "inventory")!.account]!;
    const fallback = all.items.filter((i) => i.source === "ssm" && i.accountId === uninventoried.id);
    expect(fallback.length).toBe(org.regions.reduce((n, r) => n + held(uninventoried.id, r).os, 0));
    expect(fallback.length).toBeGreaterThan(0);
    expect(fallback.every((i) => i.product !== null && i.cycle !== null)).toBe(true);
  });

  it("maps runtimes, engines, versions and operating systems to catalog products and cycles", () => {
    const one = (test: (i: (typeof all.items)[number]) => boolean) => {
      const found = all.items.find(test);
      expect(found).toBeDefined();
      return found!;
    };
    expect(one((i) => i.rawName === "nodejs18.x")).toMatchObject({ source: "lambda", product: "aws-lambda", cycle: "nodejs18.x", upstreamProduct: "nodejs", upstreamCycle: "18" });
    expect(one((i) => i.rawName === "python3.12")).toMatchObject({ product: "aws-lambda", cycle: "python3.12", upstreamProduct: "python", upstreamCycle: "3.12" });
    expect(one((i) => i.rawName === "postgres" && i.rawVersion === "15.4")).toMatchObject({ source: "rds", product: "amazon-rds-postgresql", cycle: "15", upstreamProduct: "postgresql", upstreamCycle: "15" });
    expect(one((i) => i.rawName === "mysql" && i.rawVersion === "5.7.44")).toMatchObject({ product: "amazon-rds-mysql", cycle: "5.7" });
    expect(one((i) => i.rawName === "aurora-postgresql")).toMatchObject({ source: "aurora", product: "amazon-aurora-postgresql" });
    expect(one((i) => i.rawName === "aurora-mysql" && i.rawVersion.startsWith("8.0"))).toMatchObject({ source: "aurora", product: expect.any(String), cycle: expect.any(String) });
    expect(one((i) => i.source === "eks")).toMatchObject({ product: "amazon-eks", cycle: expect.stringMatching(/^1\.\d\d$/) });
    expect(one((i) => i.source === "ssm" && i.rawName === "Amazon Linux" && i.rawVersion === "2")).toMatchObject({ product: "amazon-linux", cycle: "2" });
    expect(one((i) => i.source === "ssm" && i.rawName.includes("Windows Server 2019"))).toMatchObject({ product: "windows-server", cycle: "2019" });
    expect(one((i) => i.source === "ssm" && i.rawName === "Red Hat Enterprise Linux")).toMatchObject({ product: "rhel", cycle: "8" });
    // Unknown software is kept, with no product ("no EOL data").
    expect(one((i) => i.rawName === "container image")).toMatchObject({ source: "lambda", product: null, cycle: null });
    for (const i of all.items.filter((x) => x.source === "eks" || x.rawName.startsWith("nodejs") || x.rawName === "postgres")) expect(i.cycle).not.toBeNull();
  });

  it("keeps values the catalog does not know with a null product or cycle", () => {
    expect(mapDiscovered("rds", "timesten", "22.1")).toEqual({ product: null, cycle: null, upstreamProduct: null, upstreamCycle: null });
    expect(mapDiscovered("eks", "0.9", "0.9")).toMatchObject({ product: "amazon-eks", cycle: null });
    expect(mapDiscovered("ssm-os", "Plan 9", "4")).toMatchObject({ product: null, cycle: null });
  });

  it("gives the EOL views something to show at the simulator's clock: some past EOL, some within 90 days", () => {
    const today = DEFAULT_START_TIME;
    const states = all.items.filter((i) => i.product && i.cycle).map((i) => {
      const product = i.product!;
      return { key: `${product} ${i.cycle}`, state: cycleStatus({ eol: eolOf(product, i.cycle!) }, today).state };
    });
    expect(states.filter((s) => s.state === "eol").length).toBeGreaterThanOrEqual(3);
    expect(states.filter((s) => s.state === "eol30" || s.state === "eol90").length).toBeGreaterThanOrEqual(2);
  });

  it("a denied account fails alone, recorded per service with AccessDenied", async () => {
    const denied = active.find((a) => a.name === "staging-api")!.id;
    const local = newContext();
    sim.setFaults({ deniedAccounts: [denied] });
    try {
      const picked = [...scopes.filter((s) => s.accountId === denied), ...scopes.filter((s) => s.accountId !== denied).slice(0, 3)];
      const result = await discoverSoftware(local, picked);
      const failed = result.scopes.filter((s) => !s.ok);
      expect(failed.map((s) => `${s.accountId}/${s.region}/${s.service}`).sort()).toEqual(
        org.regions.flatMap((r) => ["eks", "lambda", "rds", "ssm"].map((svc) => `${denied}/${r}/${svc}`)).sort(),
      );
      expect(failed.every((s) => /AccessDenied/.test(s.error ?? "") && s.found === 0)).toBe(true);
      expect(result.items.some((i) => i.accountId === denied)).toBe(false);
      const others = result.scopes.filter((s) => s.accountId !== denied);
      expect(others.every((s) => s.ok)).toBe(true);
      expect(result.items.length).toBe(others.reduce((n, s) => n + s.found, 0));
    } finally {
      sim.setFaults({ deniedAccounts: [] });
      local.destroy();
    }
  });

  it("records a throttled service as failed after the SDK's retries", async () => {
    // The shared context already holds the read role's credentials: only the service calls are throttled.
    sim.setFaults({ throttleRate: 1 });
    sim.resetStats();
    try {
      const result = await discoverSoftware(ctx, scopes.slice(0, 2));
      expect(result.scopes).toHaveLength(8);
      expect(result.scopes.every((s) => !s.ok && /Throttl|TooManyRequests|Rate exceeded/i.test(s.error ?? ""))).toBe(true);
      expect(result.items).toEqual([]);
      expect(sim.stats().calls["Lambda.ListFunctions"]).toBe(2 * 2);
    } finally {
      sim.setFaults({ throttleRate: 0 });
    }
  });
});

describe("discoveryScopes", () => {
  it("is every ACTIVE account of the organization in every configured region", async () => {
    const id = () => String(randomInt(100_000_000_000, 999_999_999_999));
    const [a, b, suspended, outside] = [id(), id(), id(), id()];
    await db.awsAccount.createMany({
      data: [
        { id: a, name: "eol-a" }, { id: b, name: "eol-b" },
        { id: suspended, name: "eol-suspended", status: "SUSPENDED" }, { id: outside, name: "eol-outside", inOrganization: false },
      ],
    });
    const found = await discoveryScopes(["us-east-1", "eu-west-1"]);
    const key = (s: { accountId: string; region: string }) => `${s.accountId}/${s.region}`;
    expect(found.map(key)).toEqual(expect.arrayContaining([`${a}/us-east-1`, `${a}/eu-west-1`, `${b}/us-east-1`, `${b}/eu-west-1`]));
    expect(found.some((s) => s.accountId === suspended || s.accountId === outside)).toBe(false);
    expect(new Set(found.map((s) => s.region))).toEqual(new Set(["us-east-1", "eu-west-1"]));
  });
});
