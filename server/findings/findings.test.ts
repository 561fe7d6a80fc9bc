import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { asffFinding, guardDutyFinding } from "@/prisma/factories/finding";
import { createTestUser } from "@/prisma/factories/user";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { normalizeAsff, normalizeGuardDuty } from "./normalize";
import { syncFindings } from "@/server/sync/sync-findings";
import { SyncRunLog } from "@/server/sync/sync-run-log";
import { expireSuppressions } from "./expire-suppressions";
import { parseFindingFilter, parsePaging } from "./filters";
import { countFindings, listFindings } from "./list-findings";
import { getFinding } from "./get-finding";
import { applyTriage } from "./triage";
import { handleTriageRequest } from "./triage-request";
import type { TSessionUser } from "@/server/auth/roles.types";

const DAY = 86_400_000;

// Triage wakes the outbox worker through pg-boss: stop its connection pool at the end.
afterAll(async () => {
  const { stopQueue } = await import("@/server/sync/sync-queue");
  await stopQueue();
});
const NOW = new Date("2026-11-27T12:00:00.000Z");
const newAccount = () => String(200000000000 + Math.floor(Math.random() * 799999999999)).slice(0, 12);

async function store(origin: "securityhub" | "guardduty", items: unknown[]) {
  const scope = `test-${randomUUID()}`;
  const run = await SyncRunLog.start(origin, scope, "cli");
  async function* pages() {
    yield items;
  }
  await syncFindings({ kind: origin, scope, origin, pages: pages(), normalize: origin === "securityhub" ? normalizeAsff : normalizeGuardDuty, run });
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An account's worth of findings: severities × workflow × first-seen spread, some archived. */
async function seedAccount() {
  const account = newAccount();
  const items = [];
  const severities = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
  for (let i = 0; i < 40; i++) {
    const first = NOW.getTime() - (i + 1) * 3 * DAY;
    items.push(asffFinding({
      AwsAccountId: account,
      Title: `Finding ${i} ${i % 5 === 0 ? "public bucket" : "open port"}`,
      Severity: { Label: severities[i % 4] },
      Workflow: { Status: i % 10 === 9 ? "RESOLVED" : "NEW" },
      Compliance: { Status: "FAILED", SecurityControlId: i % 2 ? "S3.1" : "EC2.19" },
      RecordState: i % 13 === 12 ? "ARCHIVED" : "ACTIVE",
      FirstObservedAt: iso(first), CreatedAt: iso(first), LastObservedAt: iso(first + DAY), UpdatedAt: iso(first + DAY),
      Resources: [{ Type: i % 2 ? "AwsS3Bucket" : "AwsEc2SecurityGroup", Id: `arn:aws:s3:::bucket-${account}-${i}` }],
    }));
  }
  await store("securityhub", items);
  return account;
}

async function analyst(): Promise<TSessionUser> {
  const u = await createTestUser({ role: "ANALYST" });
  return { id: u.id, email: u.email, name: null, role: "ANALYST", locale: null };
}

const params = (query: string) => new URLSearchParams(query);

async function readAll(query: string, userId: string, sort = "due", dir?: string) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const p = params(`${query}&sort=${sort}${dir ? `&dir=${dir}` : ""}&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
    const page = await listFindings(parseFindingFilter(p), parsePaging(p), { userId, now: NOW });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe("findings list (PostgreSQL)", () => {
  it("defaults to active CRITICAL/HIGH that are not resolved, most overdue first, and pages every row exactly once in every sort", async () => {
    const account = await seedAccount();
    const user = await analyst();
    const expected = await db.finding.findMany({
      where: { awsAccountId: account, severity: { in: ["CRITICAL", "HIGH"] }, workflowStatus: { in: ["NEW", "NOTIFIED"] }, recordState: "ACTIVE" },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(5);
    expect(await readAll(`account=${account}`, user.id)).toEqual(expected.map((f) => f.id));
    for (const [sort, dir] of [["severity"], ["age"], ["lastSeen"], ["due", "desc"], ["lastSeen", "asc"]] as const) {
      const ids = await readAll(`account=${account}&severity=all&status=all&record=all`, user.id, sort, dir);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    }
    const page = await listFindings(parseFindingFilter(params(`account=${account}`)), parsePaging(params("")), { userId: user.id, now: NOW });
    // Due = first seen + 7 days (CRITICAL) or 30 (HIGH): the oldest are overdue.
    expect(page.items[0]!.sla).toBe("overdue");
    expect(page.items.every((i) => ["CRITICAL", "HIGH"].includes(i.severity) && i.workflowStatus === "NEW" && i.recordState === "ACTIVE")).toBe(true);
  });

  it("applies each filter and counts by severity without the severity filter", async () => {
    const account = await seedAccount();
    const user = await analyst();
    const list = async (query: string) => (await readAll(`account=${account}&${query}`, user.id)).length;
    const count = (where: object) => db.finding.count({ where: { awsAccountId: account, ...where } });
    expect(await list("severity=MEDIUM&status=all&record=all")).toBe(await count({ severity: "MEDIUM" }));
    expect(await list("severity=all&status=RESOLVED&record=all")).toBe(await count({ workflowStatus: "RESOLVED" }));
    expect(await list("severity=all&status=all&record=archived")).toBe(await count({ recordState: "ARCHIVED" }));
    expect(await list("severity=all&status=all&record=all&control=S3.1")).toBe(20);
    expect(await list("severity=all&status=all&record=all&resourceType=AwsEc2SecurityGroup")).toBe(20);
    expect(await list("severity=all&status=all&record=all&q=public%20bucket")).toBe(8);
    expect(await list(`severity=all&status=all&record=all&q=bucket-${account}-17`)).toBe(1);
    expect(await list("severity=all&status=all&record=all&owner=me")).toBe(0);
    expect(await list("severity=all&status=all&record=all&owner=none")).toBe(40);
    const overdue = await db.finding.count({ where: { awsAccountId: account, dueAt: { lt: NOW }, recordState: "ACTIVE", workflowStatus: { in: ["NEW", "NOTIFIED"] } } });
    expect(await list("severity=all&status=all&record=all&sla=overdue")).toBe(overdue);
    const from = iso(NOW.getTime() - 30 * DAY).slice(0, 10);
    expect(await list(`severity=all&status=all&record=all&firstSeenFrom=${from}`)).toBe(await count({ firstObservedAt: { gte: new Date(`${from}T00:00:00Z`) } }));

    const counts = await countFindings(parseFindingFilter(params(`account=${account}`)), { userId: user.id, now: NOW });
    const open = { awsAccountId: account, workflowStatus: { in: ["NEW", "NOTIFIED"] as ("NEW" | "NOTIFIED")[] }, recordState: "ACTIVE" as const };
    expect(counts.bySeverity.MEDIUM).toBe(await db.finding.count({ where: { ...open, severity: "MEDIUM" } }));
    expect(counts.total).toBe(await db.finding.count({ where: { ...open, severity: { in: ["CRITICAL", "HIGH"] } } }));
  });

  it("rejects bad filters with a message naming the problem", () => {
    const bad = ["severity=URGENT", "colour=red", "account=123", "firstSeenFrom=yesterday", "sla=late", "owner=a b", "record=gone", "standard=pci", "standard=toString", "standard=constructor",
      "firstSeenFrom=2026-02-01&firstSeenTo=2026-01-01", `q=${"x".repeat(201)}`];
    for (const query of bad) {
      expect(() => parseFindingFilter(params(query)), query).toThrow(AppError);
    }
    expect(() => parseFindingFilter(params("severity=URGENT"))).toThrow(/Unknown severity "URGENT"/);
    expect(() => parsePaging(params("limit=500"))).toThrow(/limit/);
    expect(() => parsePaging(params("sort=random"))).toThrow(/Unknown sort/);
  });

  it("rejects a forged cursor", async () => {
    const user = await analyst();
    await expect(listFindings(parseFindingFilter(params("")), parsePaging(params("cursor=bm9wZQ")), { userId: user.id })).rejects.toThrow(/cursor/);
    // Well-formed JSON with values that are not timestamps or ids of this sort: 400, not a database error.
    const forged = Buffer.from(JSON.stringify(["garbage", "x"])).toString("base64url");
    await expect(listFindings(parseFindingFilter(params("")), parsePaging(params(`cursor=${forged}`)), { userId: user.id })).rejects.toBeInstanceOf(AppError);
    const severity = Buffer.from(JSON.stringify(["URGENT", "2026-01-01T00:00:00.000Z", "x"])).toString("base64url");
    await expect(listFindings(parseFindingFilter(params("")), parsePaging(params(`sort=severity&cursor=${severity}`)), { userId: user.id })).rejects.toBeInstanceOf(AppError);
  });
});

describe("triage (PostgreSQL)", () => {
  it("resolves a selection: local state, history, audit and Security Hub outbox items commit together; a sync does not undo it while pending", async () => {
    const account = await seedAccount();
    const user = await analyst();
    const targets = await db.finding.findMany({ where: { awsAccountId: account, workflowStatus: "NEW" }, take: 3, orderBy: { id: "asc" } });
    const result = await handleTriageRequest(
      { action: "status", status: "RESOLVED", note: "Fixed by the platform team", target: { ids: targets.map((t) => t.id) } },
      user, { ip: "10.0.0.1", userAgent: "vitest" },
    );
    expect(result).toMatchObject({ affected: 3, writeBack: 3 });
    const after = await db.finding.findMany({ where: { id: { in: targets.map((t) => t.id) } } });
    expect(after.every((f) => f.workflowStatus === "RESOLVED" && f.note === "Fixed by the platform team" && f.writeBack === "PENDING")).toBe(true);
    const history = await db.findingHistory.findMany({ where: { findingId: { in: targets.map((t) => t.id) }, origin: "user" } });
    expect(history).toHaveLength(3);
    expect(history[0]!.changes).toMatchObject({ workflowStatus: { from: "NEW", to: "RESOLVED" }, note: "Fixed by the platform team" });
    const audit = await db.auditLog.findMany({ where: { action: "finding.status", targetId: { in: targets.map((t) => t.id) } } });
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorId: user.id, ip: "10.0.0.1", after: expect.objectContaining({ workflowStatus: "RESOLVED", actionId: result.actionId }) });
    const outbox = await db.outboxItem.findMany({ where: { actionId: result.actionId } });
    expect(outbox).toHaveLength(3);
    expect(outbox[0]).toMatchObject({ kind: "securityhub.update", state: "PENDING", payload: { Workflow: { Status: "RESOLVED" }, Note: { Text: "Fixed by the platform team", UpdatedBy: user.email } } });

    // AWS still says NEW (the outbox has not sent yet): a sync must keep the local decision.
    const raw = targets[0]!.raw as Record<string, unknown>;
    await store("securityhub", [{ ...raw, UpdatedAt: iso(NOW.getTime()), Workflow: { Status: "NEW" } }]);
    expect((await db.finding.findUniqueOrThrow({ where: { id: targets[0]!.id } })).workflowStatus).toBe("RESOLVED");

    // Written back (SYNCED): a page fetched before the write-back (same UpdatedAt) must not undo it…
    const stale = targets[1]!;
    await db.finding.update({ where: { id: stale.id }, data: { writeBack: "SYNCED" } });
    await store("securityhub", [{ ...(stale.raw as Record<string, unknown>), Workflow: { Status: "NEW" } }]);
    expect((await db.finding.findUniqueOrThrow({ where: { id: stale.id } })).workflowStatus).toBe("RESOLVED");
    // …but a change AWS made afterwards (a newer UpdatedAt, e.g. the finding reopened) is taken.
    await store("securityhub", [{ ...(stale.raw as Record<string, unknown>), UpdatedAt: iso(NOW.getTime() + DAY), Workflow: { Status: "NEW" } }]);
    expect((await db.finding.findUniqueOrThrow({ where: { id: stale.id } })).workflowStatus).toBe("NEW");
  });

  it("unsuppress leaves findings that are not suppressed alone", async () => {
    const account = await seedAccount();
    const [resolved] = await db.finding.findMany({ where: { awsAccountId: account, workflowStatus: "RESOLVED" }, take: 1 });
    const result = await applyTriage([resolved!.id], { action: "unsuppress" }, { actor: null, origin: "system" });
    expect(result.affected).toBe(0);
    expect((await db.finding.findUniqueOrThrow({ where: { id: resolved!.id } })).workflowStatus).toBe("RESOLVED");
  });

  it("refuses bad triage requests with 4xx messages", async () => {
    const account = await seedAccount();
    const user = await analyst();
    const [one] = await db.finding.findMany({ where: { awsAccountId: account }, take: 1 });
    const ids = [one!.id];
    const meta = { ip: null, userAgent: null };
    const cases: [unknown, RegExp][] = [
      [{ action: "status", status: "RESOLVED", target: { ids } }, /note is required/],
      [{ action: "note", note: "x".repeat(513), target: { ids } }, /at most 512/],
      [{ action: "suppress", reason: "accepted", until: "2020-01-01", target: { ids } }, /future/],
      [{ action: "suppress", reason: "accepted", until: "tomorrow", target: { ids } }, /date/],
      [{ action: "status", status: "DONE", target: { ids } }, /status/],
      [{ action: "assign", ownerId: "nobody-here", target: { ids } }, /active user/],
      [{ action: "note", note: "hi", target: { ids: [] } }, /at least one/],
      [{ action: "note", note: "hi", target: { filter: "severity=BAD", expectedCount: 1 } }, /Unknown severity/],
    ];
    for (const [body, message] of cases) {
      const error = await handleTriageRequest(body, user, meta, NOW).then(() => null, (e: unknown) => e);
      expect(error, JSON.stringify(body)).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).message).toMatch(message);
    }
    const conflict = await handleTriageRequest({ action: "note", note: "hi", target: { filter: `account=${account}`, expectedCount: 1 } }, user, meta, NOW).catch((e: unknown) => e);
    expect((conflict as AppError).status).toBe(409);
  });

  it("acts on all findings matching a filter when the confirmed count is right", async () => {
    const account = await seedAccount();
    const user = await analyst();
    const filter = `account=${account}&severity=MEDIUM`;
    const { total } = await countFindings(parseFindingFilter(params(filter)), { userId: user.id });
    const result = await handleTriageRequest({ action: "assign", ownerId: user.id, target: { filter, expectedCount: total } }, user, { ip: null, userAgent: null });
    expect(result.affected).toBe(total);
    expect(await db.finding.count({ where: { awsAccountId: account, ownerId: user.id } })).toBe(total);
    expect((await readAll(`account=${account}&severity=MEDIUM&owner=me`, user.id)).length).toBe(total);
  });

  it("a native-only GuardDuty finding is archived in GuardDuty, not updated in Security Hub", async () => {
    const native = guardDutyFinding({ AccountId: newAccount(), Severity: 8 });
    await store("guardduty", [native]);
    const finding = await db.finding.findUniqueOrThrow({ where: { externalId: native.Arn } });
    const result = await applyTriage([finding.id], { action: "status", status: "SUPPRESSED", note: "Known scanner" }, { actor: null, origin: "system" });
    const items = await db.outboxItem.findMany({ where: { actionId: result.actionId } });
    expect(items.map((i) => i.kind)).toEqual(["guardduty.archive"]);
  });

  it("an expired suppression returns the finding to NEW, marked, with a system history entry and a write-back", async () => {
    const account = await seedAccount();
    const user = await analyst();
    const [one] = await db.finding.findMany({ where: { awsAccountId: account, workflowStatus: "NEW" }, take: 1 });
    const until = new Date(Date.now() + 2 * DAY);
    await handleTriageRequest({ action: "suppress", reason: "Accepted until the migration", until: until.toISOString().slice(0, 10), target: { ids: [one!.id] } }, user, { ip: null, userAgent: null });
    expect(await db.finding.findUniqueOrThrow({ where: { id: one!.id } })).toMatchObject({ workflowStatus: "SUPPRESSED", suppressionReason: "Accepted until the migration" });
    expect(await expireSuppressions(new Date())).toBe(0);

    expect(await expireSuppressions(new Date(until.getTime() + 2 * DAY))).toBeGreaterThanOrEqual(1);
    const after = await getFinding(one!.id);
    expect(after).toMatchObject({ workflowStatus: "NEW", suppressedUntil: null, suppressionReason: null });
    expect(after.suppressionExpiredAt).not.toBeNull();
    expect(after.history[0]).toMatchObject({ origin: "system", changes: { workflowStatus: { from: "SUPPRESSED", to: "NEW" } } });
    expect(after.outbox[0]).toMatchObject({ kind: "securityhub.update", state: "PENDING" });
    const list = await readAll(`account=${account}&suppressionExpired=true&severity=all&record=all`, user.id);
    expect(list).toContain(one!.id);
  });
});
