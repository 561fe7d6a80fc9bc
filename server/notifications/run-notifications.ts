import "server-only";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { getEnv } from "@/server/env";
import { collectDigest, itemCount, markNotified, renderDigest, type TRenderedDigest } from "./digest";
import { channelsOf, notifyConfigFromEnv, type TChannel, type TNotifyConfig } from "./notify-config";
import { claimNextDue, leaseMsFor, releaseLease, renewLease, type TLease } from "./delivery-lease";
import { sendDigest } from "./send";

// Notifications (issue 7): a digest of what is new since the last one (the watermark in
// notification_cursors), stored with one delivery per channel, then sent with retries and exponential
// backoff. Neither function throws: failures are logged and recorded on the delivery, so the worker
// that schedules them never blocks or crashes.

export type TNotifyOptions = {
  /** the clock (tests); default now */
  now?: Date;
  /** default: from the KANSHI_NOTIFY_* settings */
  config?: TNotifyConfig;
};

export type TDeliverySummary = { sent: number; failed: number; retried: number };
export type TNotifySummary = TDeliverySummary & { digestId: string | null; items: number; error?: string };

const CURSOR_ID = "digest";
/** The first digest looks back this far. */
const FIRST_WINDOW_MS = 24 * 3600_000;
const MAX_BACKOFF_SECONDS = 3600;
/** A call this much before the interval is up still builds the digest (timer jitter). */
const INTERVAL_SLACK_MS = 30_000;
const DIGEST_RETENTION_MS = 90 * 24 * 3600_000;
/** Long enough for a yearly checklist item that stays overdue. */
const NOTIFIED_RETENTION_MS = 400 * 24 * 3600_000;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function configOf(options: TNotifyOptions): TNotifyConfig {
  return options.config ?? notifyConfigFromEnv(getEnv());
}

/**
 * Builds the digest of (watermark, now] (new CRITICAL findings, findings past their SLA, overdue
 * checklist items, each announced once), stores it with a PENDING delivery per configured channel and
 * sends what is due. Nothing is stored or sent when nothing is new, no channel is configured,
 * KANSHI_NOTIFY_INTERVAL_MINUTES is 0 or the last digest's window ended less than an interval ago
 * (so it is safe to call every minute, from every worker process).
 */
export async function runNotifications(options: TNotifyOptions = {}): Promise<TNotifySummary> {
  const none: TNotifySummary = { digestId: null, items: 0, sent: 0, failed: 0, retried: 0 };
  let config: TNotifyConfig;
  try {
    config = configOf(options);
  } catch (error) {
    console.error("[notify] configuration:", describe(error));
    return { ...none, error: describe(error) };
  }
  const channels = channelsOf(config);
  if (channels.length === 0 || config.intervalMinutes === 0) return none;
  const now = options.now ?? new Date();
  let digest: { id: string; items: number } | null = null;
  try {
    digest = await buildDigest(config, channels, now);
  } catch (error) {
    console.error("[notify] could not build the digest:", describe(error));
    return { ...none, error: describe(error) };
  }
  await prune(now).catch((error: unknown) => console.error("[notify] could not remove old digests:", describe(error)));
  const delivered = await retryNotifications({ now, config });
  return { digestId: digest?.id ?? null, items: digest?.items ?? 0, ...delivered };
}

