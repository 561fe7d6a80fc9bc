import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DescribeClusterCommand, EKSClient, ListClustersCommand } from "@aws-sdk/client-eks";
import { LambdaClient, ListFunctionsCommand, type FunctionConfiguration } from "@aws-sdk/client-lambda";
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { DescribeInstanceInformationCommand, GetInventoryCommand, SSMClient, type InventoryResultEntity } from "@aws-sdk/client-ssm";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { buildInventory } from "./data/inventory";
import { buildOrganization } from "./data/organization";
import { buildFleet, missingAssociations } from "./data/ssm";
import { DEFAULT_START_TIME, startSimulator, type TSimulator } from "./index";
import { ADMIN_CREDENTIALS, clients } from "./test-helpers";

// Lambda, RDS, EKS and SSM inventory in the simulator, through the real SDK clients: what the EOL discovery reads.

const SEED = 7;
const org = buildOrganization(SEED);
let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: SEED, scale: 3000 });
});
afterEach(() => sim.setFaults({ deniedAccounts: [] }));
afterAll(() => sim.close());

type TCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const account = (name: string) => org.accounts.find((a) => a.name === name)!;
const expected = (name: string, region: number) => buildInventory(SEED, 3000, org, account(name), region, DEFAULT_START_TIME.getTime());

async function memberCredentials(name: string): Promise<TCredentials> {
  const { Credentials } = await clients(sim).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account(name).id}:role/KanshiReadRole`, RoleSessionName: "kanshi" }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
}

function config(credentials: TCredentials = ADMIN_CREDENTIALS, region = "us-east-1") {
  return { endpoint: sim.url, region, credentials, maxAttempts: 1 };
}

async function allFunctions(client: LambdaClient, MaxItems?: number): Promise<{ functions: FunctionConfiguration[]; pages: number }> {
  const functions: FunctionConfiguration[] = [];
  let Marker: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new ListFunctionsCommand({ MaxItems, Marker }));
    pages++;
    functions.push(...(page.Functions ?? []));
    Marker = page.NextMarker;
  } while (Marker);
  return { functions, pages };
}

describe("Lambda ListFunctions", () => {
  it("pages a member's functions with Marker/MaxItems, each once, with their runtimes", async () => {
    const client = new LambdaClient(config(await memberCredentials("prod-web")));
    const want = expected("prod-web", 0).functions;
    expect(want.length).toBeGreaterThan(5);
    const { functions, pages } = await allFunctions(client, 5);
    expect(pages).toBe(Math.ceil(want.length / 5));
    expect(functions.map((f) => f.FunctionArn)).toEqual(want.map((f) => f.arn));
    expect(functions.map((f) => f.Runtime ?? null)).toEqual(want.map((f) => f.runtime));
    for (const f of functions) {
      expect(f.FunctionArn).toMatch(new RegExp(`^arn:aws:lambda:us-east-1:${account("prod-web").id}:function:`));
      expect(f.PackageType).toBe(f.Runtime ? "Zip" : "Image");
      expect(f.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    }
    expect((await allFunctions(client)).pages).toBe(1);
  });

  it("rejects MaxItems below 1 and a foreign Marker", async () => {
    const client = new LambdaClient(config());
    await expect(client.send(new ListFunctionsCommand({ MaxItems: 0 }))).rejects.toMatchObject({ name: "ValidationException", $metadata: { httpStatusCode: 400 } });
    await expect(client.send(new ListFunctionsCommand({ Marker: "bm9wZXwx" }))).rejects.toMatchObject({ name: "InvalidParameterValueException" });
  });
});

describe("RDS DescribeDBInstances / DescribeDBClusters", () => {
  it("lists a member's instances (Aurora members with their cluster) and clusters with their engine versions", async () => {
    const scope = Array.from({ length: 3 }, (_, r) => ({ r, inv: expected("prod-payments", r) })).find((s) => s.inv.clusters.length > 0 && s.inv.instances.some((i) => !i.clusterId))!;
    const client = new RDSClient(config(await memberCredentials("prod-payments"), org.regions[scope.r]));
    const instances = (await client.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }))).DBInstances ?? [];
    expect(instances.map((i) => [i.DBInstanceArn, i.Engine, i.EngineVersion, i.DBClusterIdentifier ?? null])).toEqual(scope.inv.instances.map((i) => [i.arn, i.engine, i.engineVersion, i.clusterId]));
    expect(instances[0]!.InstanceCreateTime).toBeInstanceOf(Date);
    const clusters = (await client.send(new DescribeDBClustersCommand({}))).DBClusters ?? [];
    expect(clusters.map((c) => [c.DBClusterArn, c.Engine, c.EngineVersion])).toEqual(scope.inv.clusters.map((c) => [c.arn, c.engine, c.engineVersion]));
    expect(clusters[0]!.DBClusterMembers!.filter((m) => m.IsClusterWriter)).toHaveLength(1);
    const engine = scope.inv.instances[0]!.engine;
    const filtered = await client.send(new DescribeDBInstancesCommand({ Filters: [{ Name: "engine", Values: [engine] }] }));
    expect(filtered.DBInstances!.length).toBe(scope.inv.instances.filter((i) => i.engine === engine).length);
  });

  it("pages with Marker/MaxRecords in a big organization, each instance once", async () => {
    const big = await startSimulator({ seed: SEED, scale: 300_000 });
    try {
      const want = buildInventory(SEED, 300_000, org, account("prod-web"), 0, DEFAULT_START_TIME.getTime()).instances;
      expect(want.length).toBeGreaterThan(20);
      const client = new RDSClient({ ...config(), endpoint: big.url });
      const ids: string[] = [];
      let Marker: string | undefined;
      let pages = 0;
      const credentials = await (async () => {
        const { Credentials } = await clients(big).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account("prod-web").id}:role/KanshiReadRole`, RoleSessionName: "kanshi" }));
        return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
      })();
      const member = new RDSClient({ ...config(credentials), endpoint: big.url });
      do {
        const page = await member.send(new DescribeDBInstancesCommand({ MaxRecords: 20, Marker }));
        pages++;
        ids.push(...(page.DBInstances ?? []).map((i) => i.DBInstanceIdentifier!));
        Marker = page.Marker;
      } while (Marker);
      expect(pages).toBe(Math.ceil(want.length / 20));
      expect(ids).toEqual(want.map((i) => i.id));
      // A marker belongs to its operation and caller.
      const first = await member.send(new DescribeDBInstancesCommand({ MaxRecords: 20 }));
      await expect(member.send(new DescribeDBClustersCommand({ Marker: first.Marker }))).rejects.toMatchObject({ name: "InvalidParameterValue" });
      await expect(client.send(new DescribeDBInstancesCommand({ Marker: first.Marker }))).rejects.toMatchObject({ name: "InvalidParameterValue" });
    } finally {
      await big.close();
    }
  });

  it("answers validation errors in RDS's XML: MaxRecords outside 20–100, bad marker, unknown identifier or filter", async () => {
    const client = new RDSClient(config());
    await expect(client.send(new DescribeDBInstancesCommand({ MaxRecords: 19 }))).rejects.toMatchObject({ name: "InvalidParameterValue", $metadata: { httpStatusCode: 400 } });
    await expect(client.send(new DescribeDBClustersCommand({ MaxRecords: 101 }))).rejects.toMatchObject({ name: "InvalidParameterValue" });
    await expect(client.send(new DescribeDBInstancesCommand({ Marker: "bm9wZXwx" }))).rejects.toMatchObject({ name: "InvalidParameterValue" });
    await expect(client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "no-such-db" }))).rejects.toMatchObject({ name: "DBInstanceNotFoundFault", $metadata: { httpStatusCode: 404 } });
    await expect(client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "no-such-cluster" }))).rejects.toMatchObject({ name: "DBClusterNotFoundFault" });
    await expect(client.send(new DescribeDBInstancesCommand({ Filters: [{ Name: "vpc-id", Values: ["x"] }] }))).rejects.toMatchObject({ name: "InvalidParameterValue" });
  });
});

