import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSimulator } from "@/server/simulator";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TAgendaSection } from "./review.types";

// The review agenda over a week of simulated change: sync, take a review, move the simulator's clock 7 days,
// sync again and take the next review. Its period is those 7 days (on the simulator's clock) and every
// finding section counts exactly what the database recorded in it. Own database: counts are whole-table.

let sim: TSimulator;
type Mods = {
  db: typeof import("@/server/db").db;
  runSync: typeof import("@/server/sync/run-sync").runSync;
  SIMULATOR_CREDENTIALS: typeof import("@/server/sync/sync-config").SIMULATOR_CREDENTIALS;
  startReview: typeof import("./reviews").startReview;
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;
const DAY = 86_400_000;
const REGIONS = ["us-east-1", "ap-northeast-1"];

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_rv_agenda`);
  const { startSimulator } = await import("@/server/simulator");
  sim = await startSimulator({ seed: 11, scale: 2000 });
  // startReview reads "now" from the simulator's clock, as the demo console does.
  process.env.KANSHI_SIM_URL = sim.url;
  m = {
    db: (await import("@/server/db")).db, runSync: (await import("@/server/sync/run-sync")).runSync,
    SIMULATOR_CREDENTIALS: (await import("@/server/sync/sync-config")).SIMULATOR_CREDENTIALS,
    startReview: (await import("./reviews")).startReview, createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
});

afterAll(async () => {
  await sim?.close();
  await m?.db.$disconnect();
});

const sync = () => m.runSync({ connection: { endpoint: sim.url, credentials: m.SIMULATOR_CREDENTIALS, roleName: "KanshiReadRole", externalId: "kanshi-test" }, regions: REGIONS, topology: "delegated-admin", rateLimits: false }, { trigger: "cli" });

/** The findings whose workflow status moved as `match` says, in [from, to), from the history rows (counted in JS, not by the builder's SQL). */
async function transitions(from: Date, to: Date, match: (c: { from?: string; to?: string }) => boolean): Promise<Set<string>> {
  const rows = await m.db.findingHistory.findMany({ where: { at: { gte: from, lt: to } }, select: { findingId: true, changes: true } });
  return new Set(rows.filter((r) => {
    const w = (r.changes as { workflowStatus?: { from?: string; to?: string } }).workflowStatus;
    return !!w && match(w);
  }).map((r) => r.findingId));
}

describe("the weekly review agenda", () => {
  it("covers the 7 days since the previous review and counts exactly what changed in them", async () => {
    const u = await m.createTestUser({ role: "ANALYST" });
    const actor = { user: { id: u.id, email: u.email, name: null, role: "ANALYST" as const, locale: null }, ip: null };
    expect((await sync()).results.filter((r) => !r.ok)).toEqual([]);
    const first = await m.startReview(actor);
    expect(Date.parse(first.periodEnd) - Date.parse(first.periodStart)).toBe(7 * DAY);
    // Everything was first seen in the first review's period.
    const firstNew = first.agenda.sections.find((s) => s.key === "newCriticalHigh")!;
    expect(firstNew.count).toBe(await m.db.finding.count({ where: { severity: { in: ["CRITICAL", "HIGH"] } } }));
    expect(firstNew.count).toBeGreaterThan(0);

    sim.advance(7 * DAY);
    const simEnd = sim.now().getTime();
    expect((await sync()).results.filter((r) => !r.ok)).toEqual([]);
    const second = await m.startReview(actor);
    const review = await m.db.review.findUniqueOrThrow({ where: { id: second.id } });

    // The period: from the previous review's end to now on the simulator's clock — the week it moved.
    expect(second.periodStart).toBe(first.periodEnd);
    const span = Date.parse(second.periodEnd) - Date.parse(second.periodStart);
    expect(span).toBeGreaterThanOrEqual(7 * DAY);
    expect(span).toBeLessThan(7 * DAY + 60_000);
    expect(Date.parse(second.periodEnd)).toBeGreaterThanOrEqual(simEnd);

    const from = review.recordedFrom;
    const to = review.recordedTo;
    expect(from.toISOString()).toBe((await m.db.review.findUniqueOrThrow({ where: { id: first.id } })).recordedTo.toISOString());
    const section = (key: TAgendaSection["key"]) => second.agenda.sections.find((s) => s.key === key)!;

    const newOnes = await m.db.finding.findMany({ where: { createdAt: { gte: from, lt: to }, severity: { in: ["CRITICAL", "HIGH"] } }, select: { id: true } });
    expect(section("newCriticalHigh").count).toBe(newOnes.length);
    const resolved = await transitions(from, to, (w) => w.to === "RESOLVED");
    expect(resolved.size).toBeGreaterThan(0);
    expect(section("resolved").count).toBe(resolved.size);
    expect(section("resolved").items.every((i) => resolved.has(i.id))).toBe(true);
    const reopened = await transitions(from, to, (w) => (w.from === "RESOLVED" || w.from === "SUPPRESSED") && (w.to === "NEW" || w.to === "NOTIFIED"));
    expect(section("reopened").count).toBe(reopened.size);
    const overdue = await m.db.finding.count({ where: { dueAt: { gte: from, lt: to }, workflowStatus: { in: ["NEW", "NOTIFIED"] }, recordState: "ACTIVE" } });
    expect(section("newlyOverdue").count).toBe(overdue);
    const expiring = await m.db.finding.count({ where: { workflowStatus: "SUPPRESSED", suppressedUntil: { gte: to, lt: new Date(to.getTime() + 14 * DAY) } } });
    expect(section("suppressionsExpiring").count).toBe(expiring);
    // Items are capped, counts are not; every section is there, in the agenda's order.
    expect(second.agenda.sections.map((s) => s.key)).toEqual(["newCriticalHigh", "reopened", "resolved", "newlyOverdue", "suppressionsExpiring", "eol", "patches", "checklists", "compliance"]);
    for (const s of second.agenda.sections) expect(s.items.length).toBeLessThanOrEqual(50);
  });
});
