import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TSimulator } from "@/server/simulator";
import { baselineProfiles, type TAccountBaseline } from "@/server/simulator/data/baseline";
import { buildOrganization } from "@/server/simulator/data/organization";
import { BASELINE_CHECKS } from "./baseline.types";

// The baseline evaluation through the real SDK clients against the simulator, on a database of its own
// (an evaluation replaces every stored result).

const SEED = 9;
const REGIONS = ["us-east-1", "ap-northeast-1", "eu-west-1"];
const org = buildOrganization(SEED);
const profiles = baselineProfiles(SEED, org);
const accountWith = (test: (p: TAccountBaseline) => boolean) => org.accounts.find((a) => a.status === "ACTIVE" && test(profiles.get(a.index)!))!;

let sim: TSimulator;
type Mods = {
  db: typeof import("@/server/db").db;
  evaluateBaseline: typeof import("./evaluate-baseline").evaluateBaseline;
  getBaselineMatrix: typeof import("./baseline-matrix").getBaselineMatrix;
  getBaselineCell: typeof import("./baseline-matrix").getBaselineCell;
};
let m: Mods;

function config() {
  return { connection: { endpoint: sim.url, credentials: { accessKeyId: "AKIAKANSHITEST000001", secretAccessKey: "x" }, roleName: "KanshiReadRole", externalId: "kanshi-test" }, regions: REGIONS, topology: "fan-out" as const, rateLimits: false };
}

