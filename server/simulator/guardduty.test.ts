import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArchiveFindingsCommand, GetFindingsCommand, ListDetectorsCommand, ListFindingsCommand, type Finding, type GuardDutyClient } from "@aws-sdk/client-guardduty";
import { GetFindingsCommand as GetSecurityHubFindings } from "@aws-sdk/client-securityhub";
import { startSimulator, type TSimulator } from "./index";
import { clients } from "./test-helpers";

let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scale: 3000 });
});
afterAll(() => sim.close());

async function readAll(gd: GuardDutyClient, since?: number): Promise<Finding[]> {
  const detectorId = (await gd.send(new ListDetectorsCommand({}))).DetectorIds![0]!;
  const out: Finding[] = [];
  let token: string | undefined;
  do {
    const page = await gd.send(new ListFindingsCommand({
      DetectorId: detectorId, MaxResults: 50, NextToken: token, SortCriteria: { AttributeName: "updatedAt", OrderBy: "ASC" },
      FindingCriteria: { Criterion: { updatedAt: { GreaterThanOrEqual: since ?? 0 } } },
    }));
    token = page.NextToken;
    if (page.FindingIds?.length) out.push(...(await gd.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: page.FindingIds }))).Findings!);
  } while (token);
  return out;
}

describe("GuardDuty", () => {
  it("the delegated admin's detectors list every member's findings of their region, with full details", async () => {
    const all: Finding[] = [];
    for (const region of sim.organization().regions) {
      const found = await readAll(clients(sim, { region }).guardDuty);
      for (const f of found) expect(f.Region).toBe(region);
      all.push(...found);
    }
    expect(new Set(all.map((f) => f.Id)).size).toBe(sim.expected.guardDutyFindings());
    expect(all.length).toBeGreaterThan(250);
    const bands = new Set(all.map((f) => (f.Severity! >= 9 ? "CRITICAL" : f.Severity! >= 7 ? "HIGH" : f.Severity! >= 4 ? "MEDIUM" : "LOW")));
    expect(bands).toEqual(new Set(["CRITICAL", "HIGH", "MEDIUM", "LOW"]));
    const types = new Set(all.map((f) => f.Type));
    for (const t of ["UnauthorizedAccess:EC2/SSHBruteForce", "Recon:IAMUser/MaliciousIPCaller", "CryptoCurrency:EC2/BitcoinTool.B!DNS"]) expect(types).toContain(t);
    const instance = all.find((f) => f.Resource?.ResourceType === "Instance");
    expect(instance?.Resource?.InstanceDetails?.InstanceId).toMatch(/^i-0/);
    expect(instance?.Service?.Action?.ActionType).toBeTruthy();
    expect(typeof instance?.Service?.Archived).toBe("boolean");
  });

  it("each finding of MEDIUM and above is also in Security Hub under its ARN", async () => {
    const gd = await readAll(clients(sim, { region: "eu-west-1" }).guardDuty);
    const medium = gd.filter((f) => f.Severity! >= 4).slice(0, 20);
    const { Findings } = await clients(sim).securityHub.send(new GetSecurityHubFindings({ Filters: { Id: medium.map((f) => ({ Value: f.Arn!, Comparison: "EQUALS" })) } }));
    expect(Findings).toHaveLength(medium.length);
    for (const copy of Findings!) {
      const native = medium.find((f) => f.Arn === copy.Id)!;
      expect(copy.ProductArn).toBe("arn:aws:securityhub:eu-west-1::product/aws/guardduty");
      expect(copy.UpdatedAt).toBe(native.UpdatedAt);
      expect(copy.ProductFields?.["aws/guardduty/service/archived"]).toBe(String(native.Service?.Archived));
    }
  });

  it("validates the 50 limits", async () => {
    const gd = clients(sim).guardDuty;
    const detectorId = (await gd.send(new ListDetectorsCommand({}))).DetectorIds![0]!;
    await expect(gd.send(new ListFindingsCommand({ DetectorId: detectorId, MaxResults: 51 }))).rejects.toMatchObject({ name: "BadRequestException" });
    const ids = Array.from({ length: 51 }, (_, n) => n.toString(16).padStart(32, "0"));
    await expect(gd.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: ids }))).rejects.toMatchObject({ name: "BadRequestException" });
    await expect(gd.send(new ListFindingsCommand({ DetectorId: "0".repeat(32) }))).rejects.toMatchObject({ name: "BadRequestException" });
  });

  it("ArchiveFindings archives without changing updatedAt; a member sees only its own findings", async () => {
    const admin = clients(sim, { region: "ap-northeast-1" }).guardDuty;
    const detectorId = (await admin.send(new ListDetectorsCommand({}))).DetectorIds![0]!;
    const open = (await readAll(admin)).filter((f) => !f.Service?.Archived).slice(0, 5);
    await admin.send(new ArchiveFindingsCommand({ DetectorId: detectorId, FindingIds: open.map((f) => f.Id!) }));
    const after = (await admin.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: open.map((f) => f.Id!) }))).Findings!;
    for (const f of after) {
      expect(f.Service?.Archived).toBe(true);
      expect(f.UpdatedAt).toBe(open.find((o) => o.Id === f.Id)?.UpdatedAt);
    }
    const account = after[0]!.AccountId!;
    const { Credentials } = await clients(sim).sts.send(new (await import("@aws-sdk/client-sts")).AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/KanshiRead`, RoleSessionName: "kanshi-test" }));
    const member = clients(sim, { region: "ap-northeast-1", credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken } }).guardDuty;
    const own = await readAll(member);
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) expect(f.AccountId).toBe(account);
    expect(own.find((f) => f.Id === after[0]!.Id)?.Service?.Archived).toBe(true);
  });

  it("advance: new and updated findings show up through an updatedAt criterion", async () => {
    const local = await startSimulator({ scale: 2000, seed: 3 });
    try {
      const gd = clients(local).guardDuty;
      const before = await readAll(gd);
      const since = local.now().getTime();
      local.advance(7 * 86_400_000);
      const all = await readAll(gd);
      const delta = await readAll(gd, since + 1);
      expect(delta.length).toBeGreaterThan(0);
      expect(delta.map((f) => f.Id).sort()).toEqual(all.filter((f) => Date.parse(f.UpdatedAt!) > since).map((f) => f.Id).sort());
      expect(all.length).toBeGreaterThan(before.length);
    } finally {
      await local.close();
    }
  });
});
