import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsContext } from "@/server/aws/clients";
import { lookupEventPages } from "@/server/aws/cloudtrail";
import { RateLimiter } from "@/server/aws/rate-limiter";
import { db } from "@/server/db";
import { bulkPool } from "@/server/db-pool";
import { startSimulator, type TSimulator } from "@/server/simulator";
import { SIMULATOR_CREDENTIALS, type TSyncConfig } from "@/server/sync/sync-config";
import { importTrailFiles } from "./import-trail-files";
import { ingestCloudTrail } from "./ingest-cloudtrail";
import { getIngestStatus } from "./ingest-status";

// Ingest through the real SDK against the simulator (member read role per account and region).
const DAY = 86_400_000;
let sim: TSimulator;

const config = (s: TSimulator, regions: string[], rateLimits = false): TSyncConfig => ({
  connection: { endpoint: s.url, credentials: SIMULATOR_CREDENTIALS, roleName: "KanshiReadRole", externalId: "kanshi-test" },
  regions, topology: "fan-out", rateLimits,
});

async function addAccounts(s: TSimulator, names: string[]): Promise<string[]> {
  const accounts = s.organization().accounts.filter((a) => names.includes(a.name));
  for (const a of accounts) await db.awsAccount.upsert({ where: { id: a.id }, create: { id: a.id, name: a.name }, update: {} });
  return accounts.map((a) => a.id);
}

/** What the simulator holds for a scope (its last 90 days), through the adapter. */
async function simulatorIds(s: TSimulator, accountId: string, region: string, days = 90, paced = false): Promise<string[]> {
  const ctx = new AwsContext(config(s, [region]).connection, new RateLimiter(paced), paced ? 5 : 1);
  try {
    const ids: string[] = [];
    const now = s.now().getTime();
    for await (const page of lookupEventPages({ client: ctx.cloudTrail({ accountId, region }), limiter: ctx.limiter, scope: { accountId, region }, start: new Date(now - days * DAY), end: new Date(now) })) {
      ids.push(...page.events.map((e) => e.eventId));
    }
    return ids.sort();
  } finally {
    ctx.destroy();
  }
}

async function storedIds(accountId: string, region: string): Promise<string[]> {
  const { rows } = await bulkPool().query<{ id: string }>(`SELECT event_id::text AS id FROM cloudtrail_events WHERE account_id = $1 AND region = $2 ORDER BY 1`, [accountId, region]);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 21, scale: 200 });
});
afterAll(async () => {
  await sim.close();
});

