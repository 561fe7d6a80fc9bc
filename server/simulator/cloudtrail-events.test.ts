import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudTrailClient, LookupEventsCommand, type Event, type LookupEventsCommandInput } from "@aws-sdk/client-cloudtrail";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { startSimulator, type TSimulator } from "./index";
import { clients, readAllFindings } from "./test-helpers";

// LookupEvents as CloudTrail answers it, through the real SDK client and the member read role.
const DAY = 86_400_000;
let sim: TSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 11, scale: 300 });
});
afterAll(() => sim.close());

async function trailClient(accountId: string, region = "us-east-1"): Promise<CloudTrailClient> {
  const { Credentials } = await clients(sim).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/KanshiReadRole`, RoleSessionName: "kanshi" }));
  return new CloudTrailClient({
    endpoint: sim.url, region, maxAttempts: 1,
    credentials: { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken },
  });
}

async function lookupAll(client: CloudTrailClient, input: LookupEventsCommandInput = {}): Promise<{ events: Event[]; pages: number }> {
  const events: Event[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(new LookupEventsCommand({ ...input, NextToken }));
    pages++;
    events.push(...(page.Events ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return { events, pages };
}

const accountId = (name: string) => sim.organization().accounts.find((a) => a.name === name)!.id;

describe("simulator CloudTrail LookupEvents", () => {
  it("pages the caller's account and region newest first, 50 at most, within the last 90 days", async () => {
    const account = accountId("prod-web");
    const client = await trailClient(account, "ap-northeast-1");
    const { events, pages } = await lookupAll(client);
    expect(events.length).toBeGreaterThan(100);
    expect(pages).toBe(Math.ceil(events.length / 50));
    expect(new Set(events.map((e) => e.EventId)).size).toBe(events.length);
    const times = events.map((e) => e.EventTime!.getTime());
    for (let n = 1; n < times.length; n++) expect(times[n]).toBeLessThanOrEqual(times[n - 1]!);
    const now = sim.now().getTime();
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 90 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    for (const e of events.slice(0, 20)) {
      const record = JSON.parse(e.CloudTrailEvent!) as { eventID: string; recipientAccountId: string; awsRegion: string; eventName: string };
      expect(record).toMatchObject({ eventID: e.EventId, recipientAccountId: account, awsRegion: "ap-northeast-1", eventName: e.EventName });
    }
    // a smaller page size pages the same events
    const small = await lookupAll(client, { MaxResults: 7, StartTime: new Date(now - 10 * DAY) });
    expect(small.events.map((e) => e.EventId)).toEqual(events.filter((e) => e.EventTime!.getTime() >= now - 10 * DAY).map((e) => e.EventId));
  });

  it("filters by one lookup attribute and rejects two, or more than 50 results", async () => {
    const client = await trailClient(accountId("prod-payments"));
    const { events } = await lookupAll(client, { LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "DescribeInstances" }] });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.EventName === "DescribeInstances")).toBe(true);
    const writes = await lookupAll(client, { LookupAttributes: [{ AttributeKey: "ReadOnly", AttributeValue: "false" }], StartTime: new Date(sim.now().getTime() - 20 * DAY) });
    expect(writes.events.length).toBeGreaterThan(0);
    expect(writes.events.every((e) => e.ReadOnly === "false")).toBe(true);
    await expect(client.send(new LookupEventsCommand({ LookupAttributes: [
      { AttributeKey: "EventName", AttributeValue: "DescribeInstances" }, { AttributeKey: "ReadOnly", AttributeValue: "true" },
    ] }))).rejects.toMatchObject({ name: "InvalidLookupAttributesException" });
    await expect(client.send(new LookupEventsCommand({ MaxResults: 51 }))).rejects.toMatchObject({ name: "InvalidMaxResultsException" });
    await expect(client.send(new LookupEventsCommand({ StartTime: new Date(2026, 9, 2), EndTime: new Date(2026, 9, 1) }))).rejects.toMatchObject({ name: "InvalidTimeRangeException" });
  });

  it("moves with the clock: new events appear, events older than 90 days leave", async () => {
    const own = await startSimulator({ seed: 12, scale: 100 });
    try {
      const c = new CloudTrailClient({ endpoint: own.url, region: "eu-west-1", maxAttempts: 1, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
      const before = (await lookupAll(c)).events;
      own.advance(3 * DAY);
      const after = (await lookupAll(c)).events;
      const newest = before[0]!.EventTime!.getTime();
      expect(after.some((e) => e.EventTime!.getTime() > newest)).toBe(true);
      const horizon = own.now().getTime() - 90 * DAY;
      expect(after.every((e) => e.EventTime!.getTime() >= horizon)).toBe(true);
      expect(before.some((e) => e.EventTime!.getTime() < horizon)).toBe(true);
    } finally {
      await own.close();
    }
  });

  it("holds the events behind a control finding on a security group: the ingress call on that group", async () => {
    const { findings } = await readAllFindings(clients(sim).securityHub);
    const now = sim.now().getTime();
    const finding = findings.find((f) => f.Resources?.[0]?.Type === "AwsEc2SecurityGroup" && Date.parse(f.CreatedAt!) > now - 80 * DAY);
    expect(finding).toBeDefined();
    const groupId = finding!.Resources![0]!.Id!.split("/").pop()!;
    const client = await trailClient(finding!.AwsAccountId!, finding!.Region!);
    const { events } = await lookupAll(client, { LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: groupId }] });
    expect(events.map((e) => e.EventName)).toContain("AuthorizeSecurityGroupIngress");
  });

  it("holds the calls of a GuardDuty IAM finding's actor: its access key, from the finding's remote IP", async () => {
    const { findings } = await readAllFindings(clients(sim).securityHub);
    const now = sim.now().getTime();
    const finding = findings.find((f) => f.Resources?.[0]?.Type === "AwsIamAccessKey" && Date.parse(f.CreatedAt!) > now - 80 * DAY);
    expect(finding).toBeDefined();
    const accessKeyId = finding!.Resources![0]!.Id!.split(":").pop()!;
    const client = await trailClient(finding!.AwsAccountId!, finding!.Region!);
    const { events } = await lookupAll(client, { LookupAttributes: [{ AttributeKey: "AccessKeyId", AttributeValue: accessKeyId }] });
    expect(events.length).toBeGreaterThan(0);
    const created = Date.parse(finding!.CreatedAt!);
    expect(events.every((e) => Math.abs(e.EventTime!.getTime() - created) < 86_400_000)).toBe(true);
    const ips = new Set(events.map((e) => (JSON.parse(e.CloudTrailEvent!) as { sourceIPAddress: string }).sourceIPAddress));
    expect(ips.size).toBe(1);
    expect(JSON.stringify(finding)).toContain([...ips][0]);
  });

  it("throttles above 2 requests per second per account and region when limits are enforced", async () => {
    const client = await trailClient(accountId("staging-web"));
    sim.setRateLimits(true);
    try {
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.send(new LookupEventsCommand({ MaxResults: 1 }))));
      const throttled = results.filter((r) => r.status === "rejected" && (r.reason as Error).name === "ThrottlingException");
      expect(throttled.length).toBeGreaterThanOrEqual(3);
      expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
      // another region of the same account has its own budget
      const other = await trailClient(accountId("staging-web"), "eu-west-1");
      await expect(other.send(new LookupEventsCommand({ MaxResults: 1 }))).resolves.toBeDefined();
    } finally {
      sim.setRateLimits(false);
    }
  });
});
