import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { syncHousekeeping } from "./housekeeping";

describe("sync housekeeping (PostgreSQL)", () => {
  it("fails runs abandoned by a dead process and deletes runs past the retention, leaving current ones", async () => {
    const scope = `hk-${randomUUID()}`;
    // Relative to the real clock: other test files share this database, and their runs are recent.
    const now = new Date();
    const hour = 3600_000;
    const [abandoned, running, old, recent] = await Promise.all([
      db.syncRun.create({ data: { kind: "securityhub", scope, status: "RUNNING", startedAt: new Date(now.getTime() - 3 * hour) } }),
      db.syncRun.create({ data: { kind: "securityhub", scope, status: "RUNNING", startedAt: new Date(now.getTime() - 10 * 60_000) } }),
      db.syncRun.create({ data: { kind: "securityhub", scope, status: "SUCCEEDED", startedAt: new Date(now.getTime() - 40 * 24 * hour) } }),
      db.syncRun.create({ data: { kind: "securityhub", scope, status: "SUCCEEDED", startedAt: new Date(now.getTime() - 2 * 24 * hour) } }),
    ]);
    const result = await syncHousekeeping({ retentionDays: 30, now });
    expect(result.interrupted).toBeGreaterThanOrEqual(1);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const left = await db.syncRun.findMany({ where: { scope } });
    expect(left.map((r) => r.id).sort()).toEqual([abandoned.id, running.id, recent.id].sort());
    expect(left.find((r) => r.id === abandoned.id)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/^Interrupted/) });
    expect(left.find((r) => r.id === running.id)!.status).toBe("RUNNING");
    expect(left.some((r) => r.id === old.id)).toBe(false);
  });

  it("deletes write-back items sent before the retention, keeping recent and failed ones", async () => {
    const account = String(300000000000 + Math.floor(Math.random() * 99999999999));
    await db.awsAccount.create({ data: { id: account, name: account, inOrganization: false } });
    const finding = await db.finding.create({
      data: { source: "SECURITY_HUB", externalId: `hk-${randomUUID()}`, awsAccountId: account, region: "us-east-1", title: "t", severity: "HIGH", awsCreatedAt: new Date(), awsUpdatedAt: new Date(), raw: {} },
    });
    const day = 24 * 3600_000;
    const now = new Date();
    const item = (state: "DONE" | "FAILED", ageDays: number) =>
      db.outboxItem.create({ data: { actionId: randomUUID(), findingId: finding.id, kind: "securityhub.update", state, sentAt: state === "DONE" ? new Date(now.getTime() - ageDays * day) : null, createdAt: new Date(now.getTime() - ageDays * day) } });
    const [oldDone, recentDone, oldFailed] = await Promise.all([item("DONE", 40), item("DONE", 2), item("FAILED", 40)]);
    const result = await syncHousekeeping({ retentionDays: 30, now });
    expect(result.outboxDeleted).toBeGreaterThanOrEqual(1);
    const left = await db.outboxItem.findMany({ where: { findingId: finding.id } });
    expect(left.map((i) => i.id).sort()).toEqual([recentDone.id, oldFailed.id].sort());
    expect(left.some((i) => i.id === oldDone.id)).toBe(false);
  });
});
