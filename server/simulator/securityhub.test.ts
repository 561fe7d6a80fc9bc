import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BatchUpdateFindingsCommand, DescribeStandardsControlsCommand, GetEnabledStandardsCommand, GetFindingAggregatorCommand,
  GetFindingsCommand, ListFindingAggregatorsCommand, type AwsSecurityFinding,
} from "@aws-sdk/client-securityhub";
import { startSimulator, type TSimulator } from "./index";
import { clients, readAllFindings } from "./test-helpers";

let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scale: 3000 });
});
afterAll(() => sim.close());

const DAY = 86_400_000;

describe("Security Hub GetFindings", () => {
  it("pages through exactly the expected findings, 100 at a time, ordered by UpdatedAt", async () => {
    const { securityHub } = clients(sim);
    const { findings, calls } = await readAllFindings(securityHub);
    const ids = new Set(findings.map((f) => f.Id));
    expect(ids.size).toBe(sim.expected.securityHubFindings());
    expect(findings.length).toBe(ids.size);
    expect(calls).toBe(Math.ceil(ids.size / 100));
    const times = findings.map((f) => Date.parse(f.UpdatedAt as string));
    expect(times.every((t, n) => n === 0 || t >= (times[n - 1] as number))).toBe(true);
    const desc = await readAllFindings(securityHub, { SortCriteria: [{ Field: "UpdatedAt", SortOrder: "desc" }] });
    expect(desc.findings.map((f) => f.Id)).toEqual(findings.map((f) => f.Id).reverse());
    const page = await securityHub.send(new GetFindingsCommand({ MaxResults: 7 }));
    expect(page.Findings).toHaveLength(7);
    expect(page.NextToken).toBeTruthy();
  });

  it("has the demo mix: FSBP and CIS controls, Inspector and GuardDuty copies, every severity", async () => {
    const { findings } = await readAllFindings(clients(sim).securityHub);
    const byProduct = (name: string) => findings.filter((f) => f.ProductName === name).length / findings.length;
    expect(byProduct("Security Hub")).toBeGreaterThan(0.6);
    expect(byProduct("Inspector")).toBeGreaterThan(0.15);
    expect(byProduct("GuardDuty")).toBeCloseTo(0.1, 2);
    const controls = new Set(findings.map((f) => f.GeneratorId).filter((g) => g?.includes("/v/")));
    expect(controls.size).toBeGreaterThanOrEqual(40);
    expect(findings.some((f) => /^cis-aws-foundations-benchmark\/v\/1\.4\.0\/\d+(\.\d+)+$/.test(f.GeneratorId ?? ""))).toBe(true);
    // Accounts with consolidated control findings: one finding per control, every standard of the control associated,
    // no StandardsArn (as Security Hub sends them with consolidated control findings on).
    const consolidated = findings.filter((f) => f.GeneratorId?.startsWith("security-control/"));
    expect(consolidated.length / findings.length).toBeGreaterThan(0.1);
    const iam4 = consolidated.find((f) => f.Compliance?.SecurityControlId === "IAM.4");
    expect(iam4).toMatchObject({ GeneratorId: "security-control/IAM.4", Title: "IAM root user access key should not exist", Types: ["Software and Configuration Checks/Industry and Regulatory Standards"] });
    expect(iam4?.Id).toMatch(/^arn:aws:securityhub:[a-z0-9-]+:\d{12}:security-control\/IAM\.4\/finding\/[0-9a-f-]{36}$/);
    expect(iam4?.Compliance?.AssociatedStandards?.map((a) => a.StandardsId)).toEqual(["standards/aws-foundational-security-best-practices/v/1.0.0", "standards/cis-aws-foundations-benchmark/v/1.4.0"]);
    expect(iam4?.Compliance?.RelatedRequirements).toEqual(["CIS AWS Foundations Benchmark v1.4.0/1.4"]);
    expect(iam4?.ProductFields?.StandardsArn).toBeUndefined();
    expect(consolidated.find((f) => f.Compliance?.SecurityControlId === "S3.2")?.Compliance?.AssociatedStandards).toEqual([{ StandardsId: "standards/aws-foundational-security-best-practices/v/1.0.0" }]);
    const perStandard = findings.filter((f) => f.GeneratorId?.startsWith("aws-foundational-security-best-practices/v/1.0.0/"));
    const consolidatedAccounts = new Set(consolidated.map((f) => f.AwsAccountId));
    expect(perStandard.length).toBeGreaterThan(0);
    expect(perStandard.filter((f) => consolidatedAccounts.has(f.AwsAccountId))).toEqual([]);
    // GetFindings filters on the GeneratorId as rendered.
    const byGenerator = await clients(sim).securityHub.send(new GetFindingsCommand({ Filters: { GeneratorId: [{ Value: "security-control/IAM.4", Comparison: "EQUALS" }] }, MaxResults: 100 }));
    expect(byGenerator.Findings?.length).toBeGreaterThan(0);
    expect(byGenerator.Findings?.every((f) => f.GeneratorId === "security-control/IAM.4")).toBe(true);
    const iam1 = findings.find((f) => f.Compliance?.SecurityControlId === "IAM.1" && f.GeneratorId?.startsWith("aws-foundational"));
    expect(iam1?.Title).toBe('IAM policies should not allow full "*" administrative privileges');
    expect(iam1?.Remediation?.Recommendation?.Url).toBe("https://docs.aws.amazon.com/console/securityhub/IAM.1/remediation");
    const labels = new Set(findings.map((f) => f.Severity?.Label));
    for (const label of ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"]) expect(labels).toContain(label);
    const critical = findings.filter((f) => f.Severity?.Label === "CRITICAL").length / findings.length;
    expect(critical).toBeGreaterThan(0.01);
    expect(critical).toBeLessThan(0.1);
    for (const f of findings.filter((x) => x.Compliance?.Status === "PASSED")) expect(f.Workflow?.Status).toBe("RESOLVED");
    expect(findings.find((f) => f.ProductName === "Inspector")?.Vulnerabilities?.[0]?.Id).toMatch(/^CVE-/);
    const accounts = new Set(findings.map((f) => f.AwsAccountId));
    const regions = new Set(findings.map((f) => f.Region));
    expect(accounts.size).toBeGreaterThanOrEqual(12);
    expect(regions.size).toBe(3);
  });

  it("rejects MaxResults above 100 with InvalidInputException", async () => {
    await expect(clients(sim).securityHub.send(new GetFindingsCommand({ MaxResults: 101 }))).rejects.toMatchObject({ name: "InvalidInputException" });
  });

  it("filters by account, severity and record state, and sorts descending", async () => {
    const { securityHub } = clients(sim);
    const account = sim.organization().accounts.find((a) => a.name === "prod-payments")!.id;
    const { findings } = await readAllFindings(securityHub, {
      Filters: {
        AwsAccountId: [{ Value: account, Comparison: "EQUALS" }],
        SeverityLabel: [{ Value: "CRITICAL", Comparison: "EQUALS" }, { Value: "HIGH", Comparison: "EQUALS" }],
        RecordState: [{ Value: "ARCHIVED", Comparison: "NOT_EQUALS" }],
      },
      SortCriteria: [{ Field: "UpdatedAt", SortOrder: "desc" }],
    });
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) {
      expect(f.AwsAccountId).toBe(account);
      expect(["CRITICAL", "HIGH"]).toContain(f.Severity?.Label);
      expect(f.RecordState).toBe("ACTIVE");
    }
    const times = findings.map((f) => Date.parse(f.UpdatedAt as string));
    expect(times.every((t, n) => n === 0 || t <= (times[n - 1] as number))).toBe(true);
  });

  it("returns only the caller's account and region outside the aggregation region", async () => {
    const { findings } = await readAllFindings(clients(sim, { region: "eu-west-1" }).securityHub);
    expect(findings.length).toBeGreaterThan(0);
    const admin = sim.organization().accounts.find((a) => a.name === "security-tooling")!.id;
    for (const f of findings) expect([f.AwsAccountId, f.Region]).toEqual([admin, "eu-west-1"]);
  });
});

