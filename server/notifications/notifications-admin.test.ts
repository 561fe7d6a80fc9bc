import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TSessionState } from "@/server/auth/session";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TDigestPage, TRetryResponse, TTestResponse } from "./notifications.types";

// The admin's notifications page API, through the real route handlers, against a real local webhook
// (node:http) and a real SMTP server (smtp-server), configured the way the app is: KANSHI_NOTIFY_* in
// the environment. The session is the only thing stubbed (next-auth's cookies are not under test).

const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));

type Mods = {
  db: typeof import("@/server/db").db;
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
  runNotifications: typeof import("./run-notifications").runNotifications;
  sendTestMessage: typeof import("./send-test").sendTestMessage;
  notifyConfigFromEnv: typeof import("./notify-config").notifyConfigFromEnv;
  getEnv: typeof import("@/server/env").getEnv;
  list: typeof import("@/app/api/notifications/route").GET;
  retry: typeof import("@/app/api/notifications/deliveries/[id]/retry/route").POST;
  test: typeof import("@/app/api/notifications/test/route").POST;
};
let m: Mods;

const MIN = 60_000;
const ACCOUNT = "111122223333";

// ---- the webhook: answers from a script, records what it received ----
let replies: { status: number; body?: string }[] = [];
let received: { text: string }[] = [];
const webhook = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push(JSON.parse(body) as { text: string });
    const reply = replies.shift() ?? { status: 200, body: "ok" };
    res.writeHead(reply.status, { "content-type": "text/plain" }).end(reply.body ?? "");
  });
});