async function buildDigest(config: TNotifyConfig, channels: TChannel[], now: Date): Promise<{ id: string; items: number } | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO notification_cursors (id, until) VALUES (${CURSOR_ID}, ${new Date(now.getTime() - FIRST_WINDOW_MS)}) ON CONFLICT (id) DO NOTHING`;
    // Locked: two processes never build a digest of the same window.
    const [cursor] = await tx.$queryRaw<{ until: Date }[]>`SELECT until FROM notification_cursors WHERE id = ${CURSOR_ID} FOR UPDATE`;
    const since = cursor!.until;
    // One digest per interval, however often this is called and by how many processes.
    if (now.getTime() - since.getTime() < config.intervalMinutes * 60_000 - INTERVAL_SLACK_MS) return null;
    const content = await collectDigest(tx, since, now);
    await tx.notificationCursor.update({ where: { id: CURSOR_ID }, data: { until: now } });
    const items = itemCount(content);
    if (items === 0) return null;
    const rendered = renderDigest(content, { consoleUrl: config.consoleUrl, since, now });
    const digest = await tx.notificationDigest.create({
      data: {
        windowStart: since, windowEnd: now, subject: rendered.subject, text: rendered.text, html: rendered.html, blocks: rendered.blocks as object[], itemCount: items,
        deliveries: { create: channels.map((channel) => ({ channel, nextAttemptAt: now })) },
      },
      select: { id: true },
    });
    await markNotified(tx, digest.id, content);
    return { id: digest.id, items };
  }, { timeout: 120_000, maxWait: 10_000 });
}

async function prune(now: Date): Promise<void> {
  await db.notificationDigest.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DIGEST_RETENTION_MS) }, deliveries: { none: { state: "PENDING" } } } });
  await db.notifiedItem.deleteMany({ where: { notifiedAt: { lt: new Date(now.getTime() - NOTIFIED_RETENTION_MS) } } });
}

/** Sends every due PENDING delivery once (those backing off wait for a later call), one lease at a time. Never throws. */
export async function retryNotifications(options: TNotifyOptions = {}): Promise<TDeliverySummary> {
  const summary: TDeliverySummary = { sent: 0, failed: 0, retried: 0 };
  try {
    const config = configOf(options);
    const now = options.now ?? new Date();
    const leaseMs = leaseMsFor(config.timeoutMs);
    // Claimed one by one, each right before its send: a lease never waits behind other sends.
    const tried: string[] = [];
    for (let lease = await claimNextDue({ now, leaseMs, skip: tried }); lease; lease = await claimNextDue({ now, leaseMs, skip: tried })) {
      tried.push(lease.id);
      try {
        const outcome = await deliver(lease, config, now);
        if (outcome !== "lost") summary[outcome]++;
      } catch (error) {
        // The lease is given back: the next run tries again; the others of this run go on.
        console.error(`[notify] could not send delivery ${lease.id}:`, describe(error));
      }
    }
  } catch (error) {
    console.error("[notify] could not send the pending digests:", describe(error));
  }
  return summary;
}

export type TDeliverOutcome = keyof TDeliverySummary | "lost";

/**
 * One send of a leased delivery and its new state (the admin's "Retry now" uses it too). "lost": the
 * lease was gone right before sending (it expired and another sender took it): nothing was sent. When it
 * throws (the database), the lease is released and the delivery stays as it was.
 */
export async function deliver(lease: TLease, config: TNotifyConfig, now: Date): Promise<TDeliverOutcome> {
  try {
    const digest = await db.notificationDigest.findUniqueOrThrow({ where: { id: lease.digestId }, select: { subject: true, text: true, html: true, blocks: true } });
    if (!(await renewLease(lease, leaseMsFor(config.timeoutMs)))) {
      console.warn(`[notify] ${lease.channel} delivery ${lease.id} not sent: its lease expired and another sender holds it`);
      return "lost";
    }
    const outcome = await sendDigest(lease.channel, config, { ...digest, blocks: digest.blocks as unknown[] } satisfies TRenderedDigest);
    const attempts = lease.attempts + 1;
    let result: keyof TDeliverySummary;
    let data: Prisma.NotificationDeliveryUpdateManyMutationInput;
    if (outcome.ok) {
      result = "sent";
      data = { state: "SENT", attempts, sentAt: now, lastError: null };
    } else if (!outcome.retryable || attempts >= config.maxAttempts) {
      console.error(`[notify] ${lease.channel} digest "${digest.subject}" failed after ${attempts} attempt(s): ${outcome.error}`);
      result = "failed";
      data = { state: "FAILED", attempts, lastError: outcome.error };
    } else {
      const waitSeconds = Math.min(MAX_BACKOFF_SECONDS, config.backoffSeconds * 2 ** (attempts - 1));
      console.warn(`[notify] ${lease.channel} digest not sent (attempt ${attempts} of ${config.maxAttempts}, next in ${waitSeconds} s): ${outcome.error}`);
      result = "retried";
      data = { state: "PENDING", attempts, lastError: outcome.error, nextAttemptAt: new Date(now.getTime() + waitSeconds * 1000) };
    }
    // Written by the lease holder only, and the lease ends with it.
    const written = await db.notificationDelivery.updateMany({ where: { id: lease.id, leaseToken: lease.token }, data: { ...data, leaseToken: null, leasedUntil: null } });
    if (written.count === 0) console.error(`[notify] ${lease.channel} delivery ${lease.id}: the lease ended during the send; its outcome (${result}) was not recorded`);
    return result;
  } catch (error) {
    await releaseLease(lease).catch(() => undefined);
    throw error;
  }
}