describe("the clock", () => {
  it("advance(7d): an UpdatedAt filter yields exactly the findings that changed, with new, resolved and reopened ones", async () => {
    const local = await startSimulator({ scale: 2000, seed: 5 });
    try {
      const { securityHub } = clients(local);
      const before = new Map((await readAllFindings(securityHub)).findings.map((f) => [f.Id, f] as const));
      const since = local.now();
      local.advance(7 * DAY);
      const after = (await readAllFindings(securityHub)).findings;
      expect(after.length).toBe(local.expected.securityHubFindings());
      const changed = after.filter((f) => Date.parse(f.UpdatedAt as string) > since.getTime());
      const delta = await readAllFindings(securityHub, { Filters: { UpdatedAt: [{ Start: since.toISOString(), End: local.now().toISOString() }] }, SortCriteria: [{ Field: "UpdatedAt", SortOrder: "asc" }] });
      expect(delta.findings.map((f) => f.Id).sort()).toEqual(changed.map((f) => f.Id).sort());
      const unchanged = after.filter((f) => Date.parse(f.UpdatedAt as string) <= since.getTime());
      for (const f of unchanged) expect(before.get(f.Id)).toEqual(f);
      const created = changed.filter((f) => !before.has(f.Id));
      const compliance = (from: string, to: string) => changed.filter((f) => before.get(f.Id)?.Compliance?.Status === from && f.Compliance?.Status === to);
      expect(created.length).toBeGreaterThan(20);
      expect(compliance("FAILED", "PASSED").length).toBeGreaterThan(0);
      const reopened = compliance("PASSED", "FAILED");
      expect(reopened.length).toBeGreaterThan(0);
      for (const f of reopened) expect(["NEW", "SUPPRESSED"]).toContain(f.Workflow?.Status);
      const days = await readAllFindings(securityHub, { Filters: { UpdatedAt: [{ DateRange: { Value: 7, Unit: "DAYS" } }] } });
      expect(days.findings.length).toBe(changed.length);
    } finally {
      await local.close();
    }
  });
});

