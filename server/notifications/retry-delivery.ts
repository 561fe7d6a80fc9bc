import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { AppError } from "@/server/http/app-error";
import { toDeliveryItem } from "./list-deliveries";
import type { TRetryResponse } from "./notifications.types";
import { notifyConfigFromEnv, type TChannel, type TNotifyConfig } from "./notify-config";
import { deliver, LEASE_MS, type TClaimed } from "./run-notifications";

// "Retry now" on a failed or pending delivery sends it at once, in the request, so the admin sees the
// outcome without waiting for the next notify run. The delivery is claimed the same way the worker
// claims it (a lease on nextAttemptAt), so the worker does not send it at the same time. A manual
// retry is one more attempt: it counts, and when it fails the usual rules apply (a retryable error
// below the attempt limit schedules the next attempt; otherwise the delivery stays FAILED).

const ENV_OF: Record<TChannel, string> = {
  webhook: "KANSHI_NOTIFY_WEBHOOK_URL",
  email: "KANSHI_NOTIFY_SMTP_URL, KANSHI_NOTIFY_EMAIL_FROM and KANSHI_NOTIFY_EMAIL_TO",
};

export async function retryDelivery(options: {
  deliveryId: string;
  actor: TSessionUser;
  ip?: string | null;
  /** default: from the KANSHI_NOTIFY_* settings */
  config?: TNotifyConfig;
  /** the clock (tests); default now */
  now?: Date;
}): Promise<TRetryResponse> {
  const config = options.config ?? notifyConfigFromEnv(getEnv());
  const now = options.now ?? new Date();
  const before = await db.notificationDelivery.findUnique({ where: { id: options.deliveryId } });
  if (!before) throw new AppError("NOT_FOUND", `No notification delivery with id ${options.deliveryId}; it may have been removed after 90 days.`);
  if (before.state === "SENT") throw new AppError("CONFLICT", "This delivery was already sent; there is nothing to retry.");
  const channel = before.channel as TChannel;
  if ((channel === "webhook" && !config.webhookUrl) || (channel === "email" && !config.email)) {
    throw new AppError("CONFLICT", `The ${channel} channel is not configured any more: set ${ENV_OF[channel]} and restart Kanshi before retrying.`);
  }

  // A PENDING row whose nextAttemptAt is exactly one lease after its last update is being sent by a worker right now.
  const leaseSeconds = LEASE_MS / 1000;
  const [claimed] = await db.$queryRaw<TClaimed[]>`
    UPDATE notification_deliveries SET state = 'PENDING', "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}, "updatedAt" = ${now}
    WHERE id = ${options.deliveryId} AND state <> 'SENT'
      AND NOT (state = 'PENDING' AND "nextAttemptAt" > ${now} AND "nextAttemptAt" - "updatedAt" = make_interval(secs => ${leaseSeconds}::int))
    RETURNING id, "digestId", channel, attempts`;
  if (!claimed) throw new AppError("CONFLICT", "This delivery is being sent right now; reload the page in a minute to see the outcome.");

  const outcome = await deliver(claimed, config, now);
  const after = await db.notificationDelivery.findUniqueOrThrow({ where: { id: claimed.id } });
  await recordAudit({
    actor: options.actor,
    action: "notification.delivery.retry",
    target: { type: "notificationDelivery", id: claimed.id },
    before: { channel, state: before.state, attempts: before.attempts, lastError: before.lastError },
    after: { state: after.state, attempts: after.attempts, lastError: after.lastError },
    ip: options.ip,
  });
  return { outcome, delivery: toDeliveryItem(after) };
}
