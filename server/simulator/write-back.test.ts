import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ArchiveFindingsCommand, GetFindingsCommand as GetGuardDutyFindings, ListDetectorsCommand, ListFindingsCommand, ListOrganizationAdminAccountsCommand,
  UnarchiveFindingsCommand,
} from "@aws-sdk/client-guardduty";
import { BatchUpdateFindingsCommand, GetFindingsCommand, type AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { startSimulator, type TSimulator } from "./index";
import { clients } from "./test-helpers";

// The write operations Kanshi's outbox uses, as AWS behaves: BatchUpdateFindings' per-finding
// results and scope, GuardDuty Archive/Unarchive (administrator only), and the write-back faults.

let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scale: 2000, seed: 4 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.setFaults({ errorRate: 0, unprocessedRate: 0 });
  sim.resetStats();
});

const ids = (findings: AwsSecurityFinding[]) => findings.map((f) => ({ Id: f.Id!, ProductArn: f.ProductArn! }));

async function someFindings(n: number, region = "us-east-1"): Promise<AwsSecurityFinding[]> {
  const page = await clients(sim).securityHub.send(new GetFindingsCommand({ MaxResults: 100, Filters: { Region: [{ Value: region, Comparison: "EQUALS" }] } }));
  return page.Findings!.slice(0, n);
}

