import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TSessionState } from "@/server/auth/session";
import { useOwnDatabase } from "@/server/testing/own-database";

// Rules, roll-ups, the instance list and the stale setting on hand-made rows, on a database of this file's own.
// The routes run with a signed-in user: next-auth's session (cookies, JWT) is not what is tested here.
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));

type Mods = {
  db: typeof import("@/server/db").db;
  summary: typeof import("./get-patch-summary");
  list: typeof import("./list-patch-instances");
  trend: typeof import("./get-patch-trend");
  types: typeof import("./patches.types");
  feed: typeof import("./feed");
  settingsRoute: typeof import("@/app/api/checklists/patches/settings/route");
  instancesRoute: typeof import("@/app/api/checklists/patches/instances/route");
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;

const DAY = 86_400_000;
const NOW = new Date("2026-11-27T12:00:00.000Z");

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_patches_rollup`);
  m = {
    db: (await import("@/server/db")).db,
    summary: await import("./get-patch-summary"),
    list: await import("./list-patch-instances"),
    trend: await import("./get-patch-trend"),
    types: await import("./patches.types"),
    feed: await import("./feed"),
    settingsRoute: await import("@/app/api/checklists/patches/settings/route"),
    instancesRoute: await import("@/app/api/checklists/patches/instances/route"),
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
});

afterAll(async () => {
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

// root ─ ou-prod ─ ou-prod-web   (accounts: 111 in ou-prod, 222 in ou-prod-web, 333 in ou-dev)
//      └ ou-dev
const OUS = [
  { id: "r-ab12", name: "Root", parentId: null },
  { id: "ou-ab12-prod0001", name: "Production", parentId: "r-ab12" },
  { id: "ou-ab12-web00001", name: "Web", parentId: "ou-ab12-prod0001" },
  { id: "ou-ab12-dev00001", name: "Development", parentId: "r-ab12" },
];
const A = { prod: "111111111111", web: "222222222222", dev: "333333333333" };

let seq = 0;
function instance(accountId: string, over: Partial<{ missing: number; failed: number; installedPendingReboot: number; criticalNonCompliant: number; securityNonCompliant: number; operationEndAt: Date | null; hasState: boolean; patchGroup: string; region: string }> = {}) {
  seq++;
  return {
    accountId, region: over.region ?? "us-east-1", instanceId: `i-0${seq.toString(16).padStart(16, "0")}`, computerName: `host-${seq}`,
    platformType: "Linux", patchGroup: over.patchGroup ?? "prod-linux", baselineId: "pb-0123", hasState: over.hasState ?? true,
    missing: over.missing ?? 0, failed: over.failed ?? 0, installedPendingReboot: over.installedPendingReboot ?? 0,
    criticalNonCompliant: over.criticalNonCompliant ?? 0, securityNonCompliant: over.securityNonCompliant ?? 0, operation: "Scan",
    operationEndAt: over.operationEndAt === undefined ? new Date(NOW.getTime() - DAY) : over.operationEndAt, collectedAt: NOW,
  };
}

beforeEach(async () => {
  await m.db.$executeRawUnsafe(`TRUNCATE patch_instances, patch_snapshots, patch_collections, patch_settings, aws_accounts, organizational_units, audit_log CASCADE`);
  for (const ou of OUS) await m.db.organizationalUnit.create({ data: ou });
  await m.db.awsAccount.createMany({ data: [
    { id: A.prod, name: "prod-core", ouId: "ou-ab12-prod0001" },
    { id: A.web, name: "prod-web", ouId: "ou-ab12-web00001" },
    { id: A.dev, name: "dev", ouId: "ou-ab12-dev00001" },
  ] });
  // The source clock is the wall clock (offset 0) and a collection finished.
  await m.db.patchCollection.create({ data: { trigger: "cli", status: "SUCCEEDED", startedAt: NOW, sourceClockAt: NOW, finishedAt: NOW } });
});

async function signIn(role: "ADMIN" | "ANALYST" | "VIEWER") {
  const u = await m.createTestUser({ role });
  session.state = { status: "active", user: { id: u.id, email: u.email, name: null, role, locale: null } };
  return u;
}

const putSetting = (body: unknown) => m.settingsRoute.PUT(new Request("http://localhost/api/checklists/patches/settings", { method: "PUT", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), { params: Promise.resolve({}) });

describe("patch compliance rules and roll-ups (PostgreSQL)", () => {
  it("each count makes an instance non-compliant; stale is decided at the boundary and follows a changed setting", async () => {
    const seven = new Date(NOW.getTime() - 7 * DAY);
    await m.db.patchInstance.createMany({ data: [
      instance(A.prod),
      instance(A.prod, { missing: 1 }),
      instance(A.prod, { failed: 1 }),
      instance(A.prod, { installedPendingReboot: 2 }),
      instance(A.prod, { criticalNonCompliant: 1 }),
      instance(A.prod, { securityNonCompliant: 1 }),
      instance(A.prod, { operationEndAt: seven }), // exactly 7 days: not stale yet
      instance(A.prod, { operationEndAt: new Date(seven.getTime() - 1), missing: 4 }), // 7 days and 1 ms: stale, not non-compliant
      instance(A.prod, { hasState: false, operationEndAt: null }), // never scanned
    ] });
    const a = (await m.summary.getPatchSummary({ now: NOW })).accounts[0]!;
    expect([a.instances, a.compliant, a.nonCompliant, a.stale, a.pctCompliant]).toEqual([9, 2, 5, 2, 22.2]);
    expect([a.missing, a.failed, a.pendingReboot, a.critical, a.security]).toEqual([5, 1, 2, 1, 1]);

    const admin = await signIn("ADMIN");
    expect((await putSetting({ staleDays: 6 })).status).toBe(200);
    const six = (await m.summary.getPatchSummary({ now: NOW })).accounts[0]!;
    expect([six.compliant, six.stale]).toEqual([1, 3]);
    expect((await m.list.listPatchInstances(m.types.ZInstanceQuery.parse({ state: "stale" }), { now: NOW })).total).toBe(3);

    const audit = await m.db.auditLog.findMany({ where: { action: "patches.settings.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, before: { staleDays: 7 }, after: { staleDays: 6 } });
  });

  it("rolls OUs up with their sub-OUs' accounts, and the organization over all", async () => {
    await m.db.patchInstance.createMany({ data: [
      instance(A.prod), instance(A.prod, { missing: 2 }),
      instance(A.web), instance(A.web, { region: "eu-west-1" }), instance(A.web, { failed: 1, region: "eu-west-1" }),
      instance(A.dev, { operationEndAt: new Date(NOW.getTime() - 30 * DAY) }),
    ] });
    const s = await m.summary.getPatchSummary({ now: NOW });
    const ou = (id: string) => s.ous.find((o) => o.ouId === id)!;
    expect(ou("ou-ab12-prod0001")).toMatchObject({ instances: 5, compliant: 3, nonCompliant: 2, stale: 0, accounts: 2, depth: 1 });
    expect(ou("ou-ab12-web00001")).toMatchObject({ instances: 3, compliant: 2, nonCompliant: 1, accounts: 1, depth: 2 });
    expect(ou("ou-ab12-dev00001")).toMatchObject({ instances: 1, stale: 1, pctCompliant: 0 });
    expect(ou("r-ab12")).toMatchObject({ instances: 6, accounts: 3, depth: 0 });
    expect(s.ous.map((o) => o.ouId)).toEqual(["r-ab12", "ou-ab12-dev00001", "ou-ab12-prod0001", "ou-ab12-web00001"]);
    expect(s.organization).toMatchObject({ instances: 6, compliant: 3, nonCompliant: 2, stale: 1, pctCompliant: 50 });
    const web = s.accounts.find((a) => a.accountId === A.web)!;
    expect(web.regions.map((r) => [r.region, r.instances, r.nonCompliant])).toEqual([["eu-west-1", 2, 1], ["us-east-1", 1, 0]]);

    // The instance list under an OU includes its sub-OUs; filters combine.
    const list = (q: Record<string, string>) => m.list.listPatchInstances(m.types.ZInstanceQuery.parse(q), { now: NOW });
    expect((await list({ ou: "ou-ab12-prod0001" })).total).toBe(5);
    expect((await list({ ou: "ou-ab12-prod0001", state: "noncompliant" })).items.map((i) => i.accountId).sort()).toEqual([A.prod, A.web]);
    expect((await list({ account: A.web, region: "eu-west-1", sort: "failed", dir: "desc" })).items.map((i) => i.failed)).toEqual([1, 0]);
    expect((await list({ q: "host-" + (seq - 5) })).items).toHaveLength(1);
    const paged = await list({ pageSize: "10", page: "2" });
    expect([paged.items.length, paged.total]).toEqual([0, 6]);

    const feed = await m.feed.patchFeedStatus();
    expect(feed).toMatchObject({ ok: false, counts: { instances: 6, compliant: 3, nonCompliant: 2, stale: 1 }, href: "/checklists?tab=patches&state=noncompliant" });
  });

  it("sums the snapshots per day for an OU's trend", async () => {
    const row = (day: string, accountId: string, instances: number, compliant: number) => ({
      day: new Date(`${day}T00:00:00Z`), accountId, region: "us-east-1", instances, compliant, nonCompliant: instances - compliant, stale: 0,
      missing: 0, failed: 0, pendingReboot: 0, critical: 0, security: 0, staleDays: 7,
    });
    await m.db.patchSnapshot.createMany({ data: [
      row("2026-11-20", A.prod, 10, 5), row("2026-11-20", A.web, 10, 10), row("2026-11-20", A.dev, 4, 0),
      row("2026-11-27", A.prod, 10, 8), row("2026-08-01", A.prod, 10, 0),
    ] });
    const t = await m.trend.getPatchTrend({ ou: "ou-ab12-prod0001", weeks: 12 }, { now: NOW });
    expect(t.points).toEqual([
      { day: "2026-11-20", instances: 20, compliant: 15, nonCompliant: 5, stale: 0, pctCompliant: 75 },
      { day: "2026-11-27", instances: 10, compliant: 8, nonCompliant: 2, stale: 0, pctCompliant: 80 },
    ]);
  });

  it("the setting: VIEWER and ANALYST get 403 on PUT, bad values a 400 that names the range, nothing audited", async () => {
    await signIn("VIEWER");
    expect((await putSetting({ staleDays: 10 })).status).toBe(403);
    await signIn("ANALYST");
    expect((await putSetting({ staleDays: 10 })).status).toBe(403);
    await signIn("ADMIN");
    for (const bad of [{ staleDays: 0 }, { staleDays: 91 }, { staleDays: 2.5 }, { days: 3 }]) {
      const response = await putSetting(bad);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/staleDays/);
    }
    expect(await m.db.auditLog.count()).toBe(0);
    expect((await m.db.patchSetting.findUnique({ where: { id: 1 } }))).toBeNull();
    await signIn("VIEWER");
    const bad = await m.instancesRoute.GET(new Request("http://localhost/api/checklists/patches/instances?state=broken"), { params: Promise.resolve({}) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/state must be one of/);
  });
});
