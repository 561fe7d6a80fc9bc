import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type TSimulator } from "@/server/simulator";
import { AwsContext } from "./clients";
import { lookupEventPages, type TLookupEvent } from "./cloudtrail";
import { RateLimiter } from "./rate-limiter";

// The CloudTrail adapter through the real SDK client, against the simulator (member read role).
const DAY = 86_400_000;
let sim: TSimulator;
let ctx: AwsContext;

beforeAll(async () => {
  sim = await startSimulator({ seed: 31, scale: 300 });
  ctx = new AwsContext({ endpoint: sim.url, credentials: { accessKeyId: "AKIAADAPTERTEST00001", secretAccessKey: "x" }, roleName: "KanshiReadRole" }, new RateLimiter(false), 1);
});
afterAll(async () => {
  ctx.destroy();
  await sim.close();
});

const accountId = (name: string) => sim.organization().accounts.find((a) => a.name === name)!.id;

describe("CloudTrail adapter", () => {
  it("reads a time range page by page, newest first, with each event's full record", async () => {
    const scope = { accountId: accountId("prod-web"), region: "us-east-1" };
    const now = sim.now().getTime();
    const taken: string[] = [];
    const limiter = new RateLimiter(false);
    const take = limiter.take.bind(limiter);
    limiter.take = (service, operation, s) => {
      taken.push(`${service}:${operation}:${s.accountId}:${s.region}`);
      return take(service, operation, s);
    };
    const events: TLookupEvent[] = [];
    let pages = 0;
    for await (const page of lookupEventPages({ client: ctx.cloudTrail(scope), limiter, scope, start: new Date(now - 30 * DAY), end: new Date(now) })) {
      pages++;
      expect(page.events.length).toBeLessThanOrEqual(50);
      events.push(...page.events);
    }
    expect(pages).toBeGreaterThan(1);
    expect(taken).toEqual(Array.from({ length: pages }, () => `cloudtrail:LookupEvents:${scope.accountId}:us-east-1`));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    for (let n = 1; n < events.length; n++) expect(events[n]!.eventTime.getTime()).toBeLessThanOrEqual(events[n - 1]!.eventTime.getTime());
    expect(events.every((e) => e.eventTime.getTime() >= now - 30 * DAY && e.record?.eventID === e.eventId && e.record.recipientAccountId === scope.accountId)).toBe(true);
    expect(events.some((e) => e.resources.length > 0)).toBe(true);
  });

  it("passes one lookup attribute", async () => {
    const scope = { accountId: accountId("prod-api"), region: "us-east-1" };
    const now = sim.now().getTime();
    const events: TLookupEvent[] = [];
    for await (const page of lookupEventPages({ client: ctx.cloudTrail(scope), limiter: ctx.limiter, scope, start: new Date(now - 90 * DAY), end: new Date(now), attribute: { key: "EventName", value: "AssumeRole" } })) {
      events.push(...page.events);
    }
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.eventName === "AssumeRole")).toBe(true);
  });

  it("is paced at CloudTrail's 2 requests per second per account and region", async () => {
    const limiter = new RateLimiter(true);
    const scope = { accountId: "111122223333", region: "us-east-1" };
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => limiter.take("cloudtrail", "LookupEvents", scope)));
    // a burst of 2, then 3 more at 2 per second
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
    const other = performance.now();
    await limiter.take("cloudtrail", "LookupEvents", { ...scope, region: "eu-west-1" });
    expect(performance.now() - other).toBeLessThan(100);
  });
});
