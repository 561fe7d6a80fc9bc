import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/server/auth/roles.types";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TNotifyConfig } from "./notify-config";

// At most one sender per delivery: worker runs and "Retry now" racing for the same deliveries against a
// real slow local webhook (node:http), on a database of their own. Counted: the requests the webhook got.

type Mods = {
  db: typeof import("@/server/db").db;
  run: typeof import("./run-notifications");
  lease: typeof import("./delivery-lease");
  retryDelivery: typeof import("./retry-delivery").retryDelivery;
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;
let actor: TSessionUser;

const MIN = 60_000;

// ---- the webhook: answers after `delayMs`, records each request's text; `arrived` wakes a waiting test ----
let delayMs = 0;
let received: string[] = [];
let waiters: (() => void)[] = [];
let webhookUrl = "";
const webhook = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push((JSON.parse(body) as { text: string }).text);
    for (const wake of waiters.splice(0)) wake();
    setTimeout(() => res.writeHead(200, { "content-type": "text/plain" }).end("ok"), delayMs);
  });
});
const nextRequest = () => new Promise<void>((resolve) => waiters.push(resolve));

function config(overrides: Partial<TNotifyConfig> = {}): TNotifyConfig {
  return { webhookUrl, email: null, consoleUrl: "https://kanshi.example.com", intervalMinutes: 60, maxAttempts: 5, backoffSeconds: 60, timeoutMs: 5000, ...overrides };
}

/** A stored digest with one PENDING webhook delivery, due `dueAgoMs` ago. */
async function pendingDelivery(text: string, dueAgoMs = MIN): Promise<string> {
  const digest = await m.db.notificationDigest.create({
    data: {
      windowStart: new Date(Date.now() - 60 * MIN), windowEnd: new Date(), subject: `[Kanshi] ${text}`, text, html: "", blocks: [], itemCount: 1,
      deliveries: { create: [{ channel: "webhook", nextAttemptAt: new Date(Date.now() - dueAgoMs) }] },
    },
    include: { deliveries: true },
  });
  return digest.deliveries[0]!.id;
}

const delivery = (id: string) => m.db.notificationDelivery.findUniqueOrThrow({ where: { id } });
const settle = <T,>(promise: Promise<T>) => promise.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_notify_lease`);
  const [{ db }, run, lease, retry, users] = await Promise.all([
    import("@/server/db"),
    import("./run-notifications"),
    import("./delivery-lease"),
    import("./retry-delivery"),
    import("@/prisma/factories/user"),
  ]);
  m = { db, run, lease, retryDelivery: retry.retryDelivery, createTestUser: users.createTestUser };
  webhook.listen(0, "127.0.0.1");
  await once(webhook, "listening");
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  webhook.closeAllConnections();
  await new Promise((resolve) => webhook.close(resolve));
  await m?.db.$disconnect();
});

beforeEach(async () => {
  delayMs = 0;
  received = [];
  waiters = [];
  await m.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS fail_sent ON notification_deliveries`);
  await m.db.$executeRawUnsafe(`TRUNCATE notification_digests, notification_deliveries, audit_log CASCADE`);
  const user = await m.createTestUser({ role: "ADMIN" });
  actor = { id: user.id, email: user.email, name: null, role: "ADMIN", locale: null };
});

afterEach(() => webhook.closeAllConnections());