describe("CloudTrail ingest", () => {
  it("backfills 90 days of each account × region, then reads incrementally; a killed backfill resumes without gaps", async () => {
    const [account] = await addAccounts(sim, ["prod-api"]);
    const expected = await simulatorIds(sim, account!, "eu-west-1");
    expect(expected.length).toBeGreaterThan(200);
    const now = () => sim.now().getTime();

    // interrupted after 3 pages of the backfill
    const abort = new AbortController();
    let pages = 0;
    const first = await ingestCloudTrail({
      trigger: "manual", config: config(sim, ["eu-west-1"]), now, accountIds: [account!], windowDays: 30, signal: abort.signal,
      onPage: (p) => {
        if (p.phase === "backfill" && ++pages === 3) abort.abort();
      },
    });
    expect(first.ok).toBe(false);
    const partial = await storedIds(account!, "eu-west-1");
    expect(partial.length).toBeGreaterThan(50);
    expect(partial.length).toBeLessThan(expected.length);
    const status = (await getIngestStatus()).scopes.find((s) => s.accountId === account && s.region === "eu-west-1")!;
    expect(status.status).toBe("FAILED");
    expect(status.backfillPercent).toBeGreaterThan(0);
    expect(status.backfillPercent).toBeLessThan(100);

    // the rerun continues from the saved boundary: everything, each event once
    sim.resetStats();
    const second = await ingestCloudTrail({ trigger: "manual", config: config(sim, ["eu-west-1"]), now, accountIds: [account!], windowDays: 30 });
    expect(second.ok).toBe(true);
    expect(await storedIds(account!, "eu-west-1")).toEqual(expected);
    // it did not start over: fewer calls than a full read (the full read is ⌈n/50⌉ pages plus one per window)
    expect(sim.stats().calls["CloudTrail.LookupEvents"]).toBeLessThan(Math.ceil(expected.length / 50) + 3);
    const done = (await getIngestStatus()).scopes.find((s) => s.accountId === account && s.region === "eu-west-1")!;
    expect(done).toMatchObject({ status: "OK", backfillPercent: 100, eventsStored: expected.length, error: null });

    // a day later: only the new events are read
    sim.advance(DAY);
    sim.resetStats();
    const third = await ingestCloudTrail({ trigger: "schedule", config: config(sim, ["eu-west-1"]), now, accountIds: [account!] });
    expect(third.ok).toBe(true);
    expect(sim.stats().calls["CloudTrail.LookupEvents"]).toBeLessThanOrEqual(2);
    const after = await storedIds(account!, "eu-west-1");
    expect(after.length).toBeGreaterThan(expected.length);
    expect(after).toEqual(expect.arrayContaining(expected));
    const runs = await db.syncRun.findMany({ where: { kind: "cloudtrail", scope: `${account}/eu-west-1` }, orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["FAILED", "SUCCEEDED", "SUCCEEDED"]);
  });

  it("completes under CloudTrail's enforced 2 requests per second, reading accounts in parallel", async () => {
    const own = await startSimulator({ seed: 22, scale: 100, rateLimits: true });
    try {
      const accounts = await addAccounts(own, ["dev-platform", "staging-api"]);
      const started = Date.now();
      const result = await ingestCloudTrail({ trigger: "manual", config: config(own, ["us-east-1"], true), now: () => own.now().getTime(), accountIds: accounts, backfillDays: 10, windowDays: 3 });
      expect(result.ok).toBe(true);
      const calls = result.scopes.map((s) => s.apiCalls);
      // each scope needed several calls: at 2 rps one after the other they would take longer than in parallel
      expect(Math.min(...calls)).toBeGreaterThanOrEqual(4);
      expect(Date.now() - started).toBeLessThan(((calls[0]! + calls[1]!) / 2) * 1000 + 1500);
      for (const accountId of accounts) expect(await storedIds(accountId, "us-east-1")).toEqual(await simulatorIds(own, accountId, "us-east-1", 10, true));
      // without our pacing the simulator throttles, and the SDK's retries still get everything
      const [other] = await addAccounts(own, ["network"]);
      const unpaced = await ingestCloudTrail({ trigger: "manual", config: config(own, ["us-east-1"], false), now: () => own.now().getTime(), accountIds: [other!], backfillDays: 10, windowDays: 2 });
      expect(unpaced.ok).toBe(true);
      expect(unpaced.scopes[0]!.throttles).toBeGreaterThan(0);
      expect(await storedIds(other!, "us-east-1")).toEqual(await simulatorIds(own, other!, "us-east-1", 10, true));
    } finally {
      await own.close();
    }
  });

  it("stores an event once whether it came from LookupEvents or from a trail file", async () => {
    const [account] = await addAccounts(sim, ["data-analytics"]);
    const ok = await ingestCloudTrail({ trigger: "manual", config: config(sim, ["us-east-1"]), now: () => sim.now().getTime(), accountIds: [account!], backfillDays: 10 });
    expect(ok.ok).toBe(true);
    const before = await storedIds(account!, "us-east-1");
    // the same events as a trail file (gzip), plus two the ingest never saw
    const ctx = new AwsContext(config(sim, ["us-east-1"]).connection, new RateLimiter(false), 1);
    const records: Record<string, unknown>[] = [];
    const now = sim.now().getTime();
    for await (const page of lookupEventPages({ client: ctx.cloudTrail({ accountId: account!, region: "us-east-1" }), limiter: ctx.limiter, scope: { accountId: account!, region: "us-east-1" }, start: new Date(now - 10 * DAY), end: new Date(now) })) {
      records.push(...page.events.map((e) => e.record!));
    }
    ctx.destroy();
    const older = records.slice(0, 2).map((r, n) => ({ ...r, eventID: `00000000-0000-4000-8000-00000000000${n}`, eventTime: new Date(now - 200 * DAY).toISOString() }));
    const file = gzipSync(JSON.stringify({ Records: [...records, ...older] }));
    const summary = await importTrailFiles([{ name: "AWSLogs/o-x/111/CloudTrail/us-east-1/2026/11/01/a.json.gz", read: async () => file }]);
    expect(summary.files[0]).toMatchObject({ ok: true, records: records.length + 2, inserted: 2, duplicates: records.length, invalid: 0 });
    expect((await storedIds(account!, "us-east-1")).length).toBe(before.length + 2);
    const again = await importTrailFiles([{ name: "again.json.gz", read: async () => file }]);
    expect(again).toMatchObject({ inserted: 0, duplicates: records.length + 2 });
  });
});
