import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TNotifyConfig } from "./notify-config";

// Notification digests against a real local webhook (node:http) and a real SMTP server (smtp-server),
// on a database of their own (the digest covers every finding and checklist in it).

type Mods = {
  db: typeof import("@/server/db").db;
  runNotifications: typeof import("./run-notifications").runNotifications;
  retryNotifications: typeof import("./run-notifications").retryNotifications;
};
let m: Mods;

// Wednesday 2026-11-25 12:00 UTC: a weekly (Monday) checklist's period due 2026-11-23 has ended.
const NOW = new Date("2026-11-25T12:00:00.000Z");
const MIN = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const CONSOLE = "https://kanshi.example.com";
const ACCOUNT = "111122223333";

// ---- the webhook: answers from a script, records what it received ----
type TReply = { status: number; body?: string } | "hang";
let replies: TReply[] = [];
let received: { text: string; blocks: unknown[] }[] = [];
let webhookUrl = "";
const webhook = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push(JSON.parse(body) as { text: string; blocks: unknown[] });
    const reply = replies.shift() ?? { status: 200, body: "ok" };
    if (reply === "hang") return;
    res.writeHead(reply.status, { "content-type": "text/plain" }).end(reply.body ?? "");
  });
});

function config(overrides: Partial<TNotifyConfig> = {}): TNotifyConfig {
  return { webhookUrl, email: null, consoleUrl: CONSOLE, intervalMinutes: 60, maxAttempts: 5, backoffSeconds: 60, timeoutMs: 5000, ...overrides };
}

let seq = 0;
async function finding(data: { severity: "CRITICAL" | "HIGH" | "MEDIUM"; title: string; createdAt: Date; firstObservedAt?: Date; dueAt?: Date; workflowStatus?: "NEW" | "RESOLVED" | "SUPPRESSED" }) {
  seq++;
  return m.db.finding.create({
    data: {
      source: "SECURITY_HUB", externalId: `arn:test:finding/${seq}`, awsAccountId: ACCOUNT, region: "us-east-1", raw: {},
      awsCreatedAt: data.createdAt, awsUpdatedAt: data.createdAt, firstObservedAt: data.firstObservedAt ?? data.createdAt, ...data,
    },
  });
}

