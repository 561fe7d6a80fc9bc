import "server-only";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { isLeased } from "./delivery-lease";
import type { TChannel, TNotifyConfig } from "./notify-config";
import type { TDeliveryListItem, TDeliveryStatus, TDigestPage, TNotifySettings } from "./notifications.types";

// The admin's view of notifications: the settings without their secrets, and the recent digests with
// each channel's delivery, newest first.

/** A send failed and another attempt is scheduled, or it was given up: what "failed only" shows. */
const PROBLEM: Prisma.NotificationDeliveryWhereInput = { OR: [{ state: "FAILED" }, { state: "PENDING", attempts: { gt: 0 } }] };

export function deliveryStatus(delivery: { state: string; attempts: number }): TDeliveryStatus {
  if (delivery.state === "SENT") return "sent";
  if (delivery.state === "FAILED") return "failed";
  return delivery.attempts > 0 ? "retrying" : "pending";
}

type TDeliveryRow = { id: string; channel: string; state: string; attempts: number; nextAttemptAt: Date; lastError: string | null; sentAt: Date | null; updatedAt: Date; leasedUntil: Date | null };

export function toDeliveryItem(row: TDeliveryRow, now = new Date()): TDeliveryListItem {
  const status = deliveryStatus(row);
  return {
    id: row.id,
    channel: row.channel as TChannel,
    status,
    attempts: row.attempts,
    nextAttemptAt: status === "pending" || status === "retrying" ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    sending: status !== "sent" && isLeased(row, now),
  };
}

function parseCursor(cursor: string | undefined): { windowEnd: Date; id: string } | null {
  const match = cursor ? /^(\d{1,15})\.(.+)$/.exec(cursor) : null;
  return match ? { windowEnd: new Date(Number(match[1])), id: match[2]! } : null;
}

/** Newest first, keyset-paginated on (windowEnd, id); `failedOnly` keeps digests with a failed or retrying delivery. */
export async function listDigests(options: { cursor?: string; limit: number; failedOnly?: boolean }): Promise<TDigestPage> {
  const after = parseCursor(options.cursor);
  const where: Prisma.NotificationDigestWhereInput = {
    ...(options.failedOnly ? { deliveries: { some: PROBLEM } } : {}),
    ...(after ? { OR: [{ windowEnd: { lt: after.windowEnd } }, { windowEnd: after.windowEnd, id: { lt: after.id } }] } : {}),
  };
  const [rows, failed, retrying] = await Promise.all([
    db.notificationDigest.findMany({
      where,
      orderBy: [{ windowEnd: "desc" }, { id: "desc" }],
      take: options.limit + 1,
      select: {
        id: true, windowStart: true, windowEnd: true, subject: true, itemCount: true, createdAt: true,
        deliveries: { orderBy: { channel: "desc" }, select: { id: true, channel: true, state: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, updatedAt: true, leasedUntil: true } },
      },
    }),
    db.notificationDelivery.count({ where: { state: "FAILED" } }),
    db.notificationDelivery.count({ where: { state: "PENDING", attempts: { gt: 0 } } }),
  ]);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((d) => ({
      id: d.id,
      windowStart: d.windowStart.toISOString(),
      windowEnd: d.windowEnd.toISOString(),
      subject: d.subject,
      itemCount: d.itemCount,
      createdAt: d.createdAt.toISOString(),
      deliveries: d.deliveries.map((delivery) => toDeliveryItem(delivery)),
    })),
    nextCursor: rows.length > options.limit && last ? `${last.windowEnd.getTime()}.${last.id}` : null,
    counts: { failed, retrying },
  };
}

/** What is configured, without the secrets: the webhook URL's path and the SMTP credentials never leave the server. */
export function describeNotifySettings(config: TNotifyConfig): TNotifySettings {
  let email: TNotifySettings["email"] = null;
  if (config.email) {
    const url = new URL(config.email.smtpUrl);
    email = { host: url.hostname, port: url.port ? Number(url.port) : null, secure: url.protocol === "smtps:", from: config.email.from, to: config.email.to };
  }
  return {
    webhook: config.webhookUrl ? { host: new URL(config.webhookUrl).host } : null,
    email,
    intervalMinutes: config.intervalMinutes,
    maxAttempts: config.maxAttempts,
  };
}
