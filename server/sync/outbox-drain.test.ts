import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GetFindingsCommand as GetGuardDutyFindings, ListDetectorsCommand, ListOrganizationAdminAccountsCommand } from "@aws-sdk/client-guardduty";
import { GetFindingsCommand, type AwsSecurityFinding } from "@aws-sdk/client-securityhub";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TSimulator } from "@/server/simulator";
import type { TOutboxKind } from "./outbox.schema";

// The outbox drain through the real AWS SDK clients against the simulator, on a database of its own
// filled by a real sync (so externalIds, ProductArns and GuardDuty ids are AWS's).

let sim: TSimulator;
type Mods = {
  db: typeof import("@/server/db").db;
  drainOutbox: typeof import("./outbox-drain").drainOutbox;
  retryFailedWriteBacks: typeof import("./retry-write-backs").retryFailedWriteBacks;
  outboxStatus: typeof import("./outbox-status").outboxStatus;
  SIMULATOR_CREDENTIALS: typeof import("./sync-config").SIMULATOR_CREDENTIALS;
  clients: typeof import("@/server/simulator/test-helpers").clients;
};
let m: Mods;

const REGIONS = ["us-east-1", "ap-northeast-1", "eu-west-1"];
const NOTIFIED = { Workflow: { Status: "NOTIFIED" }, Note: { Text: "Ticket SEC-42", UpdatedBy: "analyst@example.com" } };
const SECOND = 1000;

function config(topology: "delegated-admin" | "fan-out" = "delegated-admin", rateLimits = false) {
  return { connection: { endpoint: sim.url, credentials: m.SIMULATOR_CREDENTIALS, roleName: "KanshiReadRole", externalId: "kanshi-test" }, regions: REGIONS, topology, rateLimits };
}
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);
const calls = (operation: string) => sim.stats().calls[operation] ?? 0;

/** Outbox items as triage writes them: one action, one payload, findings marked PENDING. */
async function enqueue(findingIds: string[], kind: TOutboxKind, payload: object = {}): Promise<string> {
  const actionId = randomUUID();
  await m.db.outboxItem.createMany({ data: findingIds.map((findingId) => ({ actionId, findingId, kind, payload })) });
  await m.db.finding.updateMany({ where: { id: { in: findingIds } }, data: { writeBack: "PENDING", writeBackError: null } });
  return actionId;
}

async function securityHubFindings(n: number, where: object = {}) {
  return m.db.finding.findMany({ where: { inSecurityHub: true, ...where }, orderBy: { id: "asc" }, take: n, select: { id: true, externalId: true, region: true, awsAccountId: true } });
}
async function nativeGuardDuty() {
  const found = await m.db.finding.findMany({
    where: { inSecurityHub: false, guardDutyId: { not: null } }, orderBy: { id: "asc" },
    select: { id: true, guardDutyId: true, region: true, awsAccountId: true, awsAccount: { select: { status: true } } },
  });
  return found.map(({ awsAccount, ...f }) => ({ ...f, active: awsAccount.status === "ACTIVE" }));
}

/** The findings as Security Hub has them now, read back with GetFindings. */
async function readBack(externalIds: string[]): Promise<AwsSecurityFinding[]> {
  const client = m.clients(sim).securityHub;
  const out: AwsSecurityFinding[] = [];
  for (let i = 0; i < externalIds.length; i += 20) {
    const Id = externalIds.slice(i, i + 20).map((Value) => ({ Value, Comparison: "EQUALS" as const }));
    out.push(...((await client.send(new GetFindingsCommand({ Filters: { Id }, MaxResults: 100 }))).Findings ?? []));
  }
  return out;
}

async function archivedInGuardDuty(findings: { guardDutyId: string | null; region: string }[]): Promise<boolean[]> {
  const result: boolean[] = [];
  for (const region of REGIONS) {
    const gd = m.clients(sim, { region }).guardDuty;
    const DetectorId = (await gd.send(new ListDetectorsCommand({}))).DetectorIds![0]!;
    const ids = findings.filter((f) => f.region === region).map((f) => f.guardDutyId!);
    for (let i = 0; i < ids.length; i += 50) {
      const got = await gd.send(new GetGuardDutyFindings({ DetectorId, FindingIds: ids.slice(i, i + 50) }));
      result.push(...got.Findings!.map((f) => f.Service!.Archived!));
    }
  }
  return result;
}

