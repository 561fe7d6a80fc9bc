import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TSessionState } from "@/server/auth/session";
import { useOwnDatabase } from "@/server/testing/own-database";

// The daily findings summary against hand-inserted findings and history (close times backfilled as the
// finding_closed_at migration does; opened, closed, MTTR, age buckets, overdue, idempotence, backfill), the overview read (OU roll-up with sub-OUs) and the route (VIEWER 200, no session 401).
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));

type Mods = {
  db: typeof import("@/server/db").db;
  snap: typeof import("./snapshot-findings-summary");
  overview: typeof import("./get-overview");
  route: typeof import("@/app/api/overview/route");
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_overview`);
  m = {
    db: (await import("@/server/db")).db,
    snap: await import("./snapshot-findings-summary"),
    overview: await import("./get-overview"),
    route: await import("@/app/api/overview/route"),
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
});

afterAll(async () => {
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

const A = { prod: "111111111111", web: "222222222222", dev: "333333333333" };
const NOW = new Date("2026-11-20T12:00:00Z");
const at = (iso: string) => new Date(`${iso}Z`);
let seq = 0;
type F = { account: string; severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW"; first: string; workflow?: "NEW" | "RESOLVED" | "SUPPRESSED"; record?: "ACTIVE" | "ARCHIVED"; due?: string };
async function finding(f: F): Promise<string> {
  seq++;
  const row = await m.db.finding.create({ data: {
    source: "SECURITY_HUB", externalId: `arn:overview/${seq}`, awsAccountId: f.account, region: "us-east-1", title: `t${seq}`, severity: f.severity,
    workflowStatus: f.workflow ?? "NEW", recordState: f.record ?? "ACTIVE", firstObservedAt: at(f.first), awsCreatedAt: at(f.first), awsUpdatedAt: at(f.first),
    dueAt: f.due ? at(f.due) : null, raw: {},
  } });
  return row.id;
}
async function history(findingId: string, when: string, changes: Record<string, { from: string; to: string }>) {
  await m.db.findingHistory.create({ data: { findingId, at: at(when), origin: "user", changes } });
}

beforeEach(async () => {
  await m.db.$executeRawUnsafe(`TRUNCATE findings, findings_daily_summary, compliance_snapshots, patch_snapshots, aws_accounts, organizational_units CASCADE`);
  await m.db.organizationalUnit.createMany({ data: [
    { id: "r-ab12", name: "Root", parentId: null },
    { id: "ou-ab12-prod0001", name: "Production", parentId: "r-ab12" },
    { id: "ou-ab12-web00001", name: "Web", parentId: "ou-ab12-prod0001" },
    { id: "ou-ab12-dev00001", name: "Development", parentId: "r-ab12" },
  ] });
  await m.db.awsAccount.createMany({ data: [
    { id: A.prod, name: "prod-core", ouId: "ou-ab12-prod0001" },
    { id: A.web, name: "prod-web", ouId: "ou-ab12-web00001" },
    { id: A.dev, name: "dev", ouId: "ou-ab12-dev00001" },
  ] });
  // prod CRITICAL: open since 2 days (age 0–7), open since 40 days and overdue (31–90)
  await finding({ account: A.prod, severity: "CRITICAL", first: "2026-11-18T09:00:00", due: "2026-12-01T00:00:00" });
  await finding({ account: A.prod, severity: "CRITICAL", first: "2026-10-11T09:00:00", due: "2026-11-10T00:00:00" });
  // web HIGH: open since 100 days (>90); one resolved on the 20th after 4 days; one opened the 19th, archived the 20th after 1 day
  await finding({ account: A.web, severity: "HIGH", first: "2026-08-12T00:00:00" });
  const resolved = await finding({ account: A.web, severity: "HIGH", first: "2026-11-16T06:00:00", workflow: "RESOLVED" });
  await history(resolved, "2026-11-18T06:00:00", { workflowStatus: { from: "NEW", to: "RESOLVED" } });
  await history(resolved, "2026-11-19T06:00:00", { workflowStatus: { from: "RESOLVED", to: "NEW" } });
  await history(resolved, "2026-11-20T06:00:00", { workflowStatus: { from: "NEW", to: "RESOLVED" } });
  const archived = await finding({ account: A.web, severity: "HIGH", first: "2026-11-19T06:00:00", record: "ARCHIVED" });
  await history(archived, "2026-11-20T06:00:00", { recordState: { from: "ACTIVE", to: "ARCHIVED" } });
  // dev MEDIUM: suppressed with no history (closed at awsUpdatedAt = first seen)
  await finding({ account: A.dev, severity: "MEDIUM", first: "2026-11-01T00:00:00", workflow: "SUPPRESSED" });
  // The history above is written by hand on past days: the close times come from it as the migration derived them.
  await (await import("@/server/findings/closed-at-migration.testing")).backfillClosedAt();
});

type Row = { day: string; a: string; sev: string; open: number; opened: number; closed: number; overdue: number; b0: number; b1: number; b2: number; b3: number; ttr: number; n: number };
async function rows(day: string): Promise<Row[]> {
  return m.db.$queryRawUnsafe<Row[]>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, "awsAccountId" AS a, severity::text AS sev, "openCount" AS open, "openedCount" AS opened, "closedCount" AS closed,
       "overdueCount" AS overdue, "age0to7" AS b0, "age8to30" AS b1, "age31to90" AS b2, "ageOver90" AS b3, "ttrSeconds" AS ttr, "ttrCount" AS n
     FROM findings_daily_summary WHERE day = $1::date ORDER BY 2, 3`, day);
}