const results = (accountId: string, check?: string) => m.db.baselineResult.findMany({ where: { awsAccountId: accountId, ...(check ? { check } : {}) }, orderBy: [{ check: "asc" }, { region: "asc" }] });

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_baseline_eval`);
  const { startSimulator } = await import("@/server/simulator");
  sim = await startSimulator({ seed: SEED, scale: 500 });
  m = {
    db: (await import("@/server/db")).db,
    evaluateBaseline: (await import("./evaluate-baseline")).evaluateBaseline,
    ...(await import("./baseline-matrix")),
  };
  // The accounts, as the organization sync stores them.
  const { AwsContext } = await import("@/server/aws/clients");
  const { describeOrganization } = await import("@/server/aws/organizations");
  const { storeOrganization } = await import("@/server/sync/sync-organization");
  const ctx = new AwsContext(config().connection);
  await storeOrganization(await describeOrganization(ctx.organizations("us-east-1"), ctx.limiter, "us-east-1"));
  ctx.destroy();
});

afterAll(async () => {
  await sim?.close();
  await m?.db.$disconnect();
});

describe("evaluateBaseline against the simulator", () => {
  it("evaluates every active account × region × check: passes, fails with evidence, AccessDenied for one service only", async () => {
    const denied = accountWith((p) => p.trail === "multi-region" && !p.deniedServices.length && !p.cisMissing && !Object.keys(p.detector).length && p !== profiles.get(1));
    sim.setFaults({ deniedAccounts: [denied.id] });
    const summary = await m.evaluateBaseline({ trigger: "cli", config: config() });
    sim.setFaults({ deniedAccounts: [] });
    const active = org.accounts.filter((a) => a.status === "ACTIVE").length;
    expect(summary).toMatchObject({ ok: true, accounts: active, regions: 3, results: active * 3 * BASELINE_CHECKS.length });
    expect(await m.db.baselineResult.count()).toBe(active * 3 * BASELINE_CHECKS.length);

    // The delegated administrator passes everything.
    const admin = await results(org.adminAccountId);
    expect(admin.filter((r) => r.status !== "PASS").map((r) => [r.check, r.region, r.errorCode])).toEqual([]);

    // A single-region trail: CloudTrail fails in every region (evaluated once), with the trail as evidence.
    const single = accountWith((p) => p.trail === "single-region");
    const trail = await results(single.id, "cloudtrail");
    expect(trail.map((r) => r.status)).toEqual(["FAIL", "FAIL", "FAIL"]);
    expect(trail[0]!.evidence).toMatchObject({ problem: "noMultiRegionTrail", evaluatedIn: "us-east-1", trails: [{ name: `${single.name}-management-events`, isMultiRegionTrail: false, isLogging: true }] });

    // A stopped recorder fails Config in its region only.
    const stopped = accountWith((p) => p.recorderStopped.length > 0);
    const stoppedRegion = REGIONS[profiles.get(stopped.index)!.recorderStopped[0]!]!;
    const recorder = await results(stopped.id, "config");
    expect(recorder.map((r) => [r.region, r.status])).toEqual(REGIONS.map((region) => [region, region === stoppedRegion ? "FAIL" : "PASS"]).sort());
    expect(recorder.find((r) => r.region === stoppedRegion)!.evidence).toMatchObject({ problem: "recorderStopped", recorders: [{ name: "default", recording: false }] });

    // CIS not subscribed; a repository without scan on push; the SSM inventory association missing.
    const noCis = accountWith((p) => p.cisMissing);
    expect((await results(noCis.id, "securityhub"))[0]!.evidence).toMatchObject({ problem: "standardMissing", missingStandards: ["cis-aws-foundations-benchmark/v/1.4.0"] });
    const unscanned = accountWith((p) => p.ecrUnscanned.length > 0);
    const ecr = (await results(unscanned.id, "ecr")).find((r) => r.status === "FAIL")!;
    expect(ecr.region).toBe(REGIONS[profiles.get(unscanned.index)!.ecrUnscanned[0]!]);
    expect((ecr.evidence as { withoutScanOnPush: string[] }).withoutScanOnPush).toHaveLength(1);
    expect(await m.db.baselineResult.count({ where: { check: "ssm", status: "FAIL" } })).toBeGreaterThanOrEqual(1);

    // The read role without config:Describe*: Config is UNKNOWN with AWS's AccessDenied, the rest is evaluated.
    const noConfig = accountWith((p) => p.deniedServices.includes("config"));
    const rows = await results(noConfig.id);
    expect(rows.filter((r) => r.status === "UNKNOWN").map((r) => [r.check, r.errorCode])).toEqual(REGIONS.map(() => ["config", "AccessDeniedException"]));
    expect(rows.find((r) => r.check === "config")!.errorMessage).toMatch(/not authorized to perform: config:DescribeConfigurationRecorders/);
    const noEc2 = accountWith((p) => p.deniedServices.includes("ec2"));
    expect((await results(noEc2.id)).filter((r) => r.status === "UNKNOWN").map((r) => [r.check, r.errorCode])).toEqual(REGIONS.map(() => ["ebs", "UnauthorizedOperation"]));

    // An account in faults.deniedAccounts: unknown everywhere, each with the reason.
    const all = await results(denied.id);
    expect(all).toHaveLength(3 * BASELINE_CHECKS.length);
    expect(all.every((r) => r.status === "UNKNOWN" && /AccessDenied|UnauthorizedOperation/.test(r.errorCode ?? ""))).toBe(true);

    // The run is in the sync run log.
    const run = await m.db.syncRun.findUniqueOrThrow({ where: { id: summary.runId } });
    expect(run).toMatchObject({ kind: "baseline", status: "SUCCEEDED", fetched: summary.results });
    expect(run.apiCalls).toBeGreaterThan(active * 3 * 6);

    // The matrix: worst status per cell, filters by status and OU.
    const matrix = await m.getBaselineMatrix({ status: "FAIL" });
    expect(matrix.rows.map((r) => r.accountId)).toContain(single.id);
    expect(matrix.rows.map((r) => r.accountId)).not.toContain(org.adminAccountId);
    expect(matrix.rows.find((r) => r.accountId === stopped.id)!.cells.config!.status).toBe("FAIL");
    const cell = await m.getBaselineCell(noConfig.id, "config");
    expect(cell.regions.map((r) => r.error?.code)).toEqual(REGIONS.map(() => "AccessDeniedException"));
  });

  it("re-evaluation (\"Evaluate now\") replaces the results and is audited", async () => {
    const before = await m.db.baselineResult.findMany({ where: { status: "UNKNOWN", check: "cloudtrail" } });
    expect(before.length).toBeGreaterThan(0);
    const { createTestUser } = await import("@/prisma/factories/user");
    const { evaluateBaselineNow } = await import("./evaluate-now");
    const analyst = await createTestUser({ role: "ANALYST" });
    const summary = await evaluateBaselineNow({ id: analyst.id, email: analyst.email, name: null, role: "ANALYST", locale: null }, { ip: "10.1.2.3", config: config() });
    const audit = await m.db.auditLog.findMany({ where: { action: "checklist.baseline.evaluate" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: analyst.id, ip: "10.1.2.3", targetId: summary.runId, after: { ok: true, results: summary.results } });
    const after = await m.db.baselineResult.findMany();
    expect(after).toHaveLength(summary.results);
    expect(after.every((r) => r.runId === summary.runId)).toBe(true);
    // The account that was denied is evaluated now.
    expect(await m.db.baselineResult.count({ where: { status: "UNKNOWN", check: "cloudtrail" } })).toBe(0);
    expect(await m.db.syncRun.count({ where: { kind: "baseline" } })).toBe(2);
  });
});
