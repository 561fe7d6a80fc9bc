import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { asffFinding, guardDutyCopyInSecurityHub, guardDutyFinding } from "@/prisma/factories/finding";
import { createTestUser } from "@/prisma/factories/user";
import { normalizeAsff, normalizeGuardDuty } from "@/server/findings/normalize";
import { readCursor } from "./cursor";
import { syncFindings } from "./sync-findings";
import { SyncRunLog } from "./sync-run-log";

async function* pagesOf(items: unknown[], size = 100) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

async function sync(origin: "securityhub" | "guardduty", items: unknown[], scope = `test-${randomUUID()}`) {
  const run = await SyncRunLog.start(origin, scope, "cli");
  await syncFindings({ kind: origin, scope, origin, pages: pagesOf(items), normalize: origin === "securityhub" ? normalizeAsff : normalizeGuardDuty, run });
  return { counts: run.counts, scope };
}

const account = () => String(100000000000 + Math.floor(Math.random() * 899999999999)).slice(0, 12);

describe("syncFindings (PostgreSQL)", () => {
  it("inserts new findings, then writes nothing for the same data, and moves the cursor to the newest UpdatedAt", async () => {
    const acct = account();
    const items = Array.from({ length: 1234 }, (_, i) =>
      asffFinding({ AwsAccountId: acct, UpdatedAt: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString() }),
    );
    const first = await sync("securityhub", items);
    expect(first.counts).toMatchObject({ fetched: 1234, inserted: 1234, updated: 0, unchanged: 0, skipped: 0 });
    expect(await db.finding.count({ where: { awsAccountId: acct } })).toBe(1234);
    expect((await readCursor("securityhub", first.scope))?.getTime()).toBe(Date.UTC(2026, 9, 1) + 1233 * 1000);
    // The account the findings belong to exists, marked as seen only in findings.
    expect(await db.awsAccount.findUnique({ where: { id: acct } })).toMatchObject({ inOrganization: false });

    const second = await sync("securityhub", items, first.scope);
    expect(second.counts).toMatchObject({ fetched: 1234, inserted: 0, updated: 0, unchanged: 1234 });
  });

  it("updates changed findings, records their history, and never overwrites local triage state", async () => {
    const acct = account();
    const raw = asffFinding({ AwsAccountId: acct });
    await sync("securityhub", [raw]);
    const owner = await createTestUser();
    const finding = await db.finding.findUniqueOrThrow({ where: { externalId: raw.Id } });
    await db.finding.update({
      where: { id: finding.id },
      data: { ownerId: owner.id, dueAt: new Date("2026-12-01"), suppressionReason: "accepted risk", suppressedUntil: new Date("2027-01-01") },
    });

    const changed = { ...raw, UpdatedAt: "2026-10-05T00:00:00.000Z", Compliance: { Status: "PASSED", SecurityControlId: "S3.1" }, Severity: { Label: "MEDIUM" } };
    const { counts } = await sync("securityhub", [changed]);
    expect(counts).toMatchObject({ updated: 1, inserted: 0 });
    const after = await db.finding.findUniqueOrThrow({ where: { id: finding.id } });
    expect(after).toMatchObject({ workflowStatus: "RESOLVED", complianceStatus: "PASSED", severity: "MEDIUM", ownerId: owner.id, suppressionReason: "accepted risk" });
    expect(after.dueAt?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    const history = await db.findingHistory.findMany({ where: { findingId: finding.id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ origin: "sync" });
    expect(history[0]!.changes).toEqual({
      workflowStatus: { from: "NEW", to: "RESOLVED" },
      complianceStatus: { from: "FAILED", to: "PASSED" },
      severity: { from: "HIGH", to: "MEDIUM" },
    });
  });

  it("stores a GuardDuty finding and its Security Hub copy as one finding, whichever comes first", async () => {
    const acct = account();
    const native = guardDutyFinding({ AccountId: acct });
    const copy = guardDutyCopyInSecurityHub(native, { AwsAccountId: acct, Workflow: { Status: "NOTIFIED" } });
    await sync("guardduty", [native]);
    await sync("securityhub", [copy]);
    const nativeLater = { ...native, UpdatedAt: "2026-10-03T00:00:00.000Z", Service: { ...native.Service, Archived: true } };
    await sync("guardduty", [nativeLater]);
    const rows = await db.finding.findMany({ where: { awsAccountId: acct } });
    expect(rows).toHaveLength(1);
    // The Security Hub copy owns the workflow; the native finding brings the archive state.
    expect(rows[0]).toMatchObject({ source: "GUARDDUTY", guardDutyId: native.Id, workflowStatus: "NOTIFIED", recordState: "ARCHIVED" });
  });

  it("skips and counts a malformed finding and stores the rest of its page", async () => {
    const acct = account();
    const good = [asffFinding({ AwsAccountId: acct }), asffFinding({ AwsAccountId: acct })];
    const { counts } = await sync("securityhub", [good[0], { Id: "broken", AwsAccountId: acct }, good[1]]);
    expect(counts).toMatchObject({ fetched: 3, inserted: 2, skipped: 1 });
    expect(await db.finding.count({ where: { awsAccountId: acct } })).toBe(2);
  });

  it("keeps what was committed when the source fails part-way, and the cursor with it", async () => {
    const acct = account();
    const items = Array.from({ length: 1500 }, (_, i) => asffFinding({ AwsAccountId: acct, UpdatedAt: new Date(Date.UTC(2026, 9, 1) + i * 1000).toISOString() }));
    async function* failing() {
      yield* pagesOf(items.slice(0, 1000));
      throw Object.assign(new Error("Rate exceeded"), { name: "LimitExceededException" });
    }
    const scope = `test-${randomUUID()}`;
    const run = await SyncRunLog.start("securityhub", scope, "cli");
    await expect(syncFindings({ kind: "securityhub", scope, origin: "securityhub", pages: failing(), normalize: normalizeAsff, run })).rejects.toThrow("Rate exceeded");
    expect(await db.finding.count({ where: { awsAccountId: acct } })).toBe(1000);
    expect((await readCursor("securityhub", scope))?.getTime()).toBe(Date.UTC(2026, 9, 1) + 999 * 1000);
    // Run again from the start: nothing duplicated, nothing lost.
    await sync("securityhub", items, scope);
    expect(await db.finding.count({ where: { awsAccountId: acct } })).toBe(1500);
  });
});
