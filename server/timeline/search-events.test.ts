import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { bulkPool } from "@/server/db-pool";
import { toErrorResponse } from "@/server/http/to-response";
import { getTimelineEvent } from "./get-event";
import { importTrailFiles } from "./import-trail-files";
import { normalizeRecord } from "./normalize-record";
import { listPartitions } from "./partitions";
import { enforceTrailRetention } from "./retention";
import { eventHistogram, searchEvents } from "./search-events";
import { storeEvents } from "./store-events";
import { parseTimelineQuery } from "./timeline.schema";
import { TIMELINE_PRESET_IDS, type TTimelinePresetId } from "./timeline.types";

// Search, presets, CIDR, paging, detail, import errors and retention over fixture events of an account of this file's own.
const DAY = 86_400_000;
const account = String(100_000_000_000 + Math.floor(Math.random() * 800_000_000_000));
const NOW = Date.now();
let t = NOW - 2 * DAY;

type TFixture = { name: string; source?: string; identity?: Record<string, unknown>; ip?: string; readOnly?: boolean; error?: string; params?: Record<string, unknown>; extra?: Record<string, unknown> };

function record(f: TFixture): Record<string, unknown> {
  t += 60_000;
  return {
    eventVersion: "1.09", eventID: randomUUID(), eventTime: new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z"), eventName: f.name,
    eventSource: f.source ?? "ec2.amazonaws.com", awsRegion: "us-east-1", recipientAccountId: account, sourceIPAddress: f.ip ?? "198.51.100.7",
    userAgent: "aws-cli/2", readOnly: f.readOnly ?? false, requestParameters: f.params ?? null,
    userIdentity: f.identity ?? { type: "IAMUser", arn: `arn:aws:iam::${account}:user/alice`, userName: "alice", accountId: account, accessKeyId: "AKIAALICE00000000001" },
    ...(f.error ? { errorCode: f.error, errorMessage: "denied" } : {}), ...f.extra,
  };
}

async function store(fixtures: TFixture[]): Promise<string[]> {
  const rows = fixtures.map((f) => {
    const n = normalizeRecord(record(f), "file");
    if (!n.ok) throw new Error(n.error);
    return n.row;
  });
  await storeEvents(bulkPool(), rows);
  return rows.map((r) => r.eventId);
}

const query = (params: Record<string, string>) => parseTimelineQuery(new URLSearchParams({ account, from: new Date(NOW - 3 * DAY).toISOString(), to: new Date(NOW).toISOString(), limit: "200", ...params }));
const ids = async (params: Record<string, string>) => (await searchEvents(query(params))).items.map((e) => e.id).sort();

const ROOT = { type: "Root", arn: `arn:aws:iam::${account}:root`, accountId: account, principalId: account };
const PRESET_CASES: Record<TTimelinePresetId, { match: TFixture[]; miss: TFixture[] }> = {
  "root-activity": { match: [{ name: "ListBuckets", source: "s3.amazonaws.com", identity: ROOT }], miss: [{ name: "ListBuckets", source: "s3.amazonaws.com" }] },
  "console-signin-risk": {
    match: [
      { name: "ConsoleLogin", source: "signin.amazonaws.com", extra: { additionalEventData: { MFAUsed: "No" }, responseElements: { ConsoleLogin: "Success" } } },
      { name: "ConsoleLogin", source: "signin.amazonaws.com", error: "Failed authentication", extra: { additionalEventData: { MFAUsed: "Yes" }, responseElements: { ConsoleLogin: "Failure" } } },
    ],
    miss: [{ name: "ConsoleLogin", source: "signin.amazonaws.com", extra: { additionalEventData: { MFAUsed: "Yes" }, responseElements: { ConsoleLogin: "Success" } } }],
  },
  "trail-tampering": {
    match: ["StopLogging", "DeleteTrail", "UpdateTrail"].map((name) => ({ name, source: "cloudtrail.amazonaws.com" })),
    miss: ["StartLogging", "CreateTrail"].map((name) => ({ name, source: "cloudtrail.amazonaws.com" })),
  },
  "security-services-disabled": {
    match: [
      { name: "DisableSecurityHub", source: "securityhub.amazonaws.com" }, { name: "DeleteDetector", source: "guardduty.amazonaws.com" },
      { name: "UpdateDetector", source: "guardduty.amazonaws.com", params: { detectorId: "d1", enable: false } }, { name: "StopConfigurationRecorder", source: "config.amazonaws.com" },
    ],
    miss: [{ name: "UpdateDetector", source: "guardduty.amazonaws.com", params: { detectorId: "d1", enable: true } }, { name: "EnableSecurityHub", source: "securityhub.amazonaws.com" }],
  },
  "iam-credentials": {
    match: ["CreateAccessKey", "CreateUser", "AttachUserPolicy", "PutUserPolicy"].map((name) => ({ name, source: "iam.amazonaws.com" })),
    miss: ["ListAccessKeys", "DeleteUser"].map((name) => ({ name, source: "iam.amazonaws.com" })),
  },
  "open-ingress": {
    match: [
      { name: "AuthorizeSecurityGroupIngress", params: { groupId: "sg-1", ipPermissions: { items: [{ ipProtocol: "tcp", ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] } }] } } },
      { name: "AuthorizeSecurityGroupIngress", params: { groupId: "sg-2", ipPermissions: { items: [{ ipProtocol: "tcp", ipv6Ranges: { items: [{ cidrIpv6: "::/0" }] } }] } } },
    ],
    miss: [{ name: "AuthorizeSecurityGroupIngress", params: { groupId: "sg-3", ipPermissions: { items: [{ ipProtocol: "tcp", ipRanges: { items: [{ cidrIp: "10.0.0.0/8" }] } }] } } }],
  },
  "s3-public-exposure": {
    match: ["PutBucketPolicy", "PutBucketAcl", "DeletePublicAccessBlock"].map((name) => ({ name, source: "s3.amazonaws.com", params: { bucketName: "b1" } })),
    miss: ["GetBucketPolicy", "PutPublicAccessBlock"].map((name) => ({ name, source: "s3.amazonaws.com", params: { bucketName: "b1" } })),
  },
  "kms-key-disable": {
    match: ["ScheduleKeyDeletion", "DisableKey"].map((name) => ({ name, source: "kms.amazonaws.com" })),
    miss: ["EnableKey", "CancelKeyDeletion"].map((name) => ({ name, source: "kms.amazonaws.com" })),
  },
  "leave-organization": {
    match: [{ name: "LeaveOrganization", source: "organizations.amazonaws.com", error: "AccessDenied" }],
    miss: [{ name: "DescribeOrganization", source: "organizations.amazonaws.com" }],
  },
};
const presetIds = new Map<TTimelinePresetId, string[]>();

