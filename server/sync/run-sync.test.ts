import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { truncateAll, useOwnDatabase } from "@/server/testing/own-database";
import type { TSimulator } from "@/server/simulator";

// Full syncs through the real AWS SDK clients against the simulator, on a database of this file's own.

let sim: TSimulator;
let databaseUrl: string;
type Mods = {
  db: typeof import("@/server/db").db;
  runSync: typeof import("./run-sync").runSync;
  SIMULATOR_CREDENTIALS: typeof import("./sync-config").SIMULATOR_CREDENTIALS;
};
let m: Mods;

const REGIONS = ["us-east-1", "ap-northeast-1", "eu-west-1"];

function config(topology: "delegated-admin" | "fan-out" = "delegated-admin") {
  return { connection: { endpoint: sim.url, credentials: m.SIMULATOR_CREDENTIALS, roleName: "KanshiReadRole", externalId: "kanshi-test" }, regions: REGIONS, topology, rateLimits: false };
}

/** What a sync leaves behind, independent of row ids and timing. */
async function digest(): Promise<{ findings: number; hash: string }> {
  const [row] = await m.db.$queryRaw<{ n: number; hash: string }[]>`
    SELECT count(*)::int AS n, md5(coalesce(string_agg(concat_ws('|', "externalId", source, "awsAccountId", region, severity, "workflowStatus", "recordState",
      "complianceStatus", "awsUpdatedAt"), ',' ORDER BY "externalId"), '')) AS hash FROM findings`;
  return { findings: row!.n, hash: row!.hash };
}

