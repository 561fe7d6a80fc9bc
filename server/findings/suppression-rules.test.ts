import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asffFinding, guardDutyCopyInSecurityHub, guardDutyFinding } from "@/prisma/factories/finding";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TSessionUser } from "@/server/auth/roles.types";

// Rules apply to the whole findings table: this file has a database of its own, emptied before each test.

type Mods = {
  db: typeof import("@/server/db").db;
  rules: typeof import("./suppression-rules");
  syncFindings: typeof import("@/server/sync/sync-findings").syncFindings;
  SyncRunLog: typeof import("@/server/sync/sync-run-log").SyncRunLog;
  normalize: typeof import("./normalize");
  applyTriage: typeof import("./triage").applyTriage;
  expireSuppressions: typeof import("./expire-suppressions").expireSuppressions;
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
  AppError: typeof import("@/server/http/app-error").AppError;
};
let m: Mods;
let actor: { user: TSessionUser };

const NOW = new Date("2026-11-27T12:00:00.000Z");
const A = "111100000001";
const B = "111100000002";
const C = "111100000003";
const [ROOT, PARENT, CHILD, OTHER] = ["r-ab12", "ou-ab12-parent01", "ou-ab12-child001", "ou-ab12-other001"];

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_rules_file`);
  m = {
    db: (await import("@/server/db")).db,
    rules: await import("./suppression-rules"),
    syncFindings: (await import("@/server/sync/sync-findings")).syncFindings,
    SyncRunLog: (await import("@/server/sync/sync-run-log")).SyncRunLog,
    normalize: await import("./normalize"),
    applyTriage: (await import("./triage")).applyTriage,
    expireSuppressions: (await import("./expire-suppressions")).expireSuppressions,
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
    AppError: (await import("@/server/http/app-error")).AppError,
  };
});

afterAll(async () => {
  await (await import("@/server/sync/sync-queue")).stopQueue();
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

beforeEach(async () => {
  await m.db.$executeRawUnsafe(`TRUNCATE outbox_items, finding_history, findings, suppression_rules, aws_accounts, organizational_units, audit_log RESTART IDENTITY CASCADE`);
  // Organization: ROOT > PARENT > CHILD, ROOT > OTHER; account A in PARENT, B in CHILD, C in OTHER.
  await m.db.organizationalUnit.create({ data: { id: ROOT, name: "Root" } });
  await m.db.organizationalUnit.createMany({ data: [{ id: PARENT, name: "Workloads", parentId: ROOT }, { id: OTHER, name: "Sandbox", parentId: ROOT }] });
  await m.db.organizationalUnit.create({ data: { id: CHILD, name: "Prod", parentId: PARENT } });
  await m.db.awsAccount.createMany({ data: [{ id: A, name: "a", ouId: PARENT }, { id: B, name: "b", ouId: CHILD }, { id: C, name: "c", ouId: OTHER }] });
  const user = await m.createTestUser({ role: "ANALYST" });
  actor = { user: { id: user.id, email: user.email, name: null, role: "ANALYST", locale: null } };
});

async function store(origin: "securityhub" | "guardduty", items: unknown[]) {
  const scope = `test-${randomUUID()}`;
  const run = await m.SyncRunLog.start(origin, scope, "cli");
  async function* pages() {
    yield items;
  }
  await m.syncFindings({ kind: origin, scope, origin, pages: pages(), normalize: origin === "securityhub" ? m.normalize.normalizeAsff : m.normalize.normalizeGuardDuty, run });
}

const control = (account: string, controlId: string, resourceId: string, extra: Record<string, unknown> = {}) => asffFinding({
  AwsAccountId: account, GeneratorId: `security-control/${controlId}`, Compliance: { Status: "FAILED", SecurityControlId: controlId },
  Resources: [{ Type: "AwsS3Bucket", Id: resourceId }], ...extra,
});

/** A fixed set of findings, keyed by a short name (their externalIds). */
async function seed() {
  const gdNative = guardDutyFinding({ AccountId: C, Type: "Recon:EC2/PortProbeUnprotectedPort", Resource: { ResourceType: "Instance", InstanceDetails: { InstanceId: "i-0probe" } } });
  const gdInHub = guardDutyFinding({ AccountId: A, Type: "UnauthorizedAccess:EC2/SSHBruteForce" });
  const gdCopy = guardDutyCopyInSecurityHub(gdInHub, {
    AwsAccountId: A, GeneratorId: `arn:aws:guardduty:us-east-1:${A}:detector/d1`,
    ProductFields: { "aws/guardduty/type": "UnauthorizedAccess:EC2/SSHBruteForce" }, Resources: [{ Type: "AwsEc2Instance", Id: "i-0abc" }],
  });
  const sh = {
    aS3: control(A, "S3.1", "arn:aws:s3:::Logs-Prod-1"),
    aEc2: control(A, "EC2.19", "arn:aws:ec2:us-east-1:111100000001:security-group/sg-1"),
    bS3: control(B, "S3.1", "arn:aws:s3:::logs-dev-2"),
    cS3: control(C, "S3.1", "arn:aws:s3:::data-1"),
    aResolved: control(A, "S3.1", "arn:aws:s3:::logs-prod-3", { Workflow: { Status: "RESOLVED" } }),
    aSuppressed: control(A, "S3.1", "arn:aws:s3:::logs-prod-4", { Workflow: { Status: "SUPPRESSED" } }),
    aArchived: control(A, "S3.1", "arn:aws:s3:::logs-prod-5", { RecordState: "ARCHIVED" }),
    bInspector: asffFinding({ AwsAccountId: B, ProductName: "Inspector", GeneratorId: "AWSInspector", Compliance: undefined, Resources: [{ Type: "AwsEc2Instance", Id: "i-0vuln" }] }),
    gdCopy,
  };
  await store("securityhub", Object.values(sh));
  await store("guardduty", [gdNative, gdInHub]);
  const names: Record<string, string> = { gdNative: gdNative.Arn };
  for (const [name, raw] of Object.entries(sh)) names[name] = raw.Id;
  const rows = await m.db.finding.findMany({ select: { id: true, externalId: true } });
  const byName = Object.fromEntries(Object.entries(names).map(([name, externalId]) => [name, rows.find((r) => r.externalId === externalId)!.id]));
  return byName as Record<keyof typeof sh | "gdNative", string>;
}

async function suppressedBy(ruleId: string): Promise<string[]> {
  const rows = await m.db.finding.findMany({ where: { suppressionRuleId: ruleId, workflowStatus: "SUPPRESSED" }, select: { id: true } });
  return rows.map((r) => r.id).sort();
}

const rule = (criteria: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ name: "Accepted risk", reason: "Covered by a compensating control", criteria, ...extra });

describe("suppression rules (PostgreSQL)", () => {
  it("suppresses the matching findings in the queue at once, with history, audit and write-back items", async () => {
    const f = await seed();
    const result = await m.rules.createSuppressionRule(rule({ accountIds: [A] }, { expiresAt: "2027-03-31" }), actor, NOW);
    // A's active findings in the queue; not resolved, already suppressed or archived ones, nor other accounts.
    expect(result.suppressed).toBe(3);
    expect(await suppressedBy(result.rule.id)).toEqual([f.aS3, f.aEc2, f.gdCopy].sort());
    expect(result.rule).toMatchObject({ covers: 3, matches: 5, enabled: true, expired: false, expiresAt: "2027-03-31T23:59:59.999Z", createdBy: { id: actor.user.id } });

    const finding = await m.db.finding.findUniqueOrThrow({ where: { id: f.aS3 }, include: { history: true, outbox: true } });
    expect(finding).toMatchObject({ suppressionReason: "Covered by a compensating control", writeBack: "PENDING" });
    expect(finding.suppressedUntil?.toISOString()).toBe("2027-03-31T23:59:59.999Z");
    const entry = finding.history.find((h) => h.origin === "user");
    expect(entry?.changes).toMatchObject({ workflowStatus: { from: "NEW", to: "SUPPRESSED" }, suppressionRuleId: { to: result.rule.id } });
    expect(finding.outbox).toHaveLength(1);
    expect(finding.outbox[0]).toMatchObject({ kind: "securityhub.update", state: "PENDING", payload: { Workflow: { Status: "SUPPRESSED" } } });
    expect(await m.db.auditLog.count({ where: { action: "finding.suppress.rule", actorId: actor.user.id } })).toBe(3);
    const audit = await m.db.auditLog.findFirstOrThrow({ where: { action: "suppressionRule.create", targetId: result.rule.id } });
    expect(audit.after).toMatchObject({ criteria: { accountIds: [A] }, suppressed: 3 });
  });

  it("writes a native GuardDuty finding back by archiving it", async () => {
    const f = await seed();
    await m.rules.createSuppressionRule(rule({ accountIds: [C], findingTypes: ["Recon:EC2/*"] }), actor, NOW);
    const outbox = await m.db.outboxItem.findMany({ where: { findingId: f.gdNative } });
    expect(outbox.map((o) => o.kind)).toEqual(["guardduty.archive"]);
  });

  it.each([
    ["an account", { accountIds: [B] }, ["bS3", "bInspector"]],
    ["an OU, its sub-OUs included", { ouIds: [PARENT] }, ["aS3", "aEc2", "gdCopy", "bS3", "bInspector"]],
    ["a nested OU alone", { ouIds: [CHILD] }, ["bS3", "bInspector"]],
    ["a control", { controlIds: ["S3.1"] }, ["aS3", "bS3", "cS3"]],
    ["a product", { products: ["Inspector"] }, ["bInspector"]],
    ["a GeneratorId", { findingTypes: ["AWSInspector"] }, ["bInspector"]],
    ["a GuardDuty type (Security Hub copy and native)", { findingTypes: ["UnauthorizedAccess:EC2/SSHBruteForce", "Recon:EC2/PortProbeUnprotectedPort"] }, ["gdCopy", "gdNative"]],
    ["a finding type prefix", { findingTypes: ["Recon:*"] }, ["gdNative"]],
    ["a resource glob, case-insensitive", { resourcePattern: "arn:aws:s3:::logs-*" }, ["aS3", "bS3"]],
    ["a resource glob in the middle", { resourcePattern: "*:security-group/*" }, ["aEc2"]],
    ["criteria combined: all must match", { accountIds: [A, C], controlIds: ["S3.1"], resourcePattern: "*s3:::*" }, ["aS3", "cS3"]],
    ["an OU and a control", { ouIds: [PARENT], controlIds: ["S3.1"] }, ["aS3", "bS3"]],
  ])("matches %s", async (_label, criteria, expected) => {
    const f = await seed();
    const preview = await m.rules.previewSuppressionRule({ criteria });
    const result = await m.rules.createSuppressionRule(rule(criteria), actor, NOW);
    const ids = expected.map((name) => f[name as keyof typeof f]).sort();
    expect(await suppressedBy(result.rule.id)).toEqual(ids);
    expect(preview.wouldSuppress).toBe(expected.length);
  });

  it("applySuppressionRules picks up a finding that arrives later, and then has nothing to do", async () => {
    await seed();
    const created = await m.rules.createSuppressionRule(rule({ controlIds: ["IAM.6"] }), actor, NOW);
    expect(created.suppressed).toBe(0);
    expect(await m.rules.applySuppressionRules(NOW)).toEqual({ rules: 1, suppressed: 0 });

    await store("securityhub", [control(B, "IAM.6", "AWS::::Account:111100000002")]);
    expect(await m.rules.applySuppressionRules(NOW)).toEqual({ rules: 1, suppressed: 1 });
    const [late] = await suppressedBy(created.rule.id);
    const history = await m.db.findingHistory.findMany({ where: { findingId: late } });
    expect(history).toEqual([expect.objectContaining({ origin: "system", actorId: null })]);
    expect(await m.db.auditLog.count({ where: { action: "finding.suppress.rule", targetId: late, actorId: null } })).toBe(1);

    const outboxBefore = await m.db.outboxItem.count();
    expect(await m.rules.applySuppressionRules(NOW)).toEqual({ rules: 1, suppressed: 0 });
    expect(await m.db.outboxItem.count()).toBe(outboxBefore);
    expect(await m.db.findingHistory.count({ where: { findingId: late } })).toBe(1);
  });

  it("a disabled rule does nothing; an expired one stops applying and its findings expire with it", async () => {
    const f = await seed();
    const disabled = await m.rules.createSuppressionRule(rule({ accountIds: [B] }, { enabled: false }), actor, NOW);
    expect(disabled.suppressed).toBe(0);
    const expiring = await m.rules.createSuppressionRule(rule({ accountIds: [C] }, { expiresAt: "2026-12-31" }), actor, NOW);
    expect(await suppressedBy(expiring.rule.id)).toEqual([f.cS3, f.gdNative].sort());
    expect(await m.rules.applySuppressionRules(NOW)).toEqual({ rules: 1, suppressed: 0 });

    const later = new Date("2027-01-02T00:00:00.000Z");
    await store("securityhub", [control(C, "S3.1", "arn:aws:s3:::late")]);
    expect(await m.rules.applySuppressionRules(later)).toEqual({ rules: 0, suppressed: 0 });
    expect(await m.db.finding.count({ where: { awsAccountId: { in: [B] }, workflowStatus: "SUPPRESSED" } })).toBe(0);
    // The findings it suppressed run out through the normal suppression expiry.
    expect(await m.expireSuppressions(later)).toBe(2);
    expect((await m.rules.listSuppressionRules(later)).find((r) => r.id === expiring.rule.id)).toMatchObject({ expired: true, covers: 0 });

    // Enabling the disabled rule applies it.
    const enabled = await m.rules.updateSuppressionRule(disabled.rule.id, { enabled: true }, actor, NOW);
    expect(enabled).toMatchObject({ suppressed: 2, rule: { enabled: true, covers: 2 } });
  });

  it("does not suppress again a finding someone took out of the rule by hand", async () => {
    const f = await seed();
    const created = await m.rules.createSuppressionRule(rule({ accountIds: [B] }), actor, NOW);
    await m.applyTriage([f.bS3], { action: "status", status: "NOTIFIED", note: "This one matters" }, { actor: { id: actor.user.id, email: actor.user.email }, origin: "user" });
    expect(await m.rules.applySuppressionRules(NOW)).toEqual({ rules: 1, suppressed: 0 });
    expect(await suppressedBy(created.rule.id)).toEqual([f.bInspector]);
  });

  it("an update releases findings the new criteria no longer match and carries a new reason and expiry to the others", async () => {
    const f = await seed();
    const created = await m.rules.createSuppressionRule(rule({ accountIds: [A, B] }), actor, NOW);
    expect(created.suppressed).toBe(5);
    const updated = await m.rules.updateSuppressionRule(created.rule.id, { criteria: { accountIds: [B] }, reason: "Tracked in JIRA-1", expiresAt: "2027-06-30" }, actor, NOW);
    expect(updated).toMatchObject({ released: 3, refreshed: 2, suppressed: 0, rule: { reason: "Tracked in JIRA-1", covers: 2 } });
    expect(await m.db.finding.findUniqueOrThrow({ where: { id: f.aS3 } })).toMatchObject({ workflowStatus: "NEW", suppressionRuleId: null });
    const kept = await m.db.finding.findUniqueOrThrow({ where: { id: f.bS3 } });
    expect(kept).toMatchObject({ workflowStatus: "SUPPRESSED", suppressionReason: "Tracked in JIRA-1" });
    expect(kept.suppressedUntil?.toISOString()).toBe("2027-06-30T23:59:59.999Z");
    const audit = await m.db.auditLog.findFirstOrThrow({ where: { action: "suppressionRule.update", targetId: created.rule.id } });
    expect(audit).toMatchObject({ before: { criteria: { accountIds: [A, B] } }, after: { criteria: { accountIds: [B] }, released: 3 } });

    // Widened again, the released findings are the rule's again (they were released by the rule, not by a person).
    expect((await m.rules.updateSuppressionRule(created.rule.id, { criteria: { accountIds: [A, B] } }, actor, NOW)).suppressed).toBe(3);
  });

  it("deleting a rule returns its findings to NEW, or keeps them suppressed when asked", async () => {
    const f = await seed();
    const first = await m.rules.createSuppressionRule(rule({ accountIds: [B] }), actor, NOW);
    const deleted = await m.rules.deleteSuppressionRule(first.rule.id, {}, actor);
    expect(deleted).toEqual({ deleted: true, released: 2, kept: 0 });
    const back = await m.db.finding.findUniqueOrThrow({ where: { id: f.bS3 }, include: { outbox: { orderBy: { id: "asc" } } } });
    expect(back).toMatchObject({ workflowStatus: "NEW", suppressionRuleId: null, suppressedUntil: null });
    expect(back.outbox.at(-1)).toMatchObject({ kind: "securityhub.update", payload: { Workflow: { Status: "NEW" } } });
    expect(await m.db.auditLog.count({ where: { action: "finding.unsuppress.rule" } })).toBe(2);
    expect(await m.db.auditLog.count({ where: { action: "suppressionRule.delete", targetId: first.rule.id } })).toBe(1);
    expect(await m.db.suppressionRule.count()).toBe(0);

    const second = await m.rules.createSuppressionRule(rule({ accountIds: [B] }), actor, NOW);
    expect(await m.rules.deleteSuppressionRule(second.rule.id, { keepSuppressed: true }, actor)).toEqual({ deleted: true, released: 0, kept: 2 });
    expect(await m.db.finding.findUniqueOrThrow({ where: { id: f.bS3 } })).toMatchObject({ workflowStatus: "SUPPRESSED", suppressionRuleId: null, suppressionReason: "Covered by a compensating control" });
  });

  it("lists rules with what they cover and match", async () => {
    await seed();
    const created = await m.rules.createSuppressionRule(rule({ controlIds: ["S3.1"] }), actor, NOW);
    const [listed] = await m.rules.listSuppressionRules(NOW);
    // S3.1: aS3, bS3, cS3 in the queue; the resolved and suppressed ones match too; the archived one is not active.
    expect(listed).toMatchObject({ id: created.rule.id, name: "Accepted risk", covers: 3, matches: 5, criteria: { controlIds: ["S3.1"] }, expiresAt: null, expired: false });
  });

  it.each([
    [rule({}), /at least one criterion/],
    [rule({ accountIds: [] }), /at least one criterion/],
    [rule({ accountIds: ["12345"] }), /Account "12345" is not a 12-digit AWS account id/],
    [rule({ ouIds: ["ou-zzzz-doesnotexist"] }), /OU "ou-zzzz-doesnotexist" is not in the organization/],
    [rule({ ouIds: ["finance"] }), /is not an OU id/],
    [rule({ resourcePattern: "x".repeat(300) }), /at most 256 are allowed/],
    [rule({ resourcePattern: "**" }), /at least 3 characters besides \*/],
    [rule({ findingTypes: ["Recon:*/Port"] }), /only allowed at the end/],
    [rule({ colour: ["red"] }), /Unknown criterion "colour"/],
    [rule({ accountIds: "111100000001" }), /must be a list/],
    [rule({ accountIds: [A] }, { expiresAt: "2020-01-01" }), /must be in the future/],
    [rule({ accountIds: [A] }, { expiresAt: "next week" }), /is not a date/],
    [rule({ accountIds: [A] }, { reason: "  " }), /reason must not be empty/],
    [{ name: "x", criteria: { accountIds: [A] } }, /reason/],
    [rule({ accountIds: [A] }, { owner: "me" }), /unknown field "owner"/],
    [[1, 2], /JSON object/],
    [rule({ controlIds: ["S3.1\u0000"] }), /contains a control character/],
    [rule({ accountIds: [A] }, { name: "bad\u0000name" }), /name must not contain NUL/],
  ])("rejects bad input with a message (%#)", async (body, message) => {
    const error = await m.rules.createSuppressionRule(body, actor, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(m.AppError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
  });

  it("rejects updates that change nothing and answers 404 for a missing rule", async () => {
    const created = await m.rules.createSuppressionRule(rule({ accountIds: [A] }), actor, NOW);
    await expect(m.rules.updateSuppressionRule(created.rule.id, {}, actor, NOW)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Nothing to change/) });
    await expect(m.rules.updateSuppressionRule("nope", { enabled: false }, actor, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(m.rules.deleteSuppressionRule("nope", {}, actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(m.rules.deleteSuppressionRule(created.rule.id, { keep: true }, actor)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/keepSuppressed/) });
  });
});