describe("BatchUpdateFindings", () => {
  it("changes Workflow and Note without touching UpdatedAt, and reports unknown ids", async () => {
    const { securityHub } = clients(sim);
    const page = await securityHub.send(new GetFindingsCommand({ MaxResults: 3, Filters: { WorkflowStatus: [{ Value: "NEW", Comparison: "EQUALS" }] } }));
    const targets = page.Findings as AwsSecurityFinding[];
    const unknown = { Id: `${targets[0]!.Id!.slice(0, -6)}abcdef`, ProductArn: targets[0]!.ProductArn! };
    const result = await securityHub.send(new BatchUpdateFindingsCommand({
      FindingIdentifiers: [...targets.map((f) => ({ Id: f.Id!, ProductArn: f.ProductArn! })), unknown],
      Workflow: { Status: "NOTIFIED" }, Note: { Text: "Ticket SEC-42", UpdatedBy: "analyst@example.com" },
    }));
    expect(result.ProcessedFindings).toHaveLength(3);
    expect(result.UnprocessedFindings).toEqual([{ FindingIdentifier: unknown, ErrorCode: "FindingNotFound", ErrorMessage: "Finding Not Found" }]);
    const reread = await securityHub.send(new GetFindingsCommand({ Filters: { Id: targets.map((f) => ({ Value: f.Id!, Comparison: "EQUALS" })) } }));
    expect(reread.Findings).toHaveLength(3);
    for (const f of reread.Findings!) {
      const original = targets.find((t) => t.Id === f.Id)!;
      expect(f.Workflow?.Status).toBe("NOTIFIED");
      expect(f.Note?.Text).toBe("Ticket SEC-42");
      expect(f.UpdatedAt).toBe(original.UpdatedAt);
    }
    // Paged reads come from the render cache: an update must show there too.
    const paged = await securityHub.send(new GetFindingsCommand({ MaxResults: 100, Filters: { WorkflowStatus: [{ Value: "NOTIFIED", Comparison: "EQUALS" }] } }));
    const pagedTargets = paged.Findings!.filter((f) => targets.some((t) => t.Id === f.Id));
    expect(pagedTargets.map((f) => [f.Workflow?.Status, f.Note?.Text])).toEqual(targets.map(() => ["NOTIFIED", "Ticket SEC-42"]));
    await expect(securityHub.send(new BatchUpdateFindingsCommand({ FindingIdentifiers: Array.from({ length: 101 }, () => unknown) })))
      .rejects.toMatchObject({ name: "InvalidInputException" });
  });
});

describe("standards and the aggregator", () => {
  it("lists FSBP and CIS subscriptions and their controls, paged", async () => {
    const { securityHub } = clients(sim);
    const { StandardsSubscriptions: subs } = await securityHub.send(new GetEnabledStandardsCommand({}));
    expect(subs?.map((s) => s.StandardsArn)).toEqual([
      "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
      "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0",
    ]);
    const controls = [];
    let token: string | undefined;
    do {
      const page = await securityHub.send(new DescribeStandardsControlsCommand({ StandardsSubscriptionArn: subs![0]!.StandardsSubscriptionArn, MaxResults: 20, NextToken: token }));
      controls.push(...page.Controls!);
      token = page.NextToken;
    } while (token);
    expect(controls.length).toBeGreaterThanOrEqual(40);
    expect(controls.find((c) => c.ControlId === "S3.1")?.RemediationUrl).toBe("https://docs.aws.amazon.com/console/securityhub/S3.1/remediation");
    expect(new Set(controls.map((c) => c.ControlStatus))).toEqual(new Set(["ENABLED", "DISABLED"]));
    expect(controls[0]?.ControlStatusUpdatedAt).toBeInstanceOf(Date);
  });

  it("has one ALL_REGIONS aggregator in the aggregation region", async () => {
    const { securityHub } = clients(sim);
    const { FindingAggregators } = await securityHub.send(new ListFindingAggregatorsCommand({}));
    expect(FindingAggregators).toHaveLength(1);
    const aggregator = await securityHub.send(new GetFindingAggregatorCommand({ FindingAggregatorArn: FindingAggregators![0]!.FindingAggregatorArn }));
    expect(aggregator).toMatchObject({ FindingAggregationRegion: "us-east-1", RegionLinkingMode: "ALL_REGIONS" });
  });
});

describe("determinism", () => {
  it("same seed → identical first page; another seed → different", async () => {
    const [a, b, c] = await Promise.all([startSimulator({ seed: 7 }), startSimulator({ seed: 7 }), startSimulator({ seed: 8 })]);
    try {
      const first = async (s: TSimulator) => (await clients(s).securityHub.send(new GetFindingsCommand({ MaxResults: 50 }))).Findings;
      const [pa, pb, pc] = await Promise.all([first(a), first(b), first(c)]);
      expect(pa).toEqual(pb);
      expect(pa?.map((f) => f.Id)).not.toEqual(pc?.map((f) => f.Id));
      expect(a.organization()).toEqual(b.organization());
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
