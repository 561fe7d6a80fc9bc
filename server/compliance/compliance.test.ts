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
  normalize: typeof import("@/server/findings/normalize");
  upsert: typeof import("@/server/sync/upsert-findings");
  pool: typeof import("@/server/db-pool");
  standardSql: typeof import("@/server/findings/standard-sql");
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
    normalize: await import("@/server/findings/normalize"),
    upsert: await import("@/server/sync/upsert-findings"),
    pool: await import("@/server/db-pool"),
    standardSql: await import("@/server/findings/standard-sql"),
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
    standards: m.normalize.findingStandards({ GeneratorId: `${std}/${f.control}` }),
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
    expect(prod.controls[0]!.findingsHref).toBe("/findings?control=S3.1&standard=fsbp&compliance=FAILED&record=active&status=NEW%2CNOTIFIED%2CRESOLVED&severity=all&ou=ou-ab12-prod0001");
    const acc = await m.controls.listFailingControls({ standard: "cis", account: A.web });
    expect(acc.controls.map((c) => c.findingsHref)).toEqual([`/findings?control=IAM.4&standard=cis&compliance=FAILED&record=active&status=NEW%2CNOTIFIED%2CRESOLVED&severity=all&account=${A.web}`]);
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

// Consolidated control findings (GeneratorId "security-control/<ControlId>", one finding for every standard of the
// control) stored the way a sync stores them (normalizeAsff + upsertFindings), in three accounts: prod per-standard
// findings only, web consolidated findings only, dev both (an account switching to consolidated findings).
describe("consolidated control findings (PostgreSQL)", () => {
  const STD = { fsbp: `standards/${FSBP}`, cis: `standards/${CIS}`, cis12: "ruleset/cis-aws-foundations-benchmark/v/1.2.0", pci: "standards/pci-dss/v/3.2.1" };
  type C = { account: string; control: string; status: string; standards: string[]; record?: "ACTIVE" | "ARCHIVED"; workflow?: "SUPPRESSED"; severity?: string; region?: string };
  type P = { account: string; std: string; suffix: string; control: string; status: string };
  const consolidated = (c: C) => ({
    Id: `arn:aws:securityhub:${c.region ?? "us-east-1"}:${c.account}:security-control/${c.control}/finding/${++seq}`,
    GeneratorId: `security-control/${c.control}`, AwsAccountId: c.account, Region: c.region ?? "us-east-1",
    Title: `${c.control} title`, Severity: { Label: c.severity ?? "MEDIUM" }, RecordState: c.record ?? "ACTIVE",
    Workflow: { Status: c.workflow ?? "NEW" }, ProductFields: { "aws/securityhub/ProductName": "Security Hub" },
    Compliance: { Status: c.status, SecurityControlId: c.control, AssociatedStandards: c.standards.map((StandardsId) => ({ StandardsId })) },
  });
  const perStandard = (p: P) => ({
    Id: `arn:aws:securityhub:us-east-1:${p.account}:subscription/${p.std}/${p.suffix}/finding/${++seq}`,
    GeneratorId: `${p.std}/${p.suffix}`, AwsAccountId: p.account, Region: "us-east-1", Title: `${p.suffix} title`, Severity: { Label: "MEDIUM" },
    RecordState: "ACTIVE", Workflow: { Status: "NEW" },
    ProductFields: { StandardsArn: `arn:aws:securityhub:::standards/${p.std}`, ControlId: p.suffix },
    Compliance: { Status: p.status, SecurityControlId: p.control, AssociatedStandards: [{ StandardsId: `standards/${p.std}` }] },
  });

  async function store(items: Record<string, unknown>[]) {
    const rows = items.map((item) => {
      const n = m.normalize.normalizeAsff({ ProductArn: "arn:aws:securityhub:us-east-1::product/aws/securityhub", ProductName: "Security Hub",
        CreatedAt: "2026-11-01T00:00:00Z", UpdatedAt: "2026-11-02T00:00:00Z", ...item });
      if (!n.ok) throw new Error(n.error);
      return n.row;
    });
    await m.pool.withBulkTransaction((client) => m.upsert.upsertFindings(client, "securityhub", rows));
  }

  beforeEach(async () => {
    await m.db.$executeRawUnsafe(`TRUNCATE findings CASCADE`);
    await store([
      // prod, per-standard: FSBP IAM.4 passes, its CIS 1.4 finding fails; FSBP S3.1 fails; CIS 2.1.5 (S3.8) passes
      perStandard({ account: A.prod, std: FSBP, suffix: "IAM.4", control: "IAM.4", status: "PASSED" }),
      perStandard({ account: A.prod, std: CIS, suffix: "1.4", control: "IAM.4", status: "FAILED" }),
      perStandard({ account: A.prod, std: FSBP, suffix: "S3.1", control: "S3.1", status: "FAILED" }),
      perStandard({ account: A.prod, std: CIS, suffix: "2.1.5", control: "S3.8", status: "PASSED" }),
      // web, consolidated: IAM.4 fails on one of two resources (both standards); S3.8 passes (both); IAM.9 only warns (CIS only);
      // S3.1 passes (FSBP; CIS v1.2.0 and PCI DSS are not scored); KMS.4 archived (disabled); Lambda.1 suppressed (no data);
      // EC2.99 belongs to PCI DSS only (no standard of ours)
      consolidated({ account: A.web, control: "IAM.4", status: "FAILED", standards: [STD.fsbp, STD.cis], severity: "CRITICAL" }),
      consolidated({ account: A.web, control: "IAM.4", status: "PASSED", standards: [STD.fsbp, STD.cis], region: "eu-west-1" }),
      consolidated({ account: A.web, control: "S3.8", status: "PASSED", standards: [STD.cis, STD.fsbp] }),
      consolidated({ account: A.web, control: "IAM.9", status: "WARNING", standards: [STD.cis] }),
      consolidated({ account: A.web, control: "S3.1", status: "PASSED", standards: [STD.fsbp, STD.cis12, STD.pci] }),
      consolidated({ account: A.web, control: "KMS.4", status: "FAILED", standards: [STD.fsbp, STD.cis], record: "ARCHIVED" }),
      consolidated({ account: A.web, control: "Lambda.1", status: "FAILED", standards: [STD.fsbp], workflow: "SUPPRESSED" }),
      consolidated({ account: A.web, control: "EC2.99", status: "FAILED", standards: [STD.pci] }),
      // dev, mixed: EC2.7 fails in its FSBP per-standard finding and passes in its consolidated one (FSBP + CIS);
      // CloudTrail.1 passes in both forms
      perStandard({ account: A.dev, std: FSBP, suffix: "EC2.7", control: "EC2.7", status: "FAILED" }),
      consolidated({ account: A.dev, control: "EC2.7", status: "PASSED", standards: [STD.fsbp, STD.cis] }),
      perStandard({ account: A.dev, std: CIS, suffix: "3.1", control: "CloudTrail.1", status: "PASSED" }),
      consolidated({ account: A.dev, control: "CloudTrail.1", status: "PASSED", standards: [STD.fsbp, STD.cis] }),
    ]);
  });

  it("stores each finding's standards: every associated standard we score, in STANDARDS order", async () => {
    const rows = await m.db.finding.findMany({ select: { awsAccountId: true, controlId: true, generatorId: true, standards: true } });
    const of = (account: string, control: string, generator: string) =>
      rows.filter((r) => r.awsAccountId === account && r.controlId === control && r.generatorId?.startsWith(generator)).map((r) => r.standards);
    expect(of(A.web, "IAM.4", "security-control/")).toEqual([["fsbp", "cis"], ["fsbp", "cis"]]);
    expect(of(A.web, "S3.8", "security-control/")).toEqual([["fsbp", "cis"]]);
    expect(of(A.web, "IAM.9", "security-control/")).toEqual([["cis"]]);
    expect(of(A.web, "S3.1", "security-control/")).toEqual([["fsbp"]]);
    expect(of(A.web, "EC2.99", "security-control/")).toEqual([[]]);
    expect(of(A.prod, "IAM.4", CIS)).toEqual([["cis"]]);
    expect(of(A.prod, "IAM.4", FSBP)).toEqual([["fsbp"]]);
  });

  it("a consolidated finding counts for each of its standards; scores equal the hand computation", async () => {
    const s = await m.scores.getComplianceScores();
    const acc = Object.fromEntries(s.accounts.map((a) => [a.id, a.scores]));
    // prod: FSBP IAM.4 PASSED, S3.1 FAILED → 1 / 2; CIS IAM.4 FAILED, S3.8 PASSED → 1 / 2
    expect(acc[A.prod]?.fsbp).toEqual({ passed: 1, failed: 1, unknown: 0, noData: 0, score: 50 });
    expect(acc[A.prod]?.cis).toEqual({ passed: 1, failed: 1, unknown: 0, noData: 0, score: 50 });
    // web: FSBP IAM.4 FAILED, S3.8 PASSED, S3.1 PASSED, Lambda.1 NO_DATA (KMS.4 disabled, EC2.99 no standard) → 2 / 3
    expect(acc[A.web]?.fsbp).toEqual({ passed: 2, failed: 1, unknown: 0, noData: 1, score: (2 / 3) * 100 });
    // web: CIS IAM.4 FAILED, S3.8 PASSED, IAM.9 UNKNOWN → 1 / 3
    expect(acc[A.web]?.cis).toEqual({ passed: 1, failed: 1, unknown: 1, noData: 0, score: (1 / 3) * 100 });
    // dev: FSBP EC2.7 FAILED (the per-standard finding fails; both forms count), CloudTrail.1 PASSED → 1 / 2;
    // CIS EC2.7 PASSED (consolidated only), CloudTrail.1 PASSED → 2 / 2
    expect(acc[A.dev]?.fsbp).toEqual({ passed: 1, failed: 1, unknown: 0, noData: 0, score: 50 });
    expect(acc[A.dev]?.cis).toEqual({ passed: 2, failed: 0, unknown: 0, noData: 0, score: 100 });
    // Production (prod + web): FSBP IAM.4 FAILED (web), S3.1 FAILED (prod), S3.8 PASSED, Lambda.1 NO_DATA → 1 / 3;
    // CIS IAM.4 FAILED, S3.8 PASSED, IAM.9 UNKNOWN → 1 / 3
    const ou = Object.fromEntries(s.ous.map((o) => [o.id, o.scores]));
    expect(ou["ou-ab12-prod0001"]?.fsbp).toEqual({ passed: 1, failed: 2, unknown: 0, noData: 1, score: (1 / 3) * 100 });
    expect(ou["ou-ab12-prod0001"]?.cis).toEqual({ passed: 1, failed: 1, unknown: 1, noData: 0, score: (1 / 3) * 100 });
    // organization: FSBP IAM.4 F, S3.1 F, EC2.7 F, S3.8 P, CloudTrail.1 P, Lambda.1 NO_DATA → 2 / 5;
    // CIS IAM.4 F, S3.8 P, EC2.7 P, CloudTrail.1 P, IAM.9 U → 3 / 5
    expect(s.org.fsbp).toEqual({ passed: 2, failed: 3, unknown: 0, noData: 1, score: 40 });
    expect(s.org.cis).toEqual({ passed: 3, failed: 1, unknown: 1, noData: 0, score: 60 });
    // The snapshot stores the same figures.
    await m.snapshot.snapshotCompliance({ day: "2026-11-20" });
    const snap = await m.latest.getSnapshotScores({ asOf: "2026-11-20" });
    expect(Object.fromEntries(snap.map((l) => [l.standard, l.figures.score]))).toEqual({ cis: 60, fsbp: 40 });
  });

  it("the failing controls agree with the findings lists behind their links (standardWhere)", async () => {
    const cis = await m.controls.listFailingControls({ standard: "cis" });
    // IAM.4 fails for CIS in prod (per-standard) and web (consolidated)
    expect(cis.controls.map((c) => [c.controlId, c.failedAccounts, c.failedFindings, c.severity])).toEqual([["IAM.4", 2, 2, "CRITICAL"]]);
    const fsbp = await m.controls.listFailingControls({ standard: "fsbp" });
    expect(fsbp.controls.map((c) => [c.controlId, c.failedAccounts, c.failedFindings])).toEqual([["IAM.4", 1, 1], ["EC2.7", 1, 1], ["S3.1", 1, 1]]);
    const web = await m.controls.listFailingControls({ standard: "fsbp", ou: "ou-ab12-web00001" });
    expect(web.controls.map((c) => c.controlId)).toEqual(["IAM.4"]);
    expect(web.figures.score).toBeCloseTo(200 / 3, 6);

    // Each link's list (control, standard, scope, active, NEW / NOTIFIED, any severity) holds the control's failed findings.
    for (const [standard, list, scope] of [["cis", cis, {}], ["fsbp", fsbp, {}], ["fsbp", web, { ou: "ou-ab12-web00001" }]] as const) {
      for (const c of list.controls) {
        const url = new URL(c.findingsHref, "http://localhost");
        expect(url.searchParams.get("standard")).toBe(standard);
        expect(url.searchParams.get("ou") ?? undefined).toBe((scope as { ou?: string }).ou);
        const params: unknown[] = [];
        const add = (v: unknown) => `$${params.push(v)}`;
        const where = m.standardSql.standardWhere(`f."standards"`, [standard], add);
        const accounts = "ou" in scope ? [A.web] : [A.prod, A.web, A.dev];
        const { rows } = await m.pool.readPool().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM findings f WHERE f."controlId" = ${add(c.controlId)} AND ${where} AND f."awsAccountId" = ANY(${add(accounts)}::text[])
             AND f."recordState" = 'ACTIVE' AND f."workflowStatus" IN ('NEW', 'NOTIFIED') AND f."complianceStatus" = 'FAILED'`, params);
        expect(rows[0]!.n, `${standard} ${c.controlId}`).toBe(c.failedFindings);
      }
    }
  });
});

describe("standardWhere", () => {
  it("matches any of the keys on the standards column, refuses unknown keys and matches nothing without keys", () => {
    const params: unknown[] = [];
    const add = (v: unknown) => `$${params.push(v)}`;
    expect(m.standardSql.standardWhere(`f."standards"`, ["fsbp", "cis", "fsbp"], add)).toBe(`f."standards" && $1::text[]`);
    expect(params).toEqual([["fsbp", "cis"]]);
    expect(m.standardSql.standardWhere(`f."standards"`, [], add)).toBe("FALSE");
    expect(() => m.standardSql.standardWhere(`f."standards"`, ["pci" as "fsbp"], add)).toThrow(/pci/);
  });
});
