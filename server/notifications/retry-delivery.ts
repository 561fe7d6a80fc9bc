import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { AppError } from "@/server/http/app-error";
import { claimDelivery, leaseMsFor } from "./delivery-lease";
import { toDeliveryItem } from "./list-deliveries";
import { CHANNEL_SETTINGS, type TRetryResponse } from "./notifications.types";
import { notifyConfigFromEnv, type TChannel, type TNotifyConfig } from "./notify-config";
import { deliver, type TDeliverOutcome } from "./run-notifications";

// "Retry now" on a failed or pending delivery sends it at once, in the request, so the admin sees the
// outcome without waiting for the next notify run. It takes the delivery's lease first (delivery-lease.ts),
// so no worker and no other admin sends it at the same time. A manual retry is one more attempt: it
// counts, and when it fails the usual rules apply (a retryable error below the attempt limit schedules
// the next attempt; otherwise the delivery stays FAILED). Every attempt is audited, a crashed one too.

const BUSY = "This delivery is being sent right now; reload the page in a minute to see the outcome.";

export function channelNotConfiguredMessage(channel: TChannel): string {
  return `The ${channel} channel is not configured any more: set ${CHANNEL_SETTINGS[channel]} and restart Kanshi before retrying.`;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
    throw new AppError("CONFLICT", channelNotConfiguredMessage(channel));
  }

  const lease = await claimDelivery({ id: before.id, leaseMs: leaseMsFor(config.timeoutMs) });
  if (!lease) {
    const sent = (await db.notificationDelivery.findUnique({ where: { id: before.id }, select: { state: true } }))?.state === "SENT";
    throw new AppError("CONFLICT", sent ? "This delivery was sent meanwhile; there is nothing to retry." : BUSY);
  }

  let outcome: TDeliverOutcome | "error" = "error";
  let failure: string | null = null;
  try {
    outcome = await deliver(lease, config, now);
  } catch (error) {
    failure = describe(error);
    throw error;
  } finally {
    // Audited whatever happened, the outcome included; deliver() released the lease if it threw.
    const after = await db.notificationDelivery.findUnique({ where: { id: before.id } }).catch(() => null);
    await recordAudit({
      actor: options.actor,
      action: "notification.delivery.retry",
      target: { type: "notificationDelivery", id: before.id },
      before: { channel, state: before.state, attempts: before.attempts, lastError: before.lastError },
      after: { outcome, ...(failure !== null ? { error: failure } : {}), ...(after ? { state: after.state, attempts: after.attempts, lastError: after.lastError } : {}) },
      ip: options.ip,
    }).catch((auditError: unknown) => {
      // The send's own error is the one to report; a failing audit after a successful send is.
      if (failure === null) throw auditError;
      console.error("[notify] could not audit the failed retry:", describe(auditError));
    });
  }
  if (outcome === "lost") throw new AppError("CONFLICT", BUSY);
  const after = await db.notificationDelivery.findUniqueOrThrow({ where: { id: before.id } });
  return { outcome, delivery: toDeliveryItem(after) };
}