const itemStates = async () => Object.fromEntries((await m.db.outboxItem.groupBy({ by: ["state"], _count: true })).map((g) => [g.state, g._count]));

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_outbox`);
  const { startSimulator } = await import("@/server/simulator");
  sim = await startSimulator({ seed: 5, scale: 8000 });
  m = {
    db: (await import("@/server/db")).db,
    drainOutbox: (await import("./outbox-drain")).drainOutbox,
    retryFailedWriteBacks: (await import("./retry-write-backs")).retryFailedWriteBacks,
    outboxStatus: (await import("./outbox-status")).outboxStatus,
    SIMULATOR_CREDENTIALS: (await import("./sync-config")).SIMULATOR_CREDENTIALS,
    clients: (await import("@/server/simulator/test-helpers")).clients,
  };
  const { runSync } = await import("./run-sync");
  const sync = await runSync(config(), { trigger: "cli" });
  expect(sync.results.filter((r) => !r.ok)).toEqual([]);
}, 120_000);

afterAll(async () => {
  const { stopQueue } = await import("./sync-queue");
  await stopQueue();
  await sim?.close();
  await m?.db.$disconnect();
});

beforeEach(async () => {
  await m.db.outboxItem.deleteMany();
  await m.db.finding.updateMany({ where: { writeBack: { not: "NONE" } }, data: { writeBack: "NONE", writeBackError: null } });
  sim.setFaults({ throttleRate: 0, errorRate: 0, latencyMs: 0, deniedAccounts: [], unprocessedRate: 0 });
  sim.setRateLimits(false);
  sim.resetStats();
});

describe("drainOutbox: Security Hub", () => {
  it("sends a 1,000-finding action in exactly 10 BatchUpdateFindings calls, at AWS's rate, and Security Hub shows it", async () => {
    const findings = await securityHubFindings(1000);
    expect(new Set(findings.map((f) => f.region)).size).toBeGreaterThan(1);
    await enqueue(findings.map((f) => f.id), "securityhub.update", NOTIFIED);
    sim.setRateLimits(true);

    const summary = await m.drainOutbox(config("delegated-admin", true));
    expect(summary).toEqual({ sent: 1000, done: 1000, failed: 0, retried: 0, calls: 10 });
    expect(calls("SecurityHub.BatchUpdateFindings")).toBe(10);
    expect(sim.stats().writes["SecurityHub.BatchUpdateFindings"]).toBe(1000);
    expect(sim.stats().throttled).toBe(0);
    expect(await itemStates()).toEqual({ DONE: 1000 });
    expect(await m.db.outboxItem.count({ where: { sentAt: null } })).toBe(0);
    expect(await m.db.finding.count({ where: { writeBack: "SYNCED", writeBackError: null } })).toBe(1000);

    const sample = findings.filter((_, n) => n % 37 === 0).map((f) => f.externalId);
    const back = await readBack(sample);
    expect(back).toHaveLength(sample.length);
    for (const f of back) expect([f.Workflow?.Status, f.Note?.Text, f.Note?.UpdatedBy]).toEqual(["NOTIFIED", "Ticket SEC-42", "analyst@example.com"]);
    expect(await m.outboxStatus()).toMatchObject({ pending: 0, failed: 0, done: 1000, oldestPendingSeconds: null, lastError: null });
  });

  it("UnprocessedFindings: retried with backoff (30 s, 60 s …), FAILED after 5 attempts with AWS's error on the finding", async () => {
    const findings = await securityHubFindings(150);
    await enqueue(findings.map((f) => f.id), "securityhub.update", NOTIFIED);
    sim.setFaults({ unprocessedRate: 1 });
    const t0 = new Date();

    expect(await m.drainOutbox(config(), { now: t0 })).toEqual({ sent: 150, done: 0, failed: 0, retried: 150, calls: 2 });
    const item = () => m.db.outboxItem.findFirstOrThrow({ where: { findingId: findings[0]!.id } });
    expect(await item()).toMatchObject({ state: "PENDING", attempts: 1, nextAttemptAt: at(t0, 30 * SECOND), lastError: "InternalFailure: Internal service failure" });
    const finding = () => m.db.finding.findUniqueOrThrow({ where: { id: findings[0]!.id }, select: { writeBack: true, writeBackError: true } });
    expect(await finding()).toEqual({ writeBack: "PENDING", writeBackError: "InternalFailure: Internal service failure" });
    expect(await m.outboxStatus()).toMatchObject({ pending: 150, findingsPending: 150, lastError: { message: "InternalFailure: Internal service failure", state: "PENDING" } });

    // Not due before its backoff ends.
    expect((await m.drainOutbox(config(), { now: at(t0, 29 * SECOND) })).sent).toBe(0);
    let clock = t0.getTime();
    for (const [attempt, wait] of [[2, 30], [3, 60], [4, 120]] as const) {
      clock += wait * SECOND + 1;
      expect(await m.drainOutbox(config(), { now: new Date(clock) })).toMatchObject({ sent: 150, retried: 150 });
      expect(await item()).toMatchObject({ attempts: attempt, nextAttemptAt: new Date(clock + 2 * wait * SECOND) });
    }
    clock += 240 * SECOND + 1;
    expect(await m.drainOutbox(config(), { now: new Date(clock) })).toMatchObject({ sent: 150, failed: 150, retried: 0 });
    expect(await item()).toMatchObject({ state: "FAILED", attempts: 5 });
    expect(await finding()).toEqual({ writeBack: "FAILED", writeBackError: "InternalFailure: Internal service failure" });
    expect(calls("SecurityHub.BatchUpdateFindings")).toBe(10);
    expect(await m.drainOutbox(config(), { now: new Date(clock + 3600 * SECOND) })).toMatchObject({ sent: 0 });

    // Retry: some findings first, then all; with the fault gone, everything is written.
    sim.setFaults({ unprocessedRate: 0 });
    expect(await m.retryFailedWriteBacks({ findingIds: findings.slice(0, 10).map((f) => f.id) })).toBe(10);
    expect(await m.db.finding.count({ where: { writeBack: "PENDING" } })).toBe(10);
    expect(await m.drainOutbox(config())).toMatchObject({ sent: 10, done: 10 });
    expect(await m.db.finding.count({ where: { writeBack: "SYNCED" } })).toBe(10);
    expect(await m.db.finding.count({ where: { writeBack: "FAILED" } })).toBe(140);
    expect(await m.retryFailedWriteBacks()).toBe(140);
    expect(await m.drainOutbox(config())).toMatchObject({ sent: 140, done: 140, failed: 0 });
    expect(await m.db.finding.count({ where: { id: { in: findings.map((f) => f.id) }, writeBack: "SYNCED", writeBackError: null } })).toBe(150);
    for (const f of await readBack(findings.slice(0, 30).map((f) => f.externalId))) expect(f.Workflow?.Status).toBe("NOTIFIED");
  });

  it("5xx on the call: the SDK retries, then the outbox does; nothing is lost", async () => {
    const findings = await securityHubFindings(250);
    await enqueue(findings.map((f) => f.id), "securityhub.update", { Workflow: { Status: "RESOLVED" } });
    sim.setFaults({ errorRate: 1 });
    const t0 = new Date();
    expect(await m.drainOutbox(config(), { now: t0 })).toMatchObject({ sent: 250, done: 0, retried: 250, calls: 3 });
    expect(calls("SecurityHub.BatchUpdateFindings")).toBe(9); // 3 SDK attempts per call
    const errors = await m.db.outboxItem.findMany({ select: { lastError: true }, distinct: ["lastError"] });
    for (const e of errors) expect(e.lastError).toMatch(/^(InternalException|ServiceUnavailableException): /);

    // Transient: 30 % of calls fail; the SDK's retries and the outbox's get every item through.
    sim.setFaults({ errorRate: 0.3 });
    let clock = t0.getTime();
    for (let n = 0; n < 10 && (await m.db.outboxItem.count({ where: { state: "PENDING" } })) > 0; n++) {
      clock += 3600 * SECOND;
      await m.drainOutbox(config(), { now: new Date(clock) });
    }
    expect(await itemStates()).toEqual({ DONE: 250 });
    expect(sim.stats().errors).toBeGreaterThan(0);
    sim.setFaults({ errorRate: 0 });
    const back = await readBack(findings.map((f) => f.externalId));
    expect(back.filter((f) => f.Workflow?.Status === "RESOLVED")).toHaveLength(250);
  });

  it("two drains at once never send an item twice", async () => {
    const findings = await securityHubFindings(1000, { region: { in: REGIONS } });
    await enqueue(findings.map((f) => f.id), "securityhub.update", { UserDefinedFields: { "kanshi:owner": "user:abc" } });
    sim.setFaults({ latencyMs: 25 });
    const [a, b] = await Promise.all([m.drainOutbox(config()), m.drainOutbox(config())]);
    expect(a.sent + b.sent).toBe(1000);
    expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
    expect(sim.stats().writes["SecurityHub.BatchUpdateFindings"]).toBe(1000);
    expect(calls("SecurityHub.BatchUpdateFindings")).toBe(a.calls + b.calls);
    expect(await itemStates()).toEqual({ DONE: 1000 });
  });

  it("keeps a finding's changes in order, and a failed change that a later one covers is settled, not retried", async () => {
    const [f] = await securityHubFindings(1, { workflowStatus: "NEW" });
    await enqueue([f!.id], "securityhub.update", { Workflow: { Status: "NOTIFIED" } });
    await enqueue([f!.id], "securityhub.update", { Workflow: { Status: "RESOLVED" } });
    sim.setFaults({ unprocessedRate: 1 });
    const t0 = new Date();
    expect(await m.drainOutbox(config(), { now: t0 })).toMatchObject({ sent: 1, retried: 1 });
    sim.setFaults({ unprocessedRate: 0 });
    // The later change waits while the earlier one backs off …
    expect((await m.drainOutbox(config(), { now: at(t0, SECOND) })).sent).toBe(0);
    // … then both go, in order.
    expect(await m.drainOutbox(config(), { now: at(t0, 31 * SECOND) })).toMatchObject({ sent: 2, done: 2, calls: 2 });
    expect((await readBack([f!.externalId]))[0]?.Workflow?.Status).toBe("RESOLVED");

    // A note that failed for good, then a newer note and status written: the old one is superseded.
    sim.setFaults({ unprocessedRate: 1 });
    await enqueue([f!.id], "securityhub.update", { Note: { Text: "old", UpdatedBy: "a@example.com" }, Workflow: { Status: "NOTIFIED" } });
    await m.drainOutbox(config(), { maxAttempts: 1 });
    expect((await m.db.finding.findUniqueOrThrow({ where: { id: f!.id } })).writeBack).toBe("FAILED");
    sim.setFaults({ unprocessedRate: 0 });
    await enqueue([f!.id], "securityhub.update", { Note: { Text: "new", UpdatedBy: "a@example.com" } });
    await m.drainOutbox(config());
    // Only the status is left to send: a retry must not bring the old note back.
    expect((await m.db.outboxItem.findFirstOrThrow({ where: { state: "FAILED" } })).payload).toEqual({ Workflow: { Status: "NOTIFIED" } });
    await enqueue([f!.id], "securityhub.update", { Workflow: { Status: "RESOLVED" } });
    await m.drainOutbox(config());
    expect(await m.db.finding.findUniqueOrThrow({ where: { id: f!.id }, select: { writeBack: true } })).toEqual({ writeBack: "SYNCED" });
    expect(await m.retryFailedWriteBacks()).toBe(0);
    const back = (await readBack([f!.externalId]))[0]!;
    expect([back.Workflow?.Status, back.Note?.Text]).toEqual(["RESOLVED", "new"]);
  });

  it("a finding Security Hub no longer has is done with a note", async () => {
    const [f] = await securityHubFindings(1);
    await m.db.finding.update({ where: { id: f!.id }, data: { externalId: `${f!.externalId}-gone` } });
    await enqueue([f!.id], "securityhub.update", NOTIFIED);
    expect(await m.drainOutbox(config())).toMatchObject({ sent: 1, done: 1, failed: 0 });
    const item = await m.db.outboxItem.findFirstOrThrow();
    expect(item).toMatchObject({ state: "DONE", sentAt: null });
    expect(item.lastError).toMatch(/^FindingNotFound: .*nothing to write back/);
    expect((await m.db.finding.findUniqueOrThrow({ where: { id: f!.id } })).writeBack).toBe("SYNCED");
    await m.db.finding.update({ where: { id: f!.id }, data: { externalId: f!.externalId } });
  });
});

describe("drainOutbox: GuardDuty", () => {
  it("archives native-only findings 50 per call through the administrator's detector of their region, then unarchives them", async () => {
    const findings = await nativeGuardDuty();
    const perRegion = REGIONS.map((r) => findings.filter((f) => f.region === r).length);
    expect(Math.max(...perRegion)).toBeGreaterThan(50);
    const expectedCalls = perRegion.reduce((n, c) => n + Math.ceil(c / 50), 0);

    await enqueue(findings.map((f) => f.id), "guardduty.archive");
    expect(await m.drainOutbox(config())).toEqual({ sent: findings.length, done: findings.length, failed: 0, retried: 0, calls: expectedCalls });
    expect(calls("GuardDuty.ArchiveFindings")).toBe(expectedCalls);
    expect(calls("GuardDuty.ListDetectors")).toBe(REGIONS.length);
    expect((await archivedInGuardDuty(findings)).every(Boolean)).toBe(true);
    expect(await m.db.finding.count({ where: { id: { in: findings.map((f) => f.id) }, writeBack: "SYNCED" } })).toBe(findings.length);

    await enqueue(findings.map((f) => f.id), "guardduty.unarchive");
    expect(await m.drainOutbox(config())).toMatchObject({ done: findings.length, calls: expectedCalls });
    expect(calls("GuardDuty.UnarchiveFindings")).toBe(expectedCalls);
    expect((await archivedInGuardDuty(findings)).some(Boolean)).toBe(false);
  });
});

describe("drainOutbox: fan-out", () => {
  it("writes through each member's role; GuardDuty refuses a member's archive, so it goes through the administrator", async () => {
    // Members whose role can be assumed (a suspended account's cannot).
    const active = { awsAccount: { status: "ACTIVE" as const } };
    const sh = await securityHubFindings(60, active);
    const gd = (await nativeGuardDuty()).filter((f) => f.active).slice(0, 30);
    await enqueue(sh.map((f) => f.id), "securityhub.update", NOTIFIED);
    await enqueue(gd.map((f) => f.id), "guardduty.archive");
    const shScopes = new Set(sh.map((f) => `${f.awsAccountId}/${f.region}`)).size;
    const gdScopes = new Set(gd.map((f) => `${f.awsAccountId}/${f.region}`)).size;

    const summary = await m.drainOutbox(config("fan-out"));
    // On a mismatch, say which items are left and why (seen once under load, not reproduced since).
    const left = await m.db.outboxItem.findMany({ where: { state: { not: "DONE" } }, select: { kind: true, state: true, attempts: true, lastError: true } });
    expect(summary, JSON.stringify({ summary, left })).toMatchObject({ sent: 90, done: 90, failed: 0 });
    expect(calls("SecurityHub.BatchUpdateFindings")).toBe(shScopes);
    expect(calls("STS.AssumeRole")).toBeGreaterThan(0);
    // Each scope's call as the member; GuardDuty refuses members (all but the administrator account), whose ids then go through the administrator.
    const { AdminAccounts } = await m.clients(sim).guardDuty.send(new ListOrganizationAdminAccountsCommand({}));
    const memberScopes = new Set(gd.filter((f) => f.awsAccountId !== AdminAccounts![0]!.AdminAccountId).map((f) => `${f.awsAccountId}/${f.region}`)).size;
    expect(memberScopes).toBeGreaterThan(0);
    expect(calls("GuardDuty.ArchiveFindings")).toBe(gdScopes + memberScopes);
    expect((await archivedInGuardDuty(gd)).every(Boolean)).toBe(true);
    for (const f of await readBack(sh.map((f) => f.externalId))) expect(f.Workflow?.Status).toBe("NOTIFIED");
  });
});

describe("the outbox queue", () => {
  it("requestOutboxDrain wakes the worker, which sends the items; an audited retry does the same", async () => {
    const { startOutboxWorker } = await import("./sync-queue");
    const { requestOutboxDrain } = await import("./request-outbox-drain");
    const { requestWriteBackRetry } = await import("./request-write-back-retry");
    await startOutboxWorker(async () => {
      await m.drainOutbox(config());
    });
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(await check()).toBe(true);
    };

    const findings = await securityHubFindings(120);
    await enqueue(findings.map((f) => f.id), "securityhub.update", NOTIFIED);
    await requestOutboxDrain();
    await until(async () => (await m.db.outboxItem.count({ where: { state: "DONE" } })) === 120);

    await m.db.outboxItem.updateMany({ where: { findingId: findings[0]!.id }, data: { state: "FAILED", lastError: "InternalFailure: x" } });
    const actor = await m.db.user.create({ data: { email: `analyst-${randomUUID()}@test.kanshi`, role: "ANALYST" } });
    const sessionUser = { id: actor.id, email: actor.email, name: null, role: "ANALYST" as const, locale: null };
    expect(await requestWriteBackRetry({ actor: sessionUser, input: { findingIds: [findings[0]!.id] } })).toEqual({ retried: 1 });
    expect(await m.db.auditLog.findFirst({ where: { action: "finding.writeback.retry", actorId: actor.id } })).toMatchObject({ targetType: "finding", targetId: findings[0]!.id });
    await until(async () => (await m.db.finding.findUniqueOrThrow({ where: { id: findings[0]!.id } })).writeBack === "SYNCED");
  }, 60_000);
});