// ---- the SMTP server: accepts kanshi/pw, records the mails ----
const mails: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS"],
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    if (auth.username === "kanshi" && auth.password === "pw") return callback(null, { user: "kanshi" });
    return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
  },
  onData(stream, s, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    stream.on("end", () => {
      mails.push({ to: s.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});
let smtpPort = 0;

async function signIn(role: "ADMIN" | "ANALYST" | "VIEWER") {
  const u = await m.createTestUser({ role });
  session.state = { status: "active", user: { id: u.id, email: u.email, name: null, role, locale: null } };
  return u;
}

const request = (path: string, method = "GET") => new Request(`http://localhost${path}`, { method });
const noParams = { params: Promise.resolve({}) };
async function listPage(query = ""): Promise<TDigestPage> {
  const response = await m.list(request(`/api/notifications${query}`), noParams);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as TDigestPage;
}
const retry = (id: string) => m.retry(request(`/api/notifications/deliveries/${id}/retry`, "POST"), { params: Promise.resolve({ id }) });
const sendTest = () => m.test(request("/api/notifications/test", "POST"), noParams);

let seq = 0;
async function criticalFinding(title: string, createdAt: Date) {
  seq++;
  return m.db.finding.create({
    data: {
      source: "SECURITY_HUB", externalId: `arn:test:admin-finding/${seq}`, awsAccountId: ACCOUNT, region: "us-east-1", raw: {},
      severity: "CRITICAL", title, awsCreatedAt: createdAt, awsUpdatedAt: createdAt, firstObservedAt: createdAt, createdAt,
    },
  });
}

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_notify_admin`);
  webhook.listen(0, "127.0.0.1");
  smtp.listen(0, "127.0.0.1");
  await Promise.all([once(webhook, "listening"), once(smtp.server, "listening")]);
  smtpPort = (smtp.server.address() as AddressInfo).port;
  // Read once by getEnv(), which the routes use: set before the first import.
  process.env.KANSHI_NOTIFY_WEBHOOK_URL = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/services/T0/B0/secret-token`;
  process.env.KANSHI_NOTIFY_SMTP_URL = `smtp://kanshi:pw@127.0.0.1:${smtpPort}`;
  process.env.KANSHI_NOTIFY_EMAIL_FROM = "kanshi@example.com";
  process.env.KANSHI_NOTIFY_EMAIL_TO = "secops@example.com, manager@example.com";
  process.env.KANSHI_NOTIFY_MAX_ATTEMPTS = "2";
  const [{ db }, users, run, test, config, env, listRoute, retryRoute, testRoute] = await Promise.all([
    import("@/server/db"),
    import("@/prisma/factories/user"),
    import("./run-notifications"),
    import("./send-test"),
    import("./notify-config"),
    import("@/server/env"),
    import("@/app/api/notifications/route"),
    import("@/app/api/notifications/deliveries/[id]/retry/route"),
    import("@/app/api/notifications/test/route"),
  ]);
  m = {
    db, createTestUser: users.createTestUser, runNotifications: run.runNotifications, sendTestMessage: test.sendTestMessage,
    notifyConfigFromEnv: config.notifyConfigFromEnv, getEnv: env.getEnv,
    list: listRoute.GET, retry: retryRoute.POST, test: testRoute.POST,
  };
});

afterAll(async () => {
  webhook.closeAllConnections();
  await new Promise((resolve) => webhook.close(resolve));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await m?.db.$disconnect();
});

beforeEach(async () => {
  replies = [];
  received = [];
  mails.length = 0;
  await m.db.$executeRawUnsafe(`TRUNCATE notification_digests, notification_deliveries, notified_items, notification_cursors, findings, aws_accounts, audit_log CASCADE`);
  await m.db.awsAccount.create({ data: { id: ACCOUNT, name: "Production" } });
  await signIn("ADMIN");
});

afterEach(() => webhook.closeAllConnections());

/** A digest through the real pipeline: one new CRITICAL finding, sent to both channels by runNotifications. */
async function digest(title: string, now: Date) {
  await m.db.notificationCursor.upsert({ where: { id: "digest" }, create: { id: "digest", until: new Date(now.getTime() - 60 * MIN) }, update: { until: new Date(now.getTime() - 60 * MIN) } });
  await criticalFinding(title, new Date(now.getTime() - 5 * MIN));
  return m.runNotifications({ now });
}

describe("the deliveries list and Retry now", () => {
  it("shows a failing webhook delivery as failed with its error, and Retry now sends it once the endpoint recovers", async () => {
    const now = new Date();
    replies = [{ status: 400, body: "invalid_payload" }];
    expect(await digest("Root account has access keys", new Date(now.getTime() - 120 * MIN))).toMatchObject({ items: 1, sent: 1, failed: 1 });
    expect(await digest("Public S3 bucket", now)).toMatchObject({ items: 1, sent: 2, failed: 0 });

    const all = await listPage();
    expect(all.items.map((d) => d.subject)).toEqual(["[Kanshi] 1 new CRITICAL finding", "[Kanshi] 1 new CRITICAL finding"]);
    expect(all.items[0]!.deliveries.every((d) => d.status === "sent")).toBe(true);
    expect(all.counts).toEqual({ failed: 1, retrying: 0 });

    const failedOnly = await listPage("?failed=true");
    expect(failedOnly.items).toHaveLength(1);
    const [older] = failedOnly.items;
    expect(older!.id).toBe(all.items[1]!.id);
    const hook = older!.deliveries.find((d) => d.channel === "webhook")!;
    expect(hook).toMatchObject({ status: "failed", attempts: 1, lastError: "webhook answered HTTP 400: invalid_payload", nextAttemptAt: null });
    expect(older!.deliveries.find((d) => d.channel === "email")).toMatchObject({ status: "sent", attempts: 1, lastError: null });

    // The endpoint recovered: Retry now sends it in the request.
    const sentBefore = received.length;
    const response = await retry(hook.id);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TRetryResponse;
    expect(body).toMatchObject({ outcome: "sent", delivery: { id: hook.id, status: "sent", attempts: 2, lastError: null } });
    expect(received).toHaveLength(sentBefore + 1);
    expect(received.at(-1)!.text).toContain("Root account has access keys");
    expect((await listPage("?failed=1")).items).toEqual([]);
    expect(await m.db.auditLog.findMany({ where: { action: "notification.delivery.retry" } })).toMatchObject([
      { targetId: hook.id, before: { state: "FAILED", attempts: 1 }, after: { outcome: "sent", state: "SENT", attempts: 2, lastError: null } },
    ]);

    // Sent is final.
    const again = await retry(hook.id);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "CONFLICT", message: expect.stringMatching(/already sent/) } });
  });

  it("retries a delivery waiting for its next attempt; a failure at the attempt limit leaves it failed", async () => {
    replies = [{ status: 503, body: "busy" }];
    await digest("Root login without MFA", new Date());
    const [item] = (await listPage("?failed=true")).items;
    const hook = item!.deliveries.find((d) => d.channel === "webhook")!;
    expect(hook).toMatchObject({ status: "retrying", attempts: 1, lastError: "webhook answered HTTP 503: busy" });
    expect(new Date(hook.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now());

    replies = [{ status: 500, body: "still broken" }];
    const response = await retry(hook.id);
    expect(response.status).toBe(200);
    // KANSHI_NOTIFY_MAX_ATTEMPTS=2: the second attempt was the last.
    expect(await response.json()).toMatchObject({ outcome: "failed", delivery: { status: "failed", attempts: 2, lastError: "webhook answered HTTP 500: still broken", nextAttemptAt: null } });
  });

  it("pages newest first with a cursor, without gaps or repeats", async () => {
    const base = Date.now() - 10 * 60 * MIN;
    for (let i = 0; i < 5; i++) {
      await m.db.notificationDigest.create({
        data: {
          windowStart: new Date(base + i * 60 * MIN), windowEnd: new Date(base + (i + 1) * 60 * MIN), subject: `digest ${i}`, text: "", html: "", blocks: [], itemCount: 1,
          deliveries: { create: [{ channel: "webhook", state: i === 1 ? "FAILED" : "SENT", attempts: 1 }] },
        },
      });
    }
    const first = await listPage("?limit=2");
    expect(first.items.map((d) => d.subject)).toEqual(["digest 4", "digest 3"]);
    const second = await listPage(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((d) => d.subject)).toEqual(["digest 2", "digest 1"]);
    const third = await listPage(`?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((d) => d.subject)).toEqual(["digest 0"]);
    expect(third.nextCursor).toBeNull();
    expect((await listPage("?failed=true&limit=1")).items.map((d) => d.subject)).toEqual(["digest 1"]);
  });

  it("answers 400 naming a bad parameter, 404 for an unknown delivery", async () => {
    const cases: [string, RegExp][] = [
      ["?limit=0", /^limit: must be at least 1/],
      ["?limit=lots", /^limit: must be a number/],
      ["?cursor=yesterday", /^cursor: must be the nextCursor of a previous page/],
      ["?failed=maybe", /^failed: must be true or false/],
      ["?page=2", /page/],
    ];
    for (const [query, message] of cases) {
      const response = await m.list(request(`/api/notifications${query}`), noParams);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message, query).toMatch(message);
    }
    const bad = await retry("..%2Fetc");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { message: expect.stringMatching(/^id: must be a delivery id/) } });
    const unknown = await retry("cnotthere000000000000000");
    expect(unknown.status).toBe(404);
  });

  it("does not send a delivery a worker is sending right now (its lease), and sends it once the lease ran out", async () => {
    const digest = await m.db.notificationDigest.create({
      data: { windowStart: new Date(Date.now() - 60 * MIN), windowEnd: new Date(), subject: "[Kanshi] leased", text: "leased digest", html: "", blocks: [], itemCount: 1, deliveries: { create: [{ channel: "webhook" }] } },
      include: { deliveries: true },
    });
    const id = digest.deliveries[0]!.id;
    // What a worker's claim writes: a lease token, held until five minutes from now.
    await m.db.$executeRaw`UPDATE notification_deliveries SET "leaseToken" = 'worker-1', "leasedUntil" = now() + interval '5 minutes' WHERE id = ${id}`;
    expect((await listPage()).items[0]!.deliveries[0]).toMatchObject({ id, sending: true });
    const busy = await retry(id);
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ error: { message: expect.stringMatching(/being sent right now/) } });
    expect(received).toHaveLength(0);
    // A lease that ran out (its holder died) is no lease: Retry now sends it.
    await m.db.$executeRaw`UPDATE notification_deliveries SET "leasedUntil" = now() - interval '1 second', attempts = 1 WHERE id = ${id}`;
    expect(await (await retry(id)).json()).toMatchObject({ outcome: "sent", delivery: { status: "sent", attempts: 2, sending: false } });
    expect(received.map((r) => r.text)).toEqual(["leased digest"]);
  });
});

describe("Send test message", () => {
  it("sends to each configured channel and reports each result; a failing channel is a result, not a 500", async () => {
    const ok = await sendTest();
    expect(ok.status).toBe(200);
    const { results } = (await ok.json()) as TTestResponse;
    expect(results).toEqual([
      expect.objectContaining({ channel: "webhook", ok: true, error: null, target: expect.stringMatching(/^127\.0\.0\.1:\d+$/) }),
      expect.objectContaining({ channel: "email", ok: true, error: null, target: `secops@example.com, manager@example.com via 127.0.0.1` }),
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toMatch(/^\[Kanshi\] Test message\n/);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(["secops@example.com", "manager@example.com"]);
    expect(mails[0]!.raw).toMatch(/^Subject: \[Kanshi\] Test message\r$/m);
    // Nothing is stored as a digest: the test is not a notification.
    expect(await m.db.notificationDelivery.count()).toBe(0);
    // The secret parts of the settings never appear in an answer.
    expect(JSON.stringify(results)).not.toMatch(/secret-token|:pw@/);

    replies = [{ status: 500, body: "webhook down" }];
    const failing = await sendTest();
    expect(failing.status).toBe(200);
    expect(((await failing.json()) as TTestResponse).results).toEqual([
      expect.objectContaining({ channel: "webhook", ok: false, error: "webhook answered HTTP 500: webhook down" }),
      expect.objectContaining({ channel: "email", ok: true }),
    ]);
    const audits = await m.db.auditLog.findMany({ where: { action: "notification.test" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[1]!.after).toMatchObject({ results: [{ channel: "webhook", ok: false, error: "webhook answered HTTP 500: webhook down" }, { channel: "email", ok: true }] });
  });

  it("reports a refused SMTP login as the e-mail channel's error, and refuses when nothing is configured", async () => {
    const admin = await signIn("ADMIN");
    const actor = { id: admin.id, email: admin.email, name: null, role: "ADMIN" as const, locale: null };
    const config = m.notifyConfigFromEnv(m.getEnv());
    const wrong = { ...config, webhookUrl: null, email: { ...config.email!, smtpUrl: `smtp://kanshi:wrong@127.0.0.1:${smtpPort}` } };
    const { results } = await m.sendTestMessage({ actor, config: wrong });
    expect(results).toEqual([expect.objectContaining({ channel: "email", ok: false, error: expect.stringMatching(/^e-mail not sent: .*Invalid username or password/) })]);
    await expect(m.sendTestMessage({ actor, config: { ...config, webhookUrl: null, email: null } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/KANSHI_NOTIFY_WEBHOOK_URL/),
    });
  });
});

describe("roles", () => {
  it("gives analysts and viewers 403 and anonymous callers 401 on every notifications route", async () => {
    await digest("Root login without MFA", new Date());
    const [item] = (await listPage()).items;
    const id = item!.deliveries[0]!.id;
    for (const role of ["ANALYST", "VIEWER"] as const) {
      await signIn(role);
      for (const response of [await m.list(request("/api/notifications"), noParams), await retry(id), await sendTest()]) {
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
      }
    }
    session.state = { status: "anonymous" };
    expect((await m.list(request("/api/notifications"), noParams)).status).toBe(401);
    const sends = received.length + mails.length;
    expect((await sendTest()).status).toBe(401);
    expect(received.length + mails.length).toBe(sends);
  });
});
