import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TSessionState } from "@/server/auth/session";
import { useOwnDatabase } from "@/server/testing/own-database";

// The grouped SQL against PostgreSQL (matching the pure computation), the daily snapshot's idempotence, the
// trend, the drill-down and the routes (VIEWER reads, bad parameters are 400s that name them).
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));

type Mods = {
  db: typeof import("@/server/db").db;
  sql: typeof import("./compliance-sql");
  compute: typeof import("./compute-scores");
  snapshot: typeof import("./snapshot-compliance");
  latest: typeof import("./get-snapshot-scores");
  scores: typeof import("./get-compliance-scores");
  trend: typeof import("./get-compliance-trend");
  controls: typeof import("./list-failing-controls");
  scoresRoute: typeof import("@/app/api/compliance/scores/route");
  trendRoute: typeof import("@/app/api/compliance/trend/route");
  controlsRoute: typeof import("@/app/api/compliance/controls/route");
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_compliance`);
  m = {
    db: (await import("@/server/db")).db,
    sql: await import("./compliance-sql"),
    compute: await import("./compute-scores"),
    snapshot: await import("./snapshot-compliance"),
    latest: await import("./get-snapshot-scores"),
    scores: await import("./get-compliance-scores"),
    trend: await import("./get-compliance-trend"),
    controls: await import("./list-failing-controls"),
    scoresRoute: await import("@/app/api/compliance/scores/route"),
    trendRoute: await import("@/app/api/compliance/trend/route"),
    controlsRoute: await import("@/app/api/compliance/controls/route"),
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
});

afterAll(async () => {
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

const FSBP = "aws-foundational-security-best-practices/v/1.0.0";
const CIS = "cis-aws-foundations-benchmark/v/1.4.0";
const A = { prod: "111111111111", web: "222222222222", dev: "333333333333" };
let seq = 0;
type F = { account: string; control: string; status: string | null; record?: "ACTIVE" | "ARCHIVED"; workflow?: "NEW" | "SUPPRESSED" | "RESOLVED"; std?: string; region?: string; severity?: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" };
function finding(f: F) {
  seq++;
  const std = f.std ?? FSBP;
  return {
    source: "SECURITY_HUB" as const, externalId: `arn:test/${seq}`, generatorId: `${std}/${f.control}`, controlId: f.control,
    awsAccountId: f.account, region: f.region ?? "us-east-1", title: `${f.control} title`, severity: f.severity ?? "MEDIUM",
    workflowStatus: f.workflow ?? (f.status === "PASSED" ? "RESOLVED" : "NEW"), recordState: f.record ?? "ACTIVE", complianceStatus: f.status,
    awsCreatedAt: new Date(), awsUpdatedAt: new Date(), raw: {},
  };
}

beforeEach(async () => {
  await m.db.$executeRawUnsafe(`TRUNCATE findings, compliance_snapshots, aws_accounts, organizational_units, audit_log CASCADE`);
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
  await m.db.finding.createMany({ data: [
    // S3.1: passes in prod (two regions), fails in web (one region of two)
    finding({ account: A.prod, control: "S3.1", status: "PASSED" }), finding({ account: A.prod, control: "S3.1", status: "PASSED", region: "eu-west-1" }),
    finding({ account: A.web, control: "S3.1", status: "PASSED" }), finding({ account: A.web, control: "S3.1", status: "FAILED", region: "eu-west-1", severity: "HIGH" }),
    // IAM.1: a FAILED finding that is suppressed (ignored) and a PASSED one: passes in prod
    finding({ account: A.prod, control: "IAM.1", status: "FAILED", workflow: "SUPPRESSED" }), finding({ account: A.prod, control: "IAM.1", status: "PASSED" }),
    // EC2.1: WARNING in prod (unknown); only NOT_AVAILABLE in dev (unknown)
    finding({ account: A.prod, control: "EC2.1", status: "WARNING" }), finding({ account: A.dev, control: "EC2.1", status: "NOT_AVAILABLE" }),
    // KMS.1: disabled in prod (archived FAILED finding), fails in dev (CRITICAL)
    finding({ account: A.prod, control: "KMS.1", status: "FAILED", record: "ARCHIVED" }), finding({ account: A.dev, control: "KMS.1", status: "FAILED", severity: "CRITICAL" }),
    // Lambda.1: every active finding suppressed in dev: no data
    finding({ account: A.dev, control: "Lambda.1", status: "FAILED", workflow: "SUPPRESSED" }),
    // CIS in web
    finding({ account: A.web, control: "IAM.4", status: "FAILED", std: CIS, severity: "CRITICAL" }), finding({ account: A.web, control: "IAM.5", status: "PASSED", std: CIS }),
    // not a control finding of an enabled standard: ignored
    finding({ account: A.web, control: "S3.2", status: "FAILED", std: "pci-dss/v/3.2.1" }),
  ] });
});

async function signIn(role: "ADMIN" | "ANALYST" | "VIEWER") {
  const u = await m.createTestUser({ role });
  session.state = { status: "active", user: { id: u.id, email: u.email, name: null, role, locale: null } };
}
const get = (route: { GET: (r: Request, c: { params: Promise<Record<string, never>> }) => Promise<Response> }, url: string) =>
  route.GET(new Request(`http://localhost${url}`), { params: Promise.resolve({}) });

describe("compliance scores (PostgreSQL)", () => {
  it("the grouped query gives the per-account control counts the pure computation expects", async () => {
    const rows = await m.sql.loadControlRows();
    const key = (r: { standard: string; accountId: string; controlId: string }) => `${r.standard}:${r.accountId}:${r.controlId}`;
    const byKey = new Map(rows.map((r) => [key(r), r]));
    expect(rows).toHaveLength(9); // 7 FSBP (account, control) pairs + 2 CIS
    expect(byKey.get(`fsbp:${A.web}:S3.1`)).toMatchObject({ active: 2, passed: 1, failed: 1 });
    expect(byKey.get(`fsbp:${A.prod}:IAM.1`)).toMatchObject({ active: 2, passed: 1, failed: 0 });
    expect(byKey.get(`fsbp:${A.prod}:KMS.1`)).toBeUndefined(); // disabled: archived only
    expect(byKey.get(`fsbp:${A.dev}:Lambda.1`)).toMatchObject({ active: 1, passed: 0, failed: 0 });

    const s = await m.scores.getComplianceScores();
    // org FSBP: S3.1 FAILED, IAM.1 PASSED, EC2.1 UNKNOWN, KMS.1 FAILED, Lambda.1 NO DATA → 1 / 4 = 25 %
    expect(s.org.fsbp).toEqual({ passed: 1, failed: 2, unknown: 1, noData: 1, score: 25 });
    expect(s.org.cis).toEqual({ passed: 1, failed: 1, unknown: 0, noData: 0, score: 50 });
    const acc = Object.fromEntries(s.accounts.map((a) => [a.id, a.scores]));
    expect(acc[A.prod]?.fsbp).toEqual({ passed: 2, failed: 0, unknown: 1, noData: 0, score: (2 / 3) * 100 });
    expect(acc[A.web]?.fsbp).toEqual({ passed: 0, failed: 1, unknown: 0, noData: 0, score: 0 });
    expect(acc[A.dev]?.fsbp).toEqual({ passed: 0, failed: 1, unknown: 1, noData: 1, score: 0 });
    const ou = Object.fromEntries(s.ous.map((o) => [o.id, o.scores]));
    // Production includes Web: S3.1 fails in web → failed; IAM.1 passed; EC2.1 unknown
    expect(ou["ou-ab12-prod0001"]?.fsbp).toEqual({ passed: 1, failed: 1, unknown: 1, noData: 0, score: (1 / 3) * 100 });
    expect(ou["r-ab12"]?.fsbp).toEqual(s.org.fsbp);
    expect((await m.scores.getComplianceScores({ ou: "ou-ab12-prod0001" })).accounts.map((a) => a.id).sort()).toEqual([A.prod, A.web]);
  });

  it("the daily snapshot is idempotent: a second run leaves one row per key with the latest figures", async () => {
    const first = await m.snapshot.snapshotCompliance({ day: "2026-11-20" });
    // org, 4 OUs and 3 accounts have FSBP controls; CIS: org, root, prod, web and the web account
    expect(first.rows).toBe(8 + 5);
    const count = async () => Number((await m.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM compliance_snapshots`))[0]!.n);
    expect(await count()).toBe(13);

    // The failing S3.1 finding of web is fixed, then the job runs again the same day.
    await m.db.finding.updateMany({ where: { awsAccountId: A.web, controlId: "S3.1", complianceStatus: "FAILED" }, data: { complianceStatus: "PASSED", workflowStatus: "RESOLVED" } });
    await m.snapshot.snapshotCompliance({ day: "2026-11-20" });
    expect(await count()).toBe(13);
    const org = await m.db.complianceSnapshot.findUniqueOrThrow({ where: { day_standard_scopeType_scopeId: { day: new Date("2026-11-20"), standard: "fsbp", scopeType: "org", scopeId: "" } } });
    expect(org).toMatchObject({ passed: 2, failed: 1, unknown: 1, noData: 1, score: 50 });

    // A scope that lost every control is removed from that day; other days stay.
    await m.snapshot.snapshotCompliance({ day: "2026-11-21" });
    await m.db.finding.deleteMany({ where: { awsAccountId: A.web, generatorId: { startsWith: CIS } } });
    await m.snapshot.snapshotCompliance({ day: "2026-11-21" });
    expect(await m.db.complianceSnapshot.count({ where: { day: new Date("2026-11-21"), standard: "cis" } })).toBe(0);
    expect(await m.db.complianceSnapshot.count({ where: { day: new Date("2026-11-20"), standard: "cis" } })).toBe(5);

    // The overview's read: the latest snapshot per standard and the one a week before it.
    await m.snapshot.snapshotCompliance({ day: "2026-11-27" });
    const latest = await m.latest.getSnapshotScores({ asOf: "2026-11-27" });
    expect(latest.map((l) => [l.standard, l.day, l.figures.score, l.previous?.day ?? null, l.previous?.figures.score ?? null])).toEqual([["cis", "2026-11-20", 50, null, null], ["fsbp", "2026-11-27", 50, "2026-11-20", 50]]);
    const web = await m.latest.getSnapshotScores({ scopeType: "account", scopeId: A.web, asOf: "2026-11-26" });
    expect(web.map((l) => [l.standard, l.day, l.figures.score, l.previous])).toEqual([["cis", "2026-11-20", 50, null], ["fsbp", "2026-11-21", 100, null]]);
  });

  it("the trend reads the snapshots and adds today live when today's snapshot is missing", async () => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
    await m.snapshot.snapshotCompliance({ day: day(100) }); // outside 12 weeks
    await m.snapshot.snapshotCompliance({ day: day(7) });
    let t = await m.trend.getComplianceTrend({ weeks: 12 });
    expect(t.series.fsbp.map((p) => [p.day, p.score, p.live ?? false])).toEqual([[day(7), 25, false], [today, 25, true]]);
    await m.snapshot.snapshotCompliance({});
    t = await m.trend.getComplianceTrend({ account: A.web, standard: "cis", weeks: 12 });
    expect(Object.keys(t.series)).toEqual(["cis"]);
    expect(t.series.cis.map((p) => [p.day, p.score, p.live ?? false])).toEqual([[day(7), 50, false], [today, 50, false]]);
  });

  it("the drill-down lists failing controls by failed accounts and severity, with their findings links", async () => {
    const org = await m.controls.listFailingControls({ standard: "fsbp" });
    expect(org.controls.map((c) => [c.controlId, c.failedAccounts, c.failedFindings, c.severity])).toEqual([["KMS.1", 1, 1, "CRITICAL"], ["S3.1", 1, 1, "HIGH"]]);
    expect(org.figures.score).toBe(25);
    const prod = await m.controls.listFailingControls({ standard: "fsbp", ou: "ou-ab12-prod0001" });
    expect(prod.controls.map((c) => c.controlId)).toEqual(["S3.1"]);
    expect(prod.controls[0]!.findingsHref).toBe("/findings?control=S3.1&standard=fsbp&severity=all&status=NEW%2CNOTIFIED&ou=ou-ab12-prod0001");
    const acc = await m.controls.listFailingControls({ standard: "cis", account: A.web });
    expect(acc.controls.map((c) => c.findingsHref)).toEqual([`/findings?control=IAM.4&standard=cis&severity=all&status=NEW%2CNOTIFIED&account=${A.web}`]);
  });

  it("routes: VIEWER reads; bad parameters are 400s that name them; no session is 401", async () => {
    expect((await get(m.scoresRoute, "/api/compliance/scores")).status).toBe(401);
    await signIn("VIEWER");
    const scores = await get(m.scoresRoute, "/api/compliance/scores");
    expect(scores.status).toBe(200);
    expect((await scores.json()).org.fsbp.score).toBe(25);
    expect((await get(m.controlsRoute, `/api/compliance/controls?standard=cis&account=${A.web}`)).status).toBe(200);
    expect((await get(m.trendRoute, "/api/compliance/trend?ou=ou-ab12-prod0001&weeks=4")).status).toBe(200);
    for (const [route, url, word] of [
      [m.controlsRoute, "/api/compliance/controls?standard=pci", "standard"],
      [m.controlsRoute, "/api/compliance/controls?account=12", "account"],
      [m.trendRoute, "/api/compliance/trend?weeks=0", "weeks"],
      [m.trendRoute, `/api/compliance/trend?ou=ou-ab12-prod0001&account=${A.web}`, "account or ou"],
      [m.scoresRoute, "/api/compliance/scores?foo=1", "foo"],
      [m.scoresRoute, "/api/compliance/scores?ou=nope", "ou"],
    ] as const) {
      const res = await get(route, url);
      expect(res.status, url).toBe(400);
      expect((await res.json()).error.message, url).toContain(word);
    }
  });
});
