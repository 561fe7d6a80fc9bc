import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetFindingsCommand } from "@aws-sdk/client-securityhub";
import {
  DescribeOrganizationCommand, ListAccountsCommand, ListAccountsForParentCommand, ListDelegatedAdministratorsCommand,
  ListOrganizationalUnitsForParentCommand, ListRootsCommand, ListTagsForResourceCommand, type Account, type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { startSimulator, type TSimulator } from "./index";
import { clients, readAllFindings } from "./test-helpers";

let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scale: 3000 });
});
afterAll(() => sim.close());

type TNode = { id: string; name: string; children: TNode[]; accounts: Account[] };

async function walk(org: OrganizationsClient, id: string, name: string, stats: { emptyPages: number }): Promise<TNode> {
  const node: TNode = { id, name, children: [], accounts: [] };
  let token: string | undefined;
  do {
    const page = await org.send(new ListAccountsForParentCommand({ ParentId: id, NextToken: token }));
    if (page.Accounts?.length === 0 && page.NextToken) stats.emptyPages++;
    node.accounts.push(...(page.Accounts ?? []));
    token = page.NextToken;
  } while (token);
  do {
    const page = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: id, NextToken: token, MaxResults: 2 }));
    for (const ou of page.OrganizationalUnits ?? []) node.children.push(await walk(org, ou.Id!, ou.Name!, stats));
    token = page.NextToken;
  } while (token);
  return node;
}

describe("Organizations", () => {
  it("walks the whole tree, including an empty page that still has a NextToken", async () => {
    const org = clients(sim).organizations;
    const { Organization } = await org.send(new DescribeOrganizationCommand({}));
    expect(Organization?.MasterAccountId).toBe(sim.organization().managementAccountId);
    const { Roots } = await org.send(new ListRootsCommand({}));
    const stats = { emptyPages: 0 };
    const tree = await walk(org, Roots![0]!.Id!, "Root", stats);
    expect(stats.emptyPages).toBe(1);
    const flat = (n: TNode): Account[] => [...n.accounts, ...n.children.flatMap(flat)];
    const accounts = flat(tree);
    expect(accounts).toHaveLength(sim.organization().accounts.length);
    expect(accounts.length).toBeGreaterThanOrEqual(13);
    expect(tree.children.map((c) => c.name).sort()).toEqual(["Infrastructure", "Sandbox", "Security", "Workloads"]);
    expect(tree.children.find((c) => c.name === "Workloads")?.children.map((c) => c.name).sort()).toEqual(["NonProd", "Prod"]);
    expect(accounts.filter((a) => a.Status === "SUSPENDED")).toHaveLength(1);
    expect(accounts[0]?.JoinedTimestamp).toBeInstanceOf(Date);
    const { Tags } = await org.send(new ListTagsForResourceCommand({ ResourceId: accounts.find((a) => a.Name === "prod-payments")!.Id! }));
    expect(Tags?.map((t) => t.Key).sort()).toEqual(["CostCenter", "Environment", "Owner"]);
    const { DelegatedAdministrators } = await org.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: "securityhub.amazonaws.com" }));
    expect(DelegatedAdministrators?.[0]?.Name).toBe("security-tooling");
  });

  it("limits pages to 20", async () => {
    const org = clients(sim).organizations;
    await expect(org.send(new ListAccountsCommand({ MaxResults: 21 }))).rejects.toMatchObject({ name: "InvalidInputException" });
    const page = await org.send(new ListAccountsCommand({ MaxResults: 20 }));
    expect(page.Accounts?.length).toBe(sim.organization().accounts.length);
  });
});

describe("STS", () => {
  it("AssumeRole returns credentials for the target account; fan-out GetFindings sees only that account", async () => {
    const target = sim.organization().accounts.find((a) => a.name === "prod-web")!;
    const { Credentials, AssumedRoleUser } = await clients(sim).sts.send(new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${target.id}:role/KanshiReadRole`, RoleSessionName: "kanshi-sync", ExternalId: "kanshi-external-id",
    }));
    expect(Credentials?.AccessKeyId).toMatch(new RegExp(`^ASIA${target.id}[A-Z0-9]{4}$`));
    expect(Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    expect(AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${target.id}:assumed-role/KanshiReadRole/kanshi-sync`);
    const credentials = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
    const member = clients(sim, { region: "ap-northeast-1", credentials });
    expect((await member.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(target.id);
    const { findings } = await readAllFindings(member.securityHub);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect([f.AwsAccountId, f.Region]).toEqual([target.id, "ap-northeast-1"]);
  });

  it("a denied account gets AccessDenied from AssumeRole, and its keys get AccessDeniedException everywhere", async () => {
    const target = sim.organization().accounts.find((a) => a.name === "staging-web")!;
    const { Credentials } = await clients(sim).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${target.id}:role/KanshiReadRole`, RoleSessionName: "kanshi" }));
    sim.setFaults({ deniedAccounts: [target.id] });
    try {
      const error = await clients(sim).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${target.id}:role/KanshiReadRole`, RoleSessionName: "kanshi" })).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect((error as Error).message).toContain("is not authorized to perform: sts:AssumeRole on resource");
      const member = clients(sim, { credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: "x", sessionToken: Credentials!.SessionToken } });
      await expect(member.securityHub.send(new GetFindingsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
    } finally {
      sim.setFaults({ deniedAccounts: [] });
    }
  });
});