beforeAll(async () => {
  databaseUrl = await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_sync`);
  const { startSimulator } = await import("@/server/simulator");
  sim = await startSimulator({ seed: 7, scale: 2000 });
  m = { db: (await import("@/server/db")).db, runSync: (await import("./run-sync")).runSync, SIMULATOR_CREDENTIALS: (await import("./sync-config")).SIMULATOR_CREDENTIALS };
});

afterAll(async () => {
  await sim?.close();
  await m?.db.$disconnect();
});

beforeEach(async () => {
  await truncateAll((sql) => m.db.$executeRawUnsafe(sql));
  sim.setFaults({ throttleRate: 0, errorRate: 0, latencyMs: 0, deniedAccounts: [] });
  sim.resetStats();
});

describe("runSync against the simulator", () => {
  it("syncs the organization and every finding once, GuardDuty copies merged; a second sync writes nothing", async () => {
    const first = await m.runSync(config(), { trigger: "cli" });
    expect(first.results.filter((r) => !r.ok)).toEqual([]);
    const org = sim.organization();
    expect(await m.db.awsAccount.count({ where: { inOrganization: true } })).toBe(org.accounts.length);
    expect(await m.db.organizationalUnit.count()).toBe(org.ous.length + 1);
    const { findings } = await digest();
    // Every Security Hub finding, plus the native GuardDuty findings that have no Security Hub copy.
    expect(findings).toBeGreaterThanOrEqual(sim.expected.securityHubFindings());
    expect(findings).toBeLessThanOrEqual(sim.expected.securityHubFindings() + sim.expected.guardDutyFindings());
    const getFindingsCalls = sim.stats().calls["SecurityHub.GetFindings"] ?? 0;
    expect(getFindingsCalls).toBeLessThanOrEqual(Math.ceil(sim.expected.securityHubFindings() / 100) + 1);

    // Control findings know their standards: the consolidated ones (accounts with consolidated control findings)
    // every standard of their control, from Compliance.AssociatedStandards; the per-standard ones their one standard.
    const controls = await m.db.finding.findMany({ where: { controlId: { not: null } }, select: { generatorId: true, controlId: true, standards: true, awsAccountId: true } });
    const consolidated = controls.filter((f) => f.generatorId?.startsWith("security-control/"));
    const { buildOrganization } = await import("@/server/simulator/data/organization");
    const consolidatedAccounts = new Set(buildOrganization(7).accounts.filter((a) => a.controlFindingGenerator === "SECURITY_CONTROL").map((a) => a.id));
    expect(consolidatedAccounts.size).toBeGreaterThan(0);
    expect(consolidated.length).toBeGreaterThan(100);
    expect(new Set(consolidated.map((f) => f.awsAccountId))).toEqual(new Set([...consolidatedAccounts].filter((id) => controls.some((f) => f.awsAccountId === id))));
    const inBoth = consolidated.find((f) => f.controlId === "IAM.4");
    expect(inBoth?.standards).toEqual(["fsbp", "cis"]);
    expect(consolidated.find((f) => f.controlId === "S3.1")?.standards).toEqual(["fsbp"]); // FSBP only
    expect(consolidated.find((f) => f.controlId === "IAM.9")?.standards).toEqual(["cis"]); // CIS only
    expect(consolidated.every((f) => f.standards.length > 0)).toBe(true);
    for (const f of controls.filter((c) => !c.generatorId?.startsWith("security-control/"))) {
      expect(f.standards, f.generatorId ?? "").toEqual([f.generatorId?.startsWith("cis-") ? "cis" : "fsbp"]);
      expect(consolidatedAccounts.has(f.awsAccountId)).toBe(false);
    }

    sim.resetStats();
    const second = await m.runSync(config(), { trigger: "cli" });
    const written = second.results.reduce((n, r) => n + r.counts.inserted + r.counts.updated, 0);
    expect(written).toBe(0);
    expect(sim.stats().calls["SecurityHub.GetFindings"] ?? 0).toBeLessThanOrEqual(1);
  });

  it("picks up what changed after the clock moves a week, with history", async () => {
    await m.runSync(config(), { trigger: "cli" });
    const before = await digest();
    sim.advance(7 * 24 * 3600_000);
    const after = await m.runSync(config(), { trigger: "cli" });
    const changed = after.results.reduce((n, r) => n + r.counts.inserted + r.counts.updated, 0);
    expect(changed).toBeGreaterThan(0);
    expect((await digest()).hash).not.toBe(before.hash);
    expect(await m.db.findingHistory.count()).toBeGreaterThan(0);
  });

  it("ends with the same database under 30 % throttling and 2 % server errors as in a clean run", { timeout: 120_000 }, async () => {
    await m.runSync(config(), { trigger: "cli" });
    const clean = await digest();
    await truncateAll((sql) => m.db.$executeRawUnsafe(sql));
    sim.setFaults({ throttleRate: 0.3, errorRate: 0.02 });
    const faulty = await m.runSync(config(), { trigger: "cli" });
    expect(faulty.results.filter((r) => !r.ok)).toEqual([]);
    expect(faulty.results.reduce((n, r) => n + r.throttles, 0)).toBeGreaterThan(0);
    expect(await digest()).toEqual(clean);
  });

  it("fan-out: a denied account fails alone with AWS's message; the others are synced", async () => {
    const denied = sim.organization().accounts[2]!.id;
    sim.setFaults({ deniedAccounts: [denied] });
    const summary = await m.runSync(config("fan-out"), { trigger: "cli" });
    const failed = summary.results.filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.scope.startsWith(`${denied}/`))).toBe(true);
    expect(failed[0]!.error).toMatch(/AccessDenied/);
    const runs = await m.db.syncRun.findMany({ where: { status: "FAILED" } });
    expect(runs.every((r) => r.scope.startsWith(denied) && /AccessDenied/.test(r.error ?? ""))).toBe(true);
    expect(await m.db.finding.count({ where: { awsAccountId: { not: denied } } })).toBeGreaterThan(0);
    expect(await m.db.finding.count({ where: { awsAccountId: denied } })).toBe(0);
  });
});

describe("npm run sync killed mid-run", () => {
  it("resumes to the same state: nothing lost, nothing duplicated", { timeout: 180_000 }, async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const env = { ...process.env, DATABASE_URL: databaseUrl, KANSHI_AWS_MODE: "demo", KANSHI_SIM_SEED: "11", KANSHI_SIM_SCALE: "4000", KANSHI_SIM_URL: "" };
    const run = () => spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "sync.mts")], { cwd: root, env, stdio: "ignore" });
    const exit = (child: ReturnType<typeof run>) => new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    // The reference: one uninterrupted sync.
    await truncateAll((sql) => m.db.$executeRawUnsafe(sql));
    expect(await exit(run())).toBe(0);
    const reference = await digest();

    await truncateAll((sql) => m.db.$executeRawUnsafe(sql));
    const child = run();
    const done = exit(child);
    // Kill it once some findings are committed and before it is done.
    for (let i = 0; i < 600; i++) {
      const n = await m.db.finding.count();
      if (n > 0 && n < reference.findings) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    await done;
    const partial = await m.db.finding.count();
    expect(partial).toBeLessThan(reference.findings);

    expect(await exit(run())).toBe(0);
    expect(await digest()).toEqual(reference);
  });
});