beforeAll(async () => {
  for (const id of TIMELINE_PRESET_IDS) {
    presetIds.set(id, await store(PRESET_CASES[id].match));
    await store(PRESET_CASES[id].miss);
  }
});

describe("timeline search", () => {
  it.each(TIMELINE_PRESET_IDS)("preset %s matches its events and no others", async (preset) => {
    expect(await ids({ preset })).toEqual([...presetIds.get(preset)!].sort());
  });

  it("filters by source address or CIDR, IPv4 and IPv6", async () => {
    const [a, b, , v6a, v6b] = await store([
      { name: "Probe", ip: "10.1.2.3" }, { name: "Probe", ip: "10.200.0.1" }, { name: "Probe", ip: "192.168.1.5" },
      { name: "Probe", ip: "2001:db8::1" }, { name: "Probe", ip: "2001:db9::1" }, { name: "Probe", ip: "config.amazonaws.com" },
    ]);
    expect(await ids({ eventName: "Probe", sourceIp: "10.0.0.0/8" })).toEqual([a, b].sort());
    expect(await ids({ eventName: "Probe", sourceIp: "10.1.2.3" })).toEqual([a]);
    expect(await ids({ eventName: "Probe", sourceIp: "10.1.2.3/16" })).toEqual([a]);
    expect(await ids({ eventName: "Probe", sourceIp: "2001:db8::/32" })).toEqual([v6a]);
    expect(await ids({ eventName: "Probe", sourceIp: "::/0" })).toEqual([v6a, v6b].sort());
    expect((await ids({ eventName: "Probe", sourceIp: "0.0.0.0/0" })).length).toBe(3);
  });

  it("combines filters and pages newest first with an opaque cursor", async () => {
    const bob = { type: "AssumedRole", arn: `arn:aws:sts::${account}:assumed-role/deployer/bob`, accountId: account, accessKeyId: "ASIABOB0000000000001" };
    const stored = await store([
      ...Array.from({ length: 7 }, () => ({ name: "DescribeThings", identity: bob, readOnly: true })),
      { name: "DeleteThings", identity: bob, error: "AccessDenied" }, { name: "DeleteThings", error: "AccessDenied" },
    ]);
    expect(await ids({ principal: `arn:aws:iam::${account}:role/deployer`, errorsOnly: "true" })).toEqual([stored[7]]);
    expect((await ids({ principal: "ASIABOB0000000000001", readOnly: "true" })).length).toBe(7);
    expect(await ids({ principal: "bob", eventName: "DescribeThings,DeleteThings", readOnly: "false" })).toEqual([stored[7]]);
    expect((await ids({ q: "deletethings" })).length).toBe(2);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchEvents(query({ principal: "bob", limit: "3", ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((e) => e.id));
      for (let n = 1; n < page.items.length; n++) expect(page.items[n]!.time <= page.items[n - 1]!.time).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...stored.slice(0, 8)].sort());
  });

  it("counts events per bucket: the histogram adds up to the search", async () => {
    const h = await eventHistogram(query({}));
    expect(h.bucketMs).toBe(3_600_000);
    expect(h.buckets.length).toBeGreaterThanOrEqual(72);
    expect(h.total).toBe((await searchEvents(query({}))).items.length);
    expect(h.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(h.total);
  });

  it("counts the unfiltered histogram from the hourly totals and the partial hours at its edges", async () => {
    // this file's fixtures are alone in these minutes: range edges inside hours on purpose
    const from = new Date(NOW - 3 * DAY - 17 * 60_000).toISOString();
    const to = new Date(NOW - 7 * 60_000).toISOString();
    const q = parseTimelineQuery(new URLSearchParams({ from, to }));
    const h = await eventHistogram(q);
    expect(h.bucketMs % 3_600_000).toBe(0);
    const { rows } = await bulkPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM cloudtrail_events WHERE event_time >= $1::timestamp AND event_time <= $2::timestamp`, [from, to]);
    expect(h.total).toBe(rows[0]!.n);
    expect(h.total).toBeGreaterThan(20);
  });

  it("shows an event's raw record and the findings on its resource", async () => {
    await db.awsAccount.upsert({ where: { id: account }, create: { id: account, name: "search-test" }, update: {} });
    const bucketArn = `arn:aws:s3:::bucket-${account}`;
    const finding = await db.finding.create({ data: {
      source: "SECURITY_HUB", externalId: `f-${randomUUID()}`, awsAccountId: account, region: "us-east-1", title: "S3 bucket is public", severity: "HIGH",
      resourceType: "AwsS3Bucket", resourceId: bucketArn, awsCreatedAt: new Date(), awsUpdatedAt: new Date(), raw: {},
    } });
    const [id] = await store([{ name: "PutBucketPolicy", source: "s3.amazonaws.com", params: { bucketName: `bucket-${account}` } }]);
    const detail = await getTimelineEvent(id!);
    expect(detail.raw).toMatchObject({ eventID: id, eventName: "PutBucketPolicy" });
    expect(detail.resources).toContain(bucketArn);
    expect(detail.findings.map((f) => f.id)).toEqual([finding.id]);
    expect(await ids({ resource: bucketArn })).toEqual([id]);
    await expect(getTimelineEvent(randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    [{ sourceIp: "10.0.0.300" }, "sourceIp"], [{ sourceIp: "10.0.0.0/33" }, "sourceIp"], [{ preset: "nope" }, "preset"], [{ colour: "red" }, "colour"],
    [{ from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" }, "from"], [{ account: "123" }, "account"], [{ readOnly: "yes" }, "readOnly"],
    [{ from: "2024-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "from"], [{ limit: "5000" }, "limit"],
  ])("answers 400 naming the bad parameter %j", async (params, name) => {
    let error: unknown;
    try {
      parseTimelineQuery(new URLSearchParams(params));
    } catch (e) {
      error = e;
    }
    const response = toErrorResponse(error);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(name);
  });
});

describe("trail file import and retention", () => {
  it("imports good files and reports a corrupt one by name", async () => {
    const good = [record({ name: "ImportedA" }), record({ name: "ImportedB" })];
    const summary = await importTrailFiles([
      { name: "good.json.gz", read: async () => gzipSync(JSON.stringify({ Records: good })) },
      { name: "broken.json.gz", read: async () => Buffer.concat([gzipSync("{}").subarray(0, 8), Buffer.from("garbage")]) },
      { name: "not-a-trail.json", read: async () => Buffer.from('{"items":[]}') },
      { name: "partly-bad.json", read: async () => Buffer.from(JSON.stringify({ Records: [record({ name: "ImportedC" }), { eventID: "x" }] })) },
    ]);
    expect(summary.files.map((f) => [f.file, f.ok])).toEqual([["good.json.gz", true], ["broken.json.gz", false], ["not-a-trail.json", false], ["partly-bad.json", true]]);
    expect(summary.files[1]!.error).toMatch(/gzip/);
    expect(summary.files[2]!.error).toMatch(/Records/);
    expect(summary.files[3]).toMatchObject({ inserted: 1, invalid: 1 });
    expect(summary).toMatchObject({ inserted: 3, failedFiles: 2 });
    expect((await ids({ eventName: "ImportedA,ImportedB,ImportedC" })).length).toBe(3);
  });

  it("drops whole months past the retention and trims the boundary month", async () => {
    const old = (days: number) => record({ name: "Ancient", extra: { eventTime: new Date(NOW - days * DAY).toISOString() } });
    const rows = [old(520), old(402), old(398), old(30)].map((r) => (normalizeRecord(r, "file") as { ok: true; row: Parameters<typeof storeEvents>[1][number] }).row);
    await storeEvents(bulkPool(), rows);
    const oldMonth = new Date(NOW - 520 * DAY).toISOString().slice(0, 7);
    expect((await listPartitions(bulkPool())).map((p) => p.month)).toContain(oldMonth);
    const result = await enforceTrailRetention({ now: NOW, retentionDays: 400 });
    expect(result.droppedPartitions).toContain(oldMonth);
    expect((await listPartitions(bulkPool())).map((p) => p.month)).not.toContain(oldMonth);
    const { rows: left } = await bulkPool().query<{ id: string }>(`SELECT event_id::text AS id FROM cloudtrail_events WHERE account_id = $1 AND event_name = 'Ancient'`, [account]);
    expect(left.map((r) => r.id).sort()).toEqual([rows[2]!.eventId, rows[3]!.eventId].sort());
    // the coming months exist before any event arrives
    expect(result.createdAhead.length).toBeGreaterThanOrEqual(3);
  });
});