async function memberCredentials(accountId: string) {
  const { Credentials } = await clients(sim).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/KanshiReadRole`, RoleSessionName: "kanshi" }));
  return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
}

describe("BatchUpdateFindings", () => {
  it("reports duplicates, validates the request, and counts the findings it received", async () => {
    const securityHub = clients(sim).securityHub;
    const [a, b] = ids(await someFindings(2));
    const result = await securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: [a!, b!, a!], Workflow: { Status: "NOTIFIED" } }));
    expect(result.ProcessedFindings).toEqual([a, b]);
    expect(result.UnprocessedFindings).toEqual([{ FindingIdentifier: a, ErrorCode: "DuplicatedFindingIdentifier", ErrorMessage: "Finding Identifier is duplicated" }]);
    expect(sim.stats().writes).toEqual({ "SecurityHub.BatchUpdateFindings": 3 });
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, n) => [`k${n}`, "v"]));
    await expect(securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: [a!], UserDefinedFields: tooMany }))).rejects.toMatchObject({ name: "InvalidInputException" });
    await expect(securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: [{ Id: a!.Id, ProductArn: "" }] }))).rejects.toMatchObject({ name: "InvalidInputException" });
  });

  it("unprocessedRate: the findings come back in UnprocessedFindings (InternalFailure) and stay unchanged", async () => {
    const targets = await someFindings(10);
    sim.setFaults({ unprocessedRate: 1 });
    const result = await clients(sim).securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: ids(targets), Note: { Text: "never", UpdatedBy: "x" } }));
    expect(result.ProcessedFindings).toEqual([]);
    expect(result.UnprocessedFindings!.map((u) => [u.ErrorCode, u.ErrorMessage])).toEqual(targets.map(() => ["InternalFailure", "Internal service failure"]));
    sim.setFaults({ unprocessedRate: 0.5 });
    const half = await clients(sim).securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: ids(await someFindings(100)), Note: { Text: "half", UpdatedBy: "x" } }));
    expect(half.ProcessedFindings!.length).toBeGreaterThan(20);
    expect(half.UnprocessedFindings!.length).toBeGreaterThan(20);
    sim.setFaults({ unprocessedRate: 0 });
    const reread = await clients(sim).securityHub.send(new GetFindingsCommand({ Filters: { Id: targets.map((f) => ({ Value: f.Id!, Comparison: "EQUALS" })) } }));
    expect(reread.Findings!.some((f) => f.Note?.Text === "never")).toBe(false);
  });

  it("5xx faults apply to it like to every call", async () => {
    const FindingIdentifiers = ids(await someFindings(1));
    sim.setFaults({ errorRate: 1 });
    const error = await clients(sim).securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers, Workflow: { Status: "NEW" } })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: expect.stringMatching(/^(InternalException|ServiceUnavailableException)$/), $metadata: { httpStatusCode: expect.any(Number) } });
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBeGreaterThanOrEqual(500);
    expect(sim.stats().calls["SecurityHub.BatchUpdateFindings"]).toBe(1);
  });

  it("a member updates only its own findings of its region; the administrator all from the aggregation region", async () => {
    const findings = await someFindings(100, "eu-west-1");
    const own = findings.find((f) => f.AwsAccountId !== findings[0]!.AwsAccountId)!;
    const other = findings.find((f) => f.AwsAccountId !== own.AwsAccountId)!;
    const credentials = await memberCredentials(own.AwsAccountId!);
    const inRegion = await clients(sim, { region: "eu-west-1", credentials }).securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: ids([own, other]), Workflow: { Status: "NOTIFIED" } }));
    expect(inRegion.ProcessedFindings).toEqual(ids([own]));
    expect(inRegion.UnprocessedFindings!.map((u) => u.ErrorCode)).toEqual(["FindingNotFound"]);
    const elsewhere = await clients(sim, { region: "us-east-1", credentials }).securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: ids([own]), Workflow: { Status: "NOTIFIED" } }));
    expect(elsewhere.ProcessedFindings).toEqual([]);
    const admin = await clients(sim).securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: ids([own, other]), Workflow: { Status: "RESOLVED" } }));
    expect(admin.ProcessedFindings).toHaveLength(2);
  });
});

describe("GuardDuty ArchiveFindings / UnarchiveFindings", () => {
  it("unarchive undoes archive (Security Hub copy included); only the administrator may; at most 50 ids", async () => {
    const gd = clients(sim, { region: "us-east-1" }).guardDuty;
    const DetectorId = (await gd.send(new ListDetectorsCommand({}))).DetectorIds![0]!;
    const listed = await gd.send(new ListFindingsCommand({ DetectorId, MaxResults: 50, FindingCriteria: { Criterion: { "service.archived": { Equals: ["false"] } } } }));
    const FindingIds = listed.FindingIds!.slice(0, 10);
    const archived = async () => (await gd.send(new GetGuardDutyFindings({ DetectorId, FindingIds }))).Findings!.map((f) => f.Service!.Archived);
    const before = (await gd.send(new GetGuardDutyFindings({ DetectorId, FindingIds }))).Findings!;

    await gd.send(new ArchiveFindingsCommand({ DetectorId, FindingIds }));
    expect(await archived()).toEqual(FindingIds.map(() => true));
    const copies = before.filter((f) => f.Severity! >= 4).map((f) => ({ Value: f.Arn!, Comparison: "EQUALS" as const }));
    if (copies.length > 0) {
      const sh = await clients(sim).securityHub.send(new GetFindingsCommand({ Filters: { Id: copies } }));
      for (const f of sh.Findings!) expect(f.RecordState).toBe("ARCHIVED");
    }
    await gd.send(new UnarchiveFindingsCommand({ DetectorId, FindingIds }));
    expect(await archived()).toEqual(FindingIds.map(() => false));
    const after = (await gd.send(new GetGuardDutyFindings({ DetectorId, FindingIds }))).Findings!;
    expect(after.map((f) => f.UpdatedAt)).toEqual(before.map((f) => f.UpdatedAt));
    expect(sim.stats().writes).toEqual({ "GuardDuty.ArchiveFindings": 10, "GuardDuty.UnarchiveFindings": 10 });
    expect(sim.stats().calls["GuardDuty.UnarchiveFindings"]).toBe(1);

    const tooMany = Array.from({ length: 51 }, (_, n) => n.toString(16).padStart(32, "0"));
    await expect(gd.send(new ArchiveFindingsCommand({ DetectorId, FindingIds: tooMany }))).rejects.toMatchObject({ name: "BadRequestException" });
    const { AdminAccounts } = await gd.send(new ListOrganizationAdminAccountsCommand({}));
    const member = before.find((f) => f.AccountId !== AdminAccounts![0]!.AdminAccountId)!.AccountId!;
    const memberGd = clients(sim, { region: "us-east-1", credentials: await memberCredentials(member) }).guardDuty;
    const memberDetector = (await memberGd.send(new ListDetectorsCommand({}))).DetectorIds![0]!;
    const memberFinding = before.find((f) => f.AccountId === member)!.Id!;
    await expect(memberGd.send(new ArchiveFindingsCommand({ DetectorId: memberDetector, FindingIds: [memberFinding] }))).rejects.toMatchObject({ name: "BadRequestException", message: expect.stringMatching(/only the administrator account/) });
  });
});

describe("/_sim/faults", () => {
  it("sets and reports unprocessedRate", async () => {
    const post = await fetch(`${sim.url}/_sim/faults`, { method: "POST", body: JSON.stringify({ unprocessedRate: 0.25 }) });
    expect(await post.json()).toMatchObject({ faults: { unprocessedRate: 0.25 } });
    const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as { stats: { writes: Record<string, number> } };
    expect(state.stats.writes).toEqual({});
  });
});
