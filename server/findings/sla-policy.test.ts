import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asffFinding } from "@/prisma/factories/finding";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TSessionUser } from "@/server/auth/roles.types";

// A policy change rewrites every finding's due date: this file has a database of its own.

type Mods = {
  db: typeof import("@/server/db").db;
  sla: typeof import("./sla-policy");
  syncFindings: typeof import("@/server/sync/sync-findings").syncFindings;
  SyncRunLog: typeof import("@/server/sync/sync-run-log").SyncRunLog;
  normalizeAsff: typeof import("./normalize").normalizeAsff;
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
  AppError: typeof import("@/server/http/app-error").AppError;
};
let m: Mods;
let admin: { user: TSessionUser; ip: string };

const DAY = 86_400_000;
const NOW = new Date("2026-11-27T12:00:00.000Z");
const ACCOUNT = "222200000001";

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_sla_file`);
  m = {
    db: (await import("@/server/db")).db,
    sla: await import("./sla-policy"),
    syncFindings: (await import("@/server/sync/sync-findings")).syncFindings,
    SyncRunLog: (await import("@/server/sync/sync-run-log")).SyncRunLog,
    normalizeAsff: (await import("./normalize")).normalizeAsff,
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
  await m.db.$executeRawUnsafe(`TRUNCATE outbox_items, finding_history, findings, aws_accounts, audit_log RESTART IDENTITY CASCADE`);
  await m.db.slaPolicy.upsert({ where: { id: 1 }, create: { id: 1 }, update: { critical: 7, high: 30, medium: 90, low: 180, updatedBy: null } });
  const user = await m.createTestUser({ role: "ADMIN" });
  admin = { user: { id: user.id, email: user.email, name: null, role: "ADMIN", locale: null }, ip: "10.0.0.1" };
});

async function store(items: unknown[]) {
  const scope = `test-${randomUUID()}`;
  const run = await m.SyncRunLog.start("securityhub", scope, "cli");
  async function* pages() {
    yield items;
  }
  await m.syncFindings({ kind: "securityhub", scope, origin: "securityhub", pages: pages(), normalize: m.normalizeAsff, run });
}

/** A finding first seen `daysAgo` days before NOW. */
function finding(severity: string, daysAgo: number, extra: Record<string, unknown> = {}) {
  const first = new Date(NOW.getTime() - daysAgo * DAY).toISOString();
  return asffFinding({ AwsAccountId: ACCOUNT, Severity: { Label: severity }, FirstObservedAt: first, CreatedAt: first, ...extra });
}

async function dueOf(externalId: string): Promise<string | null> {
  return (await m.db.finding.findUniqueOrThrow({ where: { externalId } })).dueAt?.toISOString() ?? null;
}

describe("SLA policy (PostgreSQL)", () => {
  it("reads the defaults", async () => {
    expect(await m.sla.getSlaPolicy()).toMatchObject({ critical: 7, high: 30, medium: 90, low: 180, updatedBy: null });
  });

  it("recomputes every due date from first seen in the same transaction as the audit entry", async () => {
    const critical = finding("CRITICAL", 5);
    const criticalResolved = finding("CRITICAL", 20, { Workflow: { Status: "RESOLVED" } });
    const high = finding("HIGH", 5);
    const info = finding("INFORMATIONAL", 5);
    await store([critical, criticalResolved, high, info]);
    const firstSeen = (raw: { FirstObservedAt: string }) => new Date(raw.FirstObservedAt).getTime();
    expect(await dueOf(critical.Id)).toBe(new Date(firstSeen(critical) + 7 * DAY).toISOString());

    const saved = await m.sla.updateSlaPolicy({ critical: 3, high: 30, medium: 90, low: 180 }, admin);
    expect(saved).toMatchObject({ critical: 3, high: 30, updatedBy: admin.user.email, recomputed: 2 });
    expect(await dueOf(critical.Id)).toBe(new Date(firstSeen(critical) + 3 * DAY).toISOString());
    expect(await dueOf(criticalResolved.Id)).toBe(new Date(firstSeen(criticalResolved) + 3 * DAY).toISOString());
    expect(await dueOf(high.Id)).toBe(new Date(firstSeen(high) + 30 * DAY).toISOString());
    expect(await dueOf(info.Id)).toBeNull();

    const audit = await m.db.auditLog.findFirstOrThrow({ where: { action: "sla.update" } });
    expect(audit).toMatchObject({
      actorId: admin.user.id, actorEmail: admin.user.email, targetType: "slaPolicy", targetId: "1", ip: "10.0.0.1",
      before: { critical: 7, high: 30, medium: 90, low: 180 }, after: { critical: 3, high: 30, medium: 90, low: 180, recomputed: 2 },
    });
    expect(await m.sla.getSlaPolicy()).toMatchObject({ critical: 3, updatedBy: admin.user.email });

    // Saving the same policy again writes no finding; a finding synced later gets the new days.
    expect((await m.sla.updateSlaPolicy({ critical: 3, high: 30, medium: 90, low: 180 }, admin)).recomputed).toBe(0);
    const later = finding("CRITICAL", 1);
    await store([later]);
    expect(await dueOf(later.Id)).toBe(new Date(firstSeen(later) + 3 * DAY).toISOString());
  });

  it("previews how many open findings the new days make overdue", async () => {
    await store([finding("CRITICAL", 5), finding("CRITICAL", 10), finding("HIGH", 20), finding("LOW", 1), finding("CRITICAL", 6, { Workflow: { Status: "RESOLVED" } })]);
    // Open: three with an SLA in the queue (the resolved one does not count); overdue now: the 10-day-old CRITICAL.
    expect(await m.sla.previewSlaPolicy({ critical: 7, high: 30, medium: 90, low: 180 }, NOW)).toEqual({ open: 4, overdueNow: 1, overdueAfter: 1 });
    expect(await m.sla.previewSlaPolicy({ critical: 3, high: 14, medium: 90, low: 180 }, NOW)).toEqual({ open: 4, overdueNow: 1, overdueAfter: 3 });
  });

  it.each([
    [{ critical: 0, high: 30, medium: 90, low: 180 }, /critical must be at least 1 day/],
    [{ critical: 7, high: 3651, medium: 90, low: 180 }, /high must be at most 3650 days/],
    [{ critical: 7, high: 30, medium: 1.5, low: 180 }, /medium must be a whole number of days/],
    [{ critical: 7, high: 30, medium: 90 }, /low must be a whole number of days/],
    [{ critical: "7", high: 30, medium: 90, low: 180 }, /critical must be a whole number/],
    [{ critical: 7, high: 30, medium: 90, low: 180, info: 1 }, /unknown field "info"/],
    [null, /low must be a whole number/],
    ["7", /JSON object/],
  ])("rejects bad input with a message (%#)", async (body, message) => {
    const error = await m.sla.updateSlaPolicy(body, admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(m.AppError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    expect(await m.db.auditLog.count({ where: { action: "sla.update" } })).toBe(0);
  });

  it("reads preview days from URL parameters", () => {
    expect(m.sla.parseSlaDays({ critical: "3", high: "30", medium: "90", low: "180" }, { fromQuery: true })).toEqual({ critical: 3, high: 30, medium: 90, low: 180 });
    expect(() => m.sla.parseSlaDays({ critical: "three", high: "30", medium: "90", low: "180" }, { fromQuery: true })).toThrow(/critical must be a whole number/);
  });
});