async function signIn(role: "VIEWER") {
  const u = await m.createTestUser({ role });
  session.state = { status: "active", user: { id: u.id, email: u.email, name: null, role, locale: null } };
}

describe("findings daily summary (PostgreSQL)", () => {
  it("counts open, opened, closed, overdue, age buckets and time to remediate for a day", async () => {
    const result = await m.snap.snapshotFindingsSummary({ now: NOW });
    expect(result.days).toEqual(["2026-11-20"]);
    const r = await rows("2026-11-20");
    expect(r.map((x) => `${x.a}:${x.sev}`)).toEqual([`${A.prod}:CRITICAL`, `${A.web}:HIGH`]);
    expect(r[0]).toMatchObject({ open: 2, opened: 0, closed: 0, overdue: 1, b0: 1, b1: 0, b2: 1, b3: 0, n: 0 });
    // web: one open (>90 days), two closed today: 4 days and 1 day → 5 days of remediation
    expect(r[1]).toMatchObject({ open: 1, opened: 0, closed: 2, overdue: 0, b0: 0, b3: 1, n: 2 });
    expect(r[1]!.ttr).toBe(5 * 86_400);
  });

  it("rebuilds a past day from history: opened that day and open at its end", async () => {
    await m.snap.snapshotFindingsSummary({ day: "2026-11-19", now: NOW });
    const web = (await rows("2026-11-19")).find((x) => x.a === A.web)!;
    // open at the end of the 19th: the 100-day one, the resolved one (reopened on the 19th), the archived one (opened the 19th)
    expect(web).toMatchObject({ open: 3, opened: 1, closed: 0 });
    await m.snap.snapshotFindingsSummary({ day: "2026-11-01", now: NOW });
    const dev = (await rows("2026-11-01")).find((x) => x.a === A.dev)!;
    expect(dev).toMatchObject({ open: 0, opened: 1, closed: 1, ttr: 0, n: 1 });
  });

  it("is idempotent: a second run leaves the same rows", async () => {
    await m.snap.snapshotFindingsSummary({ now: NOW });
    const first = await rows("2026-11-20");
    await m.snap.snapshotFindingsSummary({ now: NOW });
    const second = await rows("2026-11-20");
    expect(second).toEqual(first);
    expect(second).toHaveLength(2);
  });

  it("backfills the missing past days only", async () => {
    const a = await m.snap.backfillFindingsSummary({ days: 10, now: NOW });
    expect(a.days).toHaveLength(10);
    expect(a.days[0]).toBe("2026-11-10");
    expect(a.days.at(-1)).toBe("2026-11-19");
    expect((await rows("2026-11-15")).find((x) => x.a === A.web)).toMatchObject({ open: 1 });
    const b = await m.snap.backfillFindingsSummary({ days: 10, now: NOW });
    expect(b.days).toHaveLength(0);
  });
});

describe("overview (PostgreSQL)", () => {
  it("reads the KPIs and rolls open CRITICAL/HIGH up to OUs with their sub-OUs", async () => {
    await m.snap.snapshotFindingsSummary({ now: NOW });
    await m.db.$executeRawUnsafe(`INSERT INTO compliance_snapshots (day, standard, "scopeType", "scopeId", passed, failed, unknown, "noData", score)
      VALUES ('2026-11-19', 'fsbp', 'org', '', 3, 1, 0, 0, 75), ('2026-11-20', 'fsbp', 'org', '', 4, 1, 0, 0, 80)`);
    await m.db.$executeRawUnsafe(`INSERT INTO patch_snapshots (day, "accountId", region, instances, compliant, "nonCompliant", stale, missing, failed, "pendingReboot", critical, security, "staleDays", "updatedAt")
      VALUES ('2026-11-20', '${A.prod}', 'us-east-1', 8, 6, 2, 0, 0, 0, 0, 0, 0, 7, now())`);
    const o = await m.overview.getOverview({ now: NOW, checklists: false });
    expect(o.asOf).toBe("2026-11-20");
    expect(o.kpis).toMatchObject({ openCritical: 2, openHigh: 1, slaBreaches: 1, mttrHighDays: 2.5, mttrCriticalDays: null, complianceFsbp: 80, complianceCis: null, patchCompliancePercent: 75 });
    const ou = Object.fromEntries(o.byOu.map((x) => [x.ouId, x]));
    expect(ou["ou-ab12-web00001"]).toMatchObject({ critical: 0, high: 1, depth: 2 });
    expect(ou["ou-ab12-prod0001"]).toMatchObject({ critical: 2, high: 1, depth: 1 });
    expect(ou["r-ab12"]).toMatchObject({ critical: 2, high: 1, depth: 0 });
    expect(ou["ou-ab12-dev00001"]).toMatchObject({ critical: 0, high: 0 });
    expect(o.byAccount.map((x) => x.accountId)).toEqual([A.prod, A.web]);
    expect(o.weekly).toHaveLength(12);
    expect(o.weekly.at(-1)).toMatchObject({ week: "2026-11-16", closed: 2 });
    expect(o.ageBuckets.find((x) => x.severity === "CRITICAL")).toMatchObject({ age0to7: 1, age31to90: 1 });
    expect(o.complianceTrend.map((d) => d.fsbp)).toEqual([75, 80]);
  });

  it("GET /api/overview: VIEWER 200, no session 401", async () => {
    session.state = { status: "anonymous" };
    const call = () => m.route.GET(new Request("http://localhost/api/overview"), { params: Promise.resolve({}) });
    expect((await call()).status).toBe(401);
    await signIn("VIEWER");
    const res = await call();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.kpis).toHaveProperty("openCritical");
    expect(Array.isArray(body.weekly)).toBe(true);
  });
});