async function deliveries() {
  return m.db.notificationDelivery.findMany({ orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_notifications`);
  const [{ db }, run] = await Promise.all([import("@/server/db"), import("./run-notifications")]);
  m = { db, runNotifications: run.runNotifications, retryNotifications: run.retryNotifications };
  webhook.listen(0, "127.0.0.1");
  await once(webhook, "listening");
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/services/T0/B0/secret`;
});

afterAll(async () => {
  webhook.closeAllConnections();
  await new Promise((resolve) => webhook.close(resolve));
  await m?.db.$disconnect();
});

beforeEach(async () => {
  replies = [];
  received = [];
  await m.db.$executeRawUnsafe(`TRUNCATE notification_digests, notification_deliveries, notified_items, notification_cursors, findings, checklists, aws_accounts CASCADE`);
  await m.db.awsAccount.create({ data: { id: ACCOUNT, name: "Production" } });
  // The last digest covered everything up to an hour ago.
  await m.db.notificationCursor.create({ data: { id: "digest", until: at(-60 * MIN) } });
});

afterEach(() => webhook.closeAllConnections());

describe("notification digests (webhook)", () => {
  it("lists new CRITICAL findings and newly overdue items once, and sends nothing when nothing is new", async () => {
    const critical = await finding({ severity: "CRITICAL", title: "Root account has access keys", createdAt: at(-30 * MIN) });
    await finding({ severity: "CRITICAL", title: "Old critical seen before the window", createdAt: at(-3 * 24 * 60 * MIN) });
    await finding({ severity: "CRITICAL", title: "Long-known critical, stored late", createdAt: at(-10 * MIN), firstObservedAt: at(-30 * 24 * 60 * MIN) });
    await finding({ severity: "CRITICAL", title: "Suppressed critical", createdAt: at(-20 * MIN), workflowStatus: "SUPPRESSED" });
    await finding({ severity: "HIGH", title: "New high is not announced", createdAt: at(-20 * MIN) });
    const overdue = await finding({ severity: "HIGH", title: "Security group open to the world", createdAt: at(-40 * 24 * 60 * MIN), dueAt: at(-10 * MIN) });
    await finding({ severity: "HIGH", title: "Resolved before its due date", createdAt: at(-40 * 24 * 60 * MIN), dueAt: at(-10 * MIN), workflowStatus: "RESOLVED" });
    await finding({ severity: "MEDIUM", title: "Medium past its SLA", createdAt: at(-40 * 24 * 60 * MIN), dueAt: at(-10 * MIN) });
    await finding({ severity: "CRITICAL", title: "Overdue for days already", createdAt: at(-40 * 24 * 60 * MIN), dueAt: at(-5 * 24 * 60 * MIN) });
    await m.db.checklist.create({
      data: {
        name: "Weekly review", schedule: { cadence: { kind: "weekly", weekday: 1 }, timeZone: "UTC" },
        items: { create: [{ title: "Review IAM access analyzer", position: 0, createdAt: new Date("2026-11-01T00:00:00Z") }] },
      },
    });

    const first = await m.runNotifications({ now: NOW, config: config() });
    expect(first).toMatchObject({ items: 3, sent: 1, failed: 0, retried: 0 });
    expect(received).toHaveLength(1);
    const { text, blocks } = received[0]!;
    expect(text).toMatch(/^\[Kanshi\] 1 new CRITICAL finding, 1 finding past its SLA, 1 overdue checklist item/);
    expect(text).toContain("[CRITICAL] Root account has access keys");
    expect(text).toContain(`${CONSOLE}/findings/${critical.id}`);
    expect(text).toContain("account 111122223333 (Production)");
    expect(text).toContain(`${CONSOLE}/findings/${overdue.id}`);
    expect(text).toContain("Weekly review: Review IAM access analyzer");
    expect(text).toContain(`${CONSOLE}/findings?severity=CRITICAL,HIGH&sla=overdue`);
    for (const absent of ["Old critical", "stored late", "Suppressed", "New high", "Resolved before", "Medium past", "Overdue for days"]) expect(text).not.toContain(absent);
    const sectionText = JSON.stringify(blocks);
    expect(blocks[0]).toMatchObject({ type: "header" });
    expect(sectionText).toContain(`<${CONSOLE}/findings/${critical.id}|[CRITICAL] Root account has access keys>`);
    expect(await deliveries()).toMatchObject([{ channel: "webhook", state: "SENT", attempts: 1, lastError: null }]);

    // Before the interval is up no digest is built, even with something new.
    const early = await finding({ severity: "CRITICAL", title: "Early bird", createdAt: at(5 * MIN) });
    expect(await m.runNotifications({ now: at(10 * MIN), config: config() })).toMatchObject({ digestId: null, items: 0 });
    await m.db.finding.update({ where: { id: early.id }, data: { workflowStatus: "RESOLVED" } });
    expect(received).toHaveLength(1);

    // An hour later nothing is new: no digest, no request; the checklist item is still overdue but announced.
    expect(await m.runNotifications({ now: at(60 * MIN), config: config() })).toMatchObject({ digestId: null, items: 0, sent: 0 });
    expect(received).toHaveLength(1);

    // A new critical arrives: the next digest has it alone.
    const next = await finding({ severity: "CRITICAL", title: "Public S3 bucket with secrets", createdAt: at(90 * MIN) });
    expect(await m.runNotifications({ now: at(120 * MIN), config: config() })).toMatchObject({ items: 1, sent: 1 });
    expect(received).toHaveLength(2);
    expect(received[1]!.text).toMatch(/^\[Kanshi\] 1 new CRITICAL finding\n/);
    expect(received[1]!.text).toContain(`${CONSOLE}/findings/${next.id}`);
    expect(received[1]!.text).not.toContain("Root account");
    expect(received[1]!.text).not.toContain("IAM access analyzer");
    expect(await m.db.notifiedItem.count()).toBe(4);
  });

  it("retries a 500 with backoff and marks the delivery SENT when it goes through", async () => {
    await finding({ severity: "CRITICAL", title: "Root login without MFA", createdAt: at(-5 * MIN) });
    replies = [{ status: 500, body: "upstream broke" }];
    expect(await m.runNotifications({ now: NOW, config: config() })).toMatchObject({ items: 1, sent: 0, retried: 1 });
    expect(await deliveries()).toMatchObject([{ state: "PENDING", attempts: 1, lastError: "webhook answered HTTP 500: upstream broke", nextAttemptAt: at(60_000) }]);
    // Not due yet: nothing is sent.
    expect(await m.retryNotifications({ now: at(30_000), config: config() })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(received).toHaveLength(1);
    expect(await m.retryNotifications({ now: at(61_000), config: config() })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(received).toHaveLength(2);
    expect(received[1]!.text).toContain("Root login without MFA");
    expect(await deliveries()).toMatchObject([{ state: "SENT", attempts: 2, lastError: null }]);
  });

  it("fails a 400 at once with the webhook's answer, and never sends it again", async () => {
    await finding({ severity: "CRITICAL", title: "Root login without MFA", createdAt: at(-5 * MIN) });
    replies = [{ status: 400, body: "invalid_payload" }];
    expect(await m.runNotifications({ now: NOW, config: config() })).toMatchObject({ items: 1, sent: 0, failed: 1 });
    expect(await deliveries()).toMatchObject([{ state: "FAILED", attempts: 1, lastError: "webhook answered HTTP 400: invalid_payload" }]);
    expect(await m.retryNotifications({ now: at(24 * 60 * MIN), config: config() })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(received).toHaveLength(1);
    // The error never shows the webhook's secret path.
    expect((await deliveries())[0]!.lastError).not.toContain("secret");
  });

  it("gives up on a webhook that does not answer after the timeout, and fails after the last attempt", async () => {
    await finding({ severity: "CRITICAL", title: "Root login without MFA", createdAt: at(-5 * MIN) });
    replies = ["hang", "hang"];
    const quick = config({ timeoutMs: 300, maxAttempts: 2 });
    const started = Date.now();
    expect(await m.runNotifications({ now: NOW, config: quick })).toMatchObject({ items: 1, retried: 1 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await deliveries()).toMatchObject([{ state: "PENDING", attempts: 1, lastError: "webhook did not answer within 300 ms" }]);
    expect(await m.retryNotifications({ now: at(61_000), config: quick })).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await deliveries()).toMatchObject([{ state: "FAILED", attempts: 2 }]);
  });

  it("does not throw when the webhook cannot be reached: the delivery waits for a retry", async () => {
    await finding({ severity: "CRITICAL", title: "Root login without MFA", createdAt: at(-5 * MIN) });
    // A port nobody listens on: the connection is refused.
    const probe = http.createServer().listen(0, "127.0.0.1");
    await once(probe, "listening");
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const closed = config({ webhookUrl: `http://127.0.0.1:${port}/hook` });
    expect(await m.runNotifications({ now: NOW, config: closed })).toMatchObject({ items: 1, retried: 1 });
    expect((await deliveries())[0]!.lastError).toMatch(/^webhook request failed: .*ECONNREFUSED/);
  });

  it("sends nothing and stores nothing without a channel or with the interval at 0", async () => {
    await finding({ severity: "CRITICAL", title: "Root login without MFA", createdAt: at(-5 * MIN) });
    expect(await m.runNotifications({ now: NOW, config: config({ webhookUrl: null }) })).toMatchObject({ digestId: null, items: 0 });
    expect(await m.runNotifications({ now: NOW, config: config({ intervalMinutes: 0 }) })).toMatchObject({ digestId: null, items: 0 });
    expect(await m.db.notificationDigest.count()).toBe(0);
    expect(received).toHaveLength(0);
  });
});

describe("notification digests (SMTP)", () => {
  let smtp: SMTPServer;
  let port = 0;
  const mails: { from: string; to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === "kanshi" && auth.password === "pw") return callback(null, { user: "kanshi" });
        return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      },
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
        stream.on("end", () => {
          mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    port = (smtp.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const emailConfig = (password: string) =>
    config({ webhookUrl: null, email: { smtpUrl: `smtp://kanshi:${password}@127.0.0.1:${port}`, from: "kanshi@example.com", to: ["secops@example.com", "manager@example.com"] } });

  /** Headers unfolded, quoted-printable bodies decoded. */
  const decoded = (raw: string) => raw.replace(/\r\n(?=[ \t])/g, "").replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

  it("mails the digest with the expected subject, the findings and links, in text and HTML", async () => {
    const critical = await finding({ severity: "CRITICAL", title: "Root account has access keys", createdAt: at(-30 * MIN) });
    await finding({ severity: "HIGH", title: "Security group open to the world", createdAt: at(-40 * 24 * 60 * MIN), dueAt: at(-10 * MIN) });
    expect(await m.runNotifications({ now: NOW, config: emailConfig("pw") })).toMatchObject({ items: 2, sent: 1 });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.from).toBe("kanshi@example.com");
    expect(mail.to).toEqual(["secops@example.com", "manager@example.com"]);
    const body = decoded(mail.raw);
    expect(body).toMatch(/^Subject: \[Kanshi\] 1 new CRITICAL finding, 1 finding past its SLA\r$/m);
    expect(body).toContain("text/plain");
    expect(body).toContain("text/html");
    expect(body).toContain("[CRITICAL] Root account has access keys");
    expect(body).toContain("[HIGH] Security group open to the world");
    expect(body).toContain(`<a href="${CONSOLE}/findings/${critical.id}">`);
    expect(await deliveries()).toMatchObject([{ channel: "email", state: "SENT", attempts: 1 }]);
  });

  it("fails at once when the SMTP server refuses the login (535), naming the reason", async () => {
    await finding({ severity: "CRITICAL", title: "Root account has access keys", createdAt: at(-30 * MIN) });
    const before = mails.length;
    expect(await m.runNotifications({ now: NOW, config: emailConfig("wrong") })).toMatchObject({ items: 1, failed: 1 });
    const [delivery] = await deliveries();
    expect(delivery).toMatchObject({ state: "FAILED", attempts: 1 });
    expect(delivery!.lastError).toMatch(/^e-mail not sent: .*Invalid username or password/);
    expect(mails).toHaveLength(before);
  });
});
