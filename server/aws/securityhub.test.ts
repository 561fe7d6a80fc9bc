import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type TSimulator } from "@/server/simulator";
import { AwsContext } from "./clients";
import { RateLimiter } from "./rate-limiter";
import { getEnabledStandards, getFindingAggregator, getFindingsSince } from "./securityhub";
import { describeOrganization } from "./organizations";

// The adapters through the real SDK clients, against the simulator.
let sim: TSimulator;
let ctx: AwsContext;

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, scale: 500 });
  ctx = new AwsContext({ endpoint: sim.url, credentials: { accessKeyId: "AKIAADAPTERTEST00001", secretAccessKey: "x" }, roleName: "KanshiReadRole" }, new RateLimiter(false));
});
afterAll(async () => {
  ctx.destroy();
  await sim.close();
});

describe("Security Hub adapter", () => {
  it("finds the cross-region aggregator", async () => {
    const aggregator = await getFindingAggregator(ctx.securityHub({ region: "us-east-1" }), ctx.limiter, "us-east-1");
    expect(aggregator).toMatchObject({ aggregationRegion: "us-east-1", regionLinkingMode: "ALL_REGIONS" });
  });

  it("lists the enabled standards (FSBP v1.0.0, CIS v1.4.0) with their controls", async () => {
    const standards = await getEnabledStandards(ctx.securityHub({ region: "us-east-1" }), ctx.limiter, { region: "us-east-1" });
    const arns = standards.map((s) => s.standardsArn);
    expect(arns.some((a) => a.includes("aws-foundational-security-best-practices/v/1.0.0"))).toBe(true);
    expect(arns.some((a) => a.includes("cis-aws-foundations-benchmark/v/1.4.0"))).toBe(true);
    const fsbp = standards.find((s) => s.standardsArn.includes("foundational"))!;
    expect(fsbp.controls.length).toBeGreaterThan(20);
    expect(fsbp.controls.map((c) => c.controlId)).toEqual(expect.arrayContaining(["IAM.1", "S3.1"]));
  });

  it("pages findings oldest first, 100 at a time, each exactly once", async () => {
    const seen = new Set<string>();
    let previous = "";
    let pages = 0;
    for await (const page of getFindingsSince({ client: ctx.securityHub({ region: "us-east-1" }), limiter: ctx.limiter, region: "us-east-1", updatedSince: new Date(0) })) {
      pages++;
      expect(page.findings.length).toBeLessThanOrEqual(100);
      for (const f of page.findings) {
        expect(seen.has(f.Id!)).toBe(false);
        seen.add(f.Id!);
        expect(f.UpdatedAt! >= previous).toBe(true);
        previous = f.UpdatedAt!;
      }
    }
    expect(seen.size).toBe(sim.expected.securityHubFindings());
    expect(pages).toBe(Math.ceil(seen.size / 100));
  });
});

describe("Organizations adapter", () => {
  it("walks the whole tree, nested OUs and empty pages with a NextToken included, with tags", async () => {
    const tree = await describeOrganization(ctx.organizations("us-east-1"), ctx.limiter, "us-east-1");
    const org = sim.organization();
    expect(tree.accounts.map((a) => a.id).sort()).toEqual(org.accounts.map((a) => a.id).sort());
    expect(tree.units).toHaveLength(org.ous.length + 1);
    expect(tree.accounts.every((a) => Object.keys(a.tags).length > 0)).toBe(true);
    expect(tree.accounts.some((a) => a.status === "SUSPENDED")).toBe(true);
  });
});