describe("EKS ListClusters / DescribeCluster", () => {
  it("pages cluster names and describes each with its Kubernetes version; an unknown name is ResourceNotFoundException", async () => {
    const name = org.accounts.filter((a) => a.status === "ACTIVE").map((a) => a.name).find((n) => expected(n, 0).eks.length >= 2)!;
    const want = expected(name, 0).eks;
    const client = new EKSClient(config(await memberCredentials(name)));
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListClustersCommand({ maxResults: 1, nextToken }));
      pages++;
      names.push(...(page.clusters ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toBe(want.length);
    expect(names).toEqual(want.map((c) => c.name));
    const { cluster } = await client.send(new DescribeClusterCommand({ name: names[0]! }));
    expect(cluster).toMatchObject({ name: want[0]!.name, arn: want[0]!.arn, version: want[0]!.version, status: "ACTIVE" });
    expect(cluster!.version).toMatch(/^1\.(2[5-9]|3[0-4])$/);
    expect(cluster!.createdAt).toBeInstanceOf(Date);
    await expect(client.send(new DescribeClusterCommand({ name: "no-such-cluster" }))).rejects.toMatchObject({ name: "ResourceNotFoundException", $metadata: { httpStatusCode: 404 } });
    await expect(client.send(new ListClustersCommand({ maxResults: 101 }))).rejects.toMatchObject({ name: "InvalidParameterException" });
  });
});

describe("SSM GetInventory (AWS:InstanceInformation)", () => {
  const attributes = [{ TypeName: "AWS:InstanceInformation" }];

  async function allEntities(client: SSMClient, MaxResults?: number): Promise<{ entities: InventoryResultEntity[]; pages: number }> {
    const entities: InventoryResultEntity[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new GetInventoryCommand({ ResultAttributes: attributes, MaxResults, NextToken }));
      pages++;
      entities.push(...(page.Entities ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return { entities, pages };
  }

  it("returns the OS of every instance of the SSM fleet, paged, consistent with DescribeInstanceInformation", async () => {
    const client = new SSMClient(config(await memberCredentials("prod-api")));
    const fleet = buildFleet(SEED, 3000, org, account("prod-api"), 0, DEFAULT_START_TIME.getTime());
    const { entities, pages } = await allEntities(client, 3);
    expect(pages).toBe(Math.ceil(fleet.length / 3));
    expect(entities.map((e) => e.Id)).toEqual(fleet.map((i) => i.instanceId));
    const info = (await client.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }))).InstanceInformationList ?? [];
    for (const e of entities) {
      const data = e.Data!["AWS:InstanceInformation"]!;
      const content = data.Content![0]!;
      const same = info.find((i) => i.InstanceId === e.Id)!;
      expect([content.PlatformName, content.PlatformVersion, content.PlatformType]).toEqual([same.PlatformName, same.PlatformVersion, same.PlatformType]);
      expect(data.CaptureTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    const linux = await client.send(new GetInventoryCommand({ Filters: [{ Key: "AWS:InstanceInformation.PlatformType", Values: ["Linux"], Type: "Equal" }] }));
    expect(linux.Entities!.length).toBe(fleet.filter((i) => i.platform.type === "Linux").length);
  });

  it("has no inventory where the gather-inventory association is missing; rejects bad MaxResults and other types", async () => {
    const missing = missingAssociations(SEED, org).find((m) => m.kind === "inventory")!;
    const name = org.accounts[missing.account]!.name;
    const client = new SSMClient(config(await memberCredentials(name)));
    expect(buildFleet(SEED, 3000, org, account(name), 0, DEFAULT_START_TIME.getTime()).length).toBeGreaterThan(0);
    expect((await allEntities(client)).entities).toEqual([]);
    await expect(client.send(new GetInventoryCommand({ MaxResults: 51 }))).rejects.toMatchObject({ name: "ValidationException" });
    await expect(client.send(new GetInventoryCommand({ ResultAttributes: [{ TypeName: "AWS:Application" }] }))).rejects.toMatchObject({ name: "InvalidResultAttributeException" });
  });
});

describe("scope and access", () => {
  it("a member read role sees only its own account and region; base credentials see the administrator's", async () => {
    const credentials = await memberCredentials("staging-web");
    const id = account("staging-web").id;
    const lambda = (await allFunctions(new LambdaClient(config(credentials, "eu-west-1")))).functions;
    expect(lambda.length).toBe(expected("staging-web", 2).functions.length);
    expect(lambda.every((f) => f.FunctionArn!.startsWith(`arn:aws:lambda:eu-west-1:${id}:`))).toBe(true);
    const dbs = (await new RDSClient(config(credentials, "eu-west-1")).send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    expect(dbs.every((d) => d.DBInstanceArn!.startsWith(`arn:aws:rds:eu-west-1:${id}:`))).toBe(true);
    const admin = (await allFunctions(new LambdaClient(config()))).functions;
    expect(admin.map((f) => f.FunctionArn)).toEqual(expected("security-tooling", 0).functions.map((f) => f.arn));
    expect((await allFunctions(new LambdaClient(config(credentials, "sa-east-1")))).functions).toEqual([]);
  });

  it("a denied account gets AccessDenied in each service's own format", async () => {
    const credentials = await memberCredentials("dev-platform");
    sim.setFaults({ deniedAccounts: [account("dev-platform").id] });
    await expect(new LambdaClient(config(credentials)).send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } });
    await expect(new RDSClient(config(credentials)).send(new DescribeDBInstancesCommand({}))).rejects.toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    await expect(new EKSClient(config(credentials)).send(new ListClustersCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } });
    await expect(new SSMClient(config(credentials)).send(new GetInventoryCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } });
    // Other accounts are unaffected.
    await expect(new LambdaClient(config(await memberCredentials("prod-web"))).send(new ListFunctionsCommand({}))).resolves.toMatchObject({ Functions: expect.any(Array) });
  });

  it("throttles in each service's own format when faults say so", async () => {
    sim.setFaults({ throttleRate: 1 });
    try {
      await expect(new LambdaClient(config()).send(new ListFunctionsCommand({}))).rejects.toMatchObject({ name: "TooManyRequestsException", $metadata: { httpStatusCode: 429 } });
      await expect(new RDSClient(config()).send(new DescribeDBClustersCommand({}))).rejects.toMatchObject({ name: "Throttling", $metadata: { httpStatusCode: 400 } });
      await expect(new EKSClient(config()).send(new ListClustersCommand({}))).rejects.toMatchObject({ name: "ThrottlingException", $metadata: { httpStatusCode: 429 } });
      await expect(new SSMClient(config()).send(new GetInventoryCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
    } finally {
      sim.setFaults({ throttleRate: 0 });
    }
  });

  it("counts the new operations in the simulator's stats", async () => {
    sim.resetStats();
    await new EKSClient(config()).send(new ListClustersCommand({}));
    await new RDSClient(config()).send(new DescribeDBClustersCommand({}));
    expect(sim.stats().calls).toMatchObject({ "EKS.ListClusters": 1, "RDS.DescribeDBClusters": 1 });
  });
});
