import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DescribeInstanceInformationCommand, DescribeInstancePatchStatesCommand, DescribeInstancePatchStatesForPatchGroupCommand,
  DescribePatchBaselinesCommand, ListAssociationsCommand, SSMClient, type InstanceInformation, type InstancePatchState,
} from "@aws-sdk/client-ssm";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { startSimulator, type TSimulator } from "./index";
import { ADMIN_CREDENTIALS, clients } from "./test-helpers";

const DAY = 86_400_000;
let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 5, scale: 3000 });
});
afterAll(() => sim.close());

type TCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

function ssmClient(s: TSimulator, region = "us-east-1", credentials: TCredentials = ADMIN_CREDENTIALS): SSMClient {
  return new SSMClient({ endpoint: s.url, region, credentials, maxAttempts: 1 });
}

async function memberCredentials(s: TSimulator, accountName: string): Promise<TCredentials> {
  const target = s.organization().accounts.find((a) => a.name === accountName)!;
  const { Credentials } = await clients(s).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${target.id}:role/KanshiReadRole`, RoleSessionName: "kanshi" }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
}

async function allInstances(client: SSMClient, maxResults = 50): Promise<{ instances: InstanceInformation[]; pages: number }> {
  const instances: InstanceInformation[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new DescribeInstanceInformationCommand({ MaxResults: maxResults, NextToken }));
    pages++;
    instances.push(...(page.InstanceInformationList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return { instances, pages };
}

async function patchStates(client: SSMClient, ids: string[]): Promise<InstancePatchState[]> {
  const out: InstancePatchState[] = [];
  for (let n = 0; n < ids.length; n += 50) {
    const page = await client.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids.slice(n, n + 50) }));
    out.push(...(page.InstancePatchStates ?? []));
  }
  return out;
}

describe("SSM DescribeInstanceInformation", () => {
  it("pages the caller's fleet 5 at a time, each instance once, with AWS-shaped fields", async () => {
    const client = ssmClient(sim);
    const { instances, pages } = await allInstances(client, 5);
    expect(instances.length).toBeGreaterThanOrEqual(2);
    expect(pages).toBe(Math.ceil(instances.length / 5));
    expect(new Set(instances.map((i) => i.InstanceId)).size).toBe(instances.length);
    expect((await allInstances(client)).instances).toEqual(instances);
    for (const i of instances) {
      expect(i.InstanceId).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(["Linux", "Windows"]).toContain(i.PlatformType);
      expect(["Online", "ConnectionLost", "Inactive"]).toContain(i.PingStatus);
      expect(i.LastPingDateTime).toBeInstanceOf(Date);
      expect(i.ComputerName).toBeTruthy();
    }
  });

  it("rejects MaxResults outside 5–50 and foreign tokens; filters by PingStatus", async () => {
    const client = ssmClient(sim);
    await expect(client.send(new DescribeInstanceInformationCommand({ MaxResults: 4 }))).rejects.toMatchObject({ name: "ValidationException", $metadata: { httpStatusCode: 400 } });
    await expect(client.send(new DescribeInstanceInformationCommand({ MaxResults: 51 }))).rejects.toMatchObject({ name: "ValidationException" });
    await expect(client.send(new DescribeInstanceInformationCommand({ NextToken: "bm9wZQ" }))).rejects.toMatchObject({ name: "InvalidNextToken" });
    const online = await client.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: "PingStatus", Values: ["Online"] }] }));
    expect(online.InstanceInformationList?.every((i) => i.PingStatus === "Online")).toBe(true);
  });

  it("the fleet has every platform across the organization", async () => {
    const platforms = new Set<string>();
    for (const name of ["prod-web", "prod-payments", "shared-services"]) {
      const { instances } = await allInstances(ssmClient(sim, "us-east-1", await memberCredentials(sim, name)));
      expect(instances.length).toBeLessThanOrEqual(60);
      for (const i of instances) platforms.add(`${i.PlatformName} ${i.PlatformVersion}`);
    }
    expect(platforms.size).toBeGreaterThanOrEqual(5);
  });
});

describe("SSM DescribeInstancePatchStates", () => {
  it("takes 1–50 instance ids; unknown ids are simply absent", async () => {
    const client = ssmClient(sim);
    const ids = (await allInstances(client)).instances.map((i) => i.InstanceId!);
    const fake = Array.from({ length: 51 }, (_, n) => `i-0${n.toString(16).padStart(16, "f")}`);
    const error = await client.send(new DescribeInstancePatchStatesCommand({ InstanceIds: fake })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ValidationException", $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain("Member must have length less than or equal to 50");
    await expect(client.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [] }))).rejects.toMatchObject({ name: "ValidationException" });
    const states = await patchStates(client, [...ids, ...fake.slice(0, 50 - (ids.length % 50))]);
    expect(states.map((s) => s.InstanceId).sort()).toEqual([...ids].sort());
    for (const s of states) {
      expect(s.BaselineId).toMatch(/^pb-0[0-9a-f]{16}$/);
      expect(["Scan", "Install"]).toContain(s.Operation);
      expect(s.OperationEndTime!.getTime()).toBeGreaterThanOrEqual(s.OperationStartTime!.getTime());
      expect(s.OperationEndTime!.getTime()).toBeLessThanOrEqual(sim.now().getTime());
      expect(s.SecurityNonCompliantCount!).toBeGreaterThanOrEqual(s.CriticalNonCompliantCount!);
      expect(s.SecurityNonCompliantCount! + s.OtherNonCompliantCount!).toBe(s.MissingCount! + s.FailedCount!);
    }
  });

  it("a member role sees only its own account and region", async () => {
    const adminIds = (await allInstances(ssmClient(sim))).instances.map((i) => i.InstanceId!);
    const member = ssmClient(sim, "ap-northeast-1", await memberCredentials(sim, "prod-web"));
    const memberIds = (await allInstances(member)).instances.map((i) => i.InstanceId!);
    expect(memberIds.length).toBeGreaterThan(0);
    expect(memberIds.filter((id) => adminIds.includes(id))).toEqual([]);
    expect(await patchStates(member, adminIds)).toEqual([]);
    expect((await patchStates(member, memberIds)).length).toBe(memberIds.length);
    const sameAccountOtherRegion = ssmClient(sim, "eu-west-1", await memberCredentials(sim, "prod-web"));
    expect(await patchStates(sameAccountOtherRegion, memberIds)).toEqual([]);
  });

  it("is deterministic from the seed", async () => {
    const twin = await startSimulator({ seed: 5, scale: 3000 });
    const other = await startSimulator({ seed: 6, scale: 3000 });
    try {
      const a = (await allInstances(ssmClient(sim))).instances;
      const b = (await allInstances(ssmClient(twin))).instances;
      const strip = (list: InstanceInformation[]) => list.map(({ LastPingDateTime: _ping, LastAssociationExecutionDate: _exec, ...rest }) => rest);
      expect(strip(b)).toEqual(strip(a));
      const ids = a.map((i) => i.InstanceId!);
      expect(await patchStates(ssmClient(twin), ids)).toEqual(await patchStates(ssmClient(sim), ids));
      const c = (await allInstances(ssmClient(other))).instances;
      expect(c.map((i) => i.InstanceId)).not.toEqual(ids);
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it("stale scans exist, and advancing the clock runs scans and installs on the rest", async () => {
    const local = await startSimulator({ seed: 5, scale: 3000 });
    try {
      const states = async (): Promise<InstancePatchState[]> => {
        const out: InstancePatchState[] = [];
        for (const name of ["prod-web", "prod-payments", "shared-services", "staging-web"]) {
          const client = ssmClient(local, "us-east-1", await memberCredentials(local, name));
          out.push(...(await patchStates(client, (await allInstances(client)).instances.map((i) => i.InstanceId!))));
        }
        return out;
      };
      const before = await states();
      const now = local.now().getTime();
      const stale = before.filter((s) => now - s.OperationEndTime!.getTime() > 7 * DAY);
      expect(stale.length).toBeGreaterThan(0);
      expect(stale.length).toBeLessThan(before.length / 2);
      expect(before.some((s) => s.Operation === "Install")).toBe(true);
      expect(before.some((s) => s.MissingCount! > 0)).toBe(true);
      local.advance(3 * DAY);
      const after = await states();
      expect(after.map((s) => s.InstanceId)).toEqual(before.map((s) => s.InstanceId));
      const staleIds = new Set(stale.map((s) => s.InstanceId));
      const changed = after.filter((s, n) => JSON.stringify(s) !== JSON.stringify(before[n]));
      expect(changed.length).toBeGreaterThan(before.length / 2);
      expect(changed.some((s) => staleIds.has(s.InstanceId))).toBe(false);
      expect(after.filter((s, n) => s.MissingCount !== before[n]!.MissingCount).length).toBeGreaterThan(0);
    } finally {
      await local.close();
    }
  });

  it("DescribeInstancePatchStatesForPatchGroup returns the group's instances", async () => {
    const client = ssmClient(sim, "us-east-1", await memberCredentials(sim, "prod-web"));
    const { instances } = await allInstances(client);
    const states = await patchStates(client, instances.map((i) => i.InstanceId!));
    const group = states.find((s) => s.PatchGroup)!.PatchGroup!;
    const page = await client.send(new DescribeInstancePatchStatesForPatchGroupCommand({ PatchGroup: group, MaxResults: 100 }));
    expect(page.InstancePatchStates?.map((s) => s.InstanceId).sort()).toEqual(states.filter((s) => s.PatchGroup === group).map((s) => s.InstanceId).sort());
  });
});

describe("SSM baselines and associations", () => {
  it("has a default baseline per operating system", async () => {
    const { BaselineIdentities } = await ssmClient(sim).send(new DescribePatchBaselinesCommand({}));
    const defaults = BaselineIdentities!.filter((b) => b.DefaultBaseline);
    expect(defaults.map((b) => b.OperatingSystem).sort()).toEqual(["AMAZON_LINUX_2", "AMAZON_LINUX_2023", "REDHAT_ENTERPRISE_LINUX", "UBUNTU", "WINDOWS"]);
  });

  it("has inventory and patch associations everywhere except in one or two account-regions", async () => {
    const org = sim.organization();
    const lacking: string[] = [];
    let complete = 0;
    for (const account of org.accounts.filter((a) => a.name !== "research-sandbox")) {
      const credentials = await memberCredentials(sim, account.name);
      for (const region of org.regions) {
        const { Associations } = await ssmClient(sim, region, credentials).send(new ListAssociationsCommand({}));
        const names = (Associations ?? []).map((a) => a.Name).sort();
        if (names.join() === "AWS-GatherSoftwareInventory,AWS-RunPatchBaseline") complete++;
        else lacking.push(`${account.name}/${region}:${names.join()}`);
      }
    }
    expect(complete).toBeGreaterThan(30);
    expect(new Set(lacking.map((l) => l.split("/")[0])).size).toBe(2);
    const only = await ssmClient(sim).send(new ListAssociationsCommand({ AssociationFilterList: [{ key: "Name", value: "AWS-RunPatchBaseline" }] }));
    expect(only.Associations?.map((a) => a.Name)).toEqual(["AWS-RunPatchBaseline"]);
  });
});

describe("SSM faults", () => {
  it("applies AccessDenied, throttling and 5xx as for the other services", async () => {
    const credentials = await memberCredentials(sim, "staging-api");
    const target = sim.organization().accounts.find((a) => a.name === "staging-api")!;
    const client = ssmClient(sim, "us-east-1", credentials);
    sim.setFaults({ deniedAccounts: [target.id] });
    try {
      await expect(client.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } });
    } finally {
      sim.setFaults({ deniedAccounts: [] });
    }
    sim.setFaults({ throttleRate: 1 });
    try {
      await expect(client.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
    } finally {
      sim.setFaults({ throttleRate: 0 });
    }
    sim.setFaults({ errorRate: 1 });
    try {
      const error = await client.send(new DescribeInstanceInformationCommand({})).catch((e: unknown) => e);
      expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBeGreaterThanOrEqual(500);
    } finally {
      sim.setFaults({ errorRate: 0 });
    }
  });
});