describe("delivery leases", () => {
  it("a worker run and Retry now at the same time: the webhook gets exactly one request", async () => {
    delayMs = 400;
    const id = await pendingDelivery("raced digest");
    const [worker, retry] = await Promise.all([settle(m.run.retryNotifications({ config: config() })), settle(m.retryDelivery({ deliveryId: id, actor, config: config() }))]);
    expect(received).toEqual(["raced digest"]);
    expect(await delivery(id)).toMatchObject({ state: "SENT", attempts: 1, leaseToken: null, leasedUntil: null });
    // Whoever came second sent nothing: the worker counts no send, or Retry now was refused as busy.
    expect(worker).toMatchObject({ ok: true });
    const workerSent = worker.ok ? worker.value.sent : -1;
    if (retry.ok) {
      expect(retry.value).toMatchObject({ outcome: "sent", delivery: { status: "sent" } });
      expect(workerSent).toBe(0);
    } else {
      expect(retry.error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/being sent right now|sent meanwhile/) });
      expect(workerSent).toBe(1);
    }
  });

  it("two worker runs at the same time send each due delivery once", async () => {
    delayMs = 150;
    const ids = [await pendingDelivery("one", 3 * MIN), await pendingDelivery("two", 2 * MIN), await pendingDelivery("three", MIN)];
    const [a, b] = await Promise.all([m.run.retryNotifications({ config: config() }), m.run.retryNotifications({ config: config() })]);
    expect(received.toSorted()).toEqual(["one", "three", "two"]);
    expect(a.sent + b.sent).toBe(3);
    for (const id of ids) expect(await delivery(id)).toMatchObject({ state: "SENT", attempts: 1, leaseToken: null });
  });

  it("Retry now on a delivery the worker has not reached yet: the worker then leaves it alone", async () => {
    delayMs = 400;
    await pendingDelivery("first in line", 2 * MIN);
    const second = await pendingDelivery("second in line", MIN);
    const arrived = nextRequest();
    const worker = m.run.retryNotifications({ config: config() });
    // The worker is busy with the first delivery; the second is not leased (claims are one at a time).
    await arrived;
    expect((await delivery(second)).leaseToken).toBeNull();
    expect(await m.retryDelivery({ deliveryId: second, actor, config: config() })).toMatchObject({ outcome: "sent" });
    expect(await worker).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(received).toEqual(["first in line", "second in line"]);
  });

  it("refuses Retry now while a lease is held, shows the delivery as being sent, and allows it once the lease expired", async () => {
    const id = await pendingDelivery("leased digest");
    const held = await m.lease.claimDelivery({ id, leaseMs: 5 * MIN });
    expect(held).not.toBeNull();
    const { listDigests } = await import("./list-deliveries");
    expect((await listDigests({ limit: 10 })).items[0]!.deliveries[0]).toMatchObject({ id, sending: true });
    await expect(m.retryDelivery({ deliveryId: id, actor, config: config() })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/being sent right now/) });
    expect(await m.run.retryNotifications({ config: config() })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(received).toEqual([]);
    // The holder died: its lease runs out and the delivery can be sent again.
    await m.db.$executeRaw`UPDATE notification_deliveries SET "leasedUntil" = now() - interval '1 second' WHERE id = ${id}`;
    expect((await listDigests({ limit: 10 })).items[0]!.deliveries[0]).toMatchObject({ sending: false });
    expect(await m.retryDelivery({ deliveryId: id, actor, config: config() })).toMatchObject({ outcome: "sent", delivery: { status: "sent", sending: false } });
    expect(received).toEqual(["leased digest"]);
  });

  it("a sender whose lease expired and was taken over does not send", async () => {
    const id = await pendingDelivery("taken over");
    const stale = await m.lease.claimNextDue({ now: new Date(), leaseMs: 5 * MIN, skip: [] });
    expect(stale?.id).toBe(id);
    await m.db.$executeRaw`UPDATE notification_deliveries SET "leasedUntil" = now() - interval '1 second' WHERE id = ${id}`;
    expect(await m.retryDelivery({ deliveryId: id, actor, config: config() })).toMatchObject({ outcome: "sent" });
    // The first sender wakes up late: its lease is gone, so it sends nothing and records nothing.
    expect(await m.run.deliver(stale!, config(), new Date())).toBe("lost");
    expect(received).toEqual(["taken over"]);
    expect(await delivery(id)).toMatchObject({ state: "SENT", attempts: 1 });
  });

  it("audits a Retry now that throws, with its error, and releases the lease", async () => {
    const id = await pendingDelivery("unlucky digest");
    await m.db.$executeRaw`UPDATE notification_deliveries SET state = 'FAILED', attempts = 1, "lastError" = 'webhook answered HTTP 400' WHERE id = ${id}`;
    // The database refuses to record the outcome (a real PostgreSQL error, raised by a trigger).
    await m.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fail_sent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await m.db.$executeRawUnsafe(`CREATE TRIGGER fail_sent BEFORE UPDATE ON notification_deliveries FOR EACH ROW WHEN (NEW.state = 'SENT') EXECUTE FUNCTION fail_sent()`);
    await expect(m.retryDelivery({ deliveryId: id, actor, config: config() })).rejects.toThrow(/disk full \(test\)/);
    const audits = await m.db.auditLog.findMany({ where: { action: "notification.delivery.retry" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: actor.id,
      targetId: id,
      before: { state: "FAILED", attempts: 1 },
      after: { outcome: "error", error: expect.stringMatching(/disk full \(test\)/), state: "FAILED", attempts: 1 },
    });
    // Not left leased: the next Retry now (once the database is fine) goes through.
    expect(await delivery(id)).toMatchObject({ state: "FAILED", leaseToken: null, leasedUntil: null });
    await m.db.$executeRawUnsafe(`DROP TRIGGER fail_sent ON notification_deliveries`);
    expect(await m.retryDelivery({ deliveryId: id, actor, config: config() })).toMatchObject({ outcome: "sent" });
    expect(await m.db.auditLog.count({ where: { action: "notification.delivery.retry" } })).toBe(2);
  });

  it("a worker run goes on after one delivery throws, and leaves that one unleased for the next run", async () => {
    const broken = await pendingDelivery("broken", 2 * MIN);
    const fine = await pendingDelivery("fine", MIN);
    await m.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fail_sent() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await m.db.$executeRawUnsafe(`CREATE TRIGGER fail_sent BEFORE UPDATE ON notification_deliveries FOR EACH ROW WHEN (NEW.state = 'SENT' AND NEW.id = '${broken}') EXECUTE FUNCTION fail_sent()`);
    expect(await m.run.retryNotifications({ config: config() })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await delivery(fine)).toMatchObject({ state: "SENT" });
    expect(await delivery(broken)).toMatchObject({ state: "PENDING", attempts: 0, leaseToken: null });
  });
});
