import { useFormatter, useTranslations } from "next-intl";
import { DateTime } from "@/components/ui/date-time";
import { CHANNEL_SETTINGS, type TDeliveryListItem, type TDigestListItem, type TNotifyChannel } from "@/server/notifications/notifications.types";
import { DeliveryStatusBadge } from "./delivery-status-badge";
import { RetryDeliveryButton } from "./retry-delivery-button";

const th = "px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase";
const td = "px-4 py-3 align-top";

function Delivery({ delivery, subject, now, configured }: { delivery: TDeliveryListItem; subject: string; now: string; configured: boolean }) {
  const t = useTranslations("notifications");
  // The same reasons the API would answer 409 with, shown before anyone clicks.
  const blockedReason = !configured
    ? t("retry.notConfigured", { channel: t(`channel.${delivery.channel}`), settings: CHANNEL_SETTINGS[delivery.channel] })
    : delivery.sending
      ? t("retry.sending")
      : null;
  return (
    <li
      className="flex flex-col gap-1 border-b border-border pb-2 last:border-b-0 last:pb-0"
      data-testid="delivery"
      data-channel={delivery.channel}
      data-status={delivery.status}
      data-sending={delivery.sending || undefined}
    >
      <span className="flex flex-wrap items-center gap-2">
        <span className="w-16 font-medium">{t(`channel.${delivery.channel}`)}</span>
        <DeliveryStatusBadge status={delivery.status} />
        <span className="text-xs text-muted-foreground" data-testid="delivery-attempts">
          {delivery.status === "failed" ? t("delivery.failedAfter", { count: delivery.attempts }) : t("delivery.attempts", { count: delivery.attempts })}
        </span>
        {delivery.nextAttemptAt ? (
          <span className="text-xs text-muted-foreground">
            {t("delivery.nextAttempt")} <DateTime value={delivery.nextAttemptAt} now={now} variant="relative" />
          </span>
        ) : null}
        {delivery.sentAt ? (
          <span className="text-xs text-muted-foreground">
            {t("delivery.sentAt")} <DateTime value={delivery.sentAt} now={now} variant="relative" />
          </span>
        ) : null}
      </span>
      {delivery.lastError ? (
        <span className="text-xs">
          <span className="sr-only">{t("delivery.lastError")}: </span>
          <code className="font-mono break-all text-danger dark:text-red-300" data-testid="delivery-error" title={t("delivery.lastError")}>
            {delivery.lastError}
          </code>
        </span>
      ) : null}
      <RetryDeliveryButton id={delivery.id} channel={delivery.channel} status={delivery.status} subject={subject} blockedReason={blockedReason} />
    </li>
  );
}

/** One row per digest; the deliveries cell has one line per channel. `channels`: those configured now (the others cannot be retried). */
export function DigestsTable({ digests, now, channels }: { digests: TDigestListItem[]; now: string; channels: TNotifyChannel[] }) {
  const t = useTranslations("notifications.list");
  const format = useFormatter();
  const short = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
      <table className="w-full min-w-[56rem] border-collapse text-sm" data-testid="digests-table">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-muted/60">
          <tr>
            {(["created", "digest", "items", "deliveries"] as const).map((column) => (
              <th key={column} scope="col" className={th}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {digests.map((digest) => (
            <tr key={digest.id} className="border-t border-border" data-testid="digest-row" data-digest-id={digest.id}>
              <td className={td}>
                <DateTime value={digest.createdAt} now={now} />
              </td>
              <td className={td}>
                <span className="flex flex-col gap-0.5">
                  <span className="font-medium">{digest.subject}</span>
                  <span className="text-xs text-muted-foreground">{t("window", { start: short(digest.windowStart), end: short(digest.windowEnd) })}</span>
                </span>
              </td>
              <td className={`${td} tabular-nums`}>{format.number(digest.itemCount)}</td>
              <td className={`${td} w-[28rem]`}>
                <ul className="flex flex-col gap-2">
                  {digest.deliveries.map((delivery) => (
                    <Delivery key={delivery.id} delivery={delivery} subject={digest.subject} now={now} configured={channels.includes(delivery.channel)} />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
