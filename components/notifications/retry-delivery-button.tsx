"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { RotateCw } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Button } from "@/components/ui/button";
import type { TDeliveryStatus, TNotifyChannel } from "@/server/notifications/notifications.types";
import { retryDeliveryNow } from "./notifications-api";
import { useRetryAnnouncer } from "./retry-announcer";

type Result = { outcome: "sent" | "retried" | "failed" | "error"; text: string };

/**
 * "Retry now": the server sends the delivery in the request; the page then reloads its data. Stays
 * mounted when the delivery turns "sent" so its result stays on screen; the outcome is also announced in
 * the page's RetryAnnouncer. `blockedReason`: why it cannot be retried now (shown as text, button disabled).
 * Test hooks: delivery-retry, delivery-retry-result (data-outcome), delivery-retry-blocked.
 */
export function RetryDeliveryButton({
  id,
  channel,
  status,
  subject,
  blockedReason,
}: {
  id: string;
  channel: TNotifyChannel;
  status: TDeliveryStatus;
  subject: string;
  blockedReason: string | null;
}) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const errorMessage = useApiErrorMessage();
  const announce = useRetryAnnouncer();
  const reasonId = useId();
  const [refreshing, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);
  const channelName = t(`channel.${channel}`);

  const finish = (next: Result) => {
    setResult(next);
    announce({ ok: next.outcome === "sent", text: t("retry.announcement", { channel: channelName, subject, result: next.text }) });
    startTransition(() => router.refresh());
  };
  const mutation = useMutation({
    mutationFn: () => retryDeliveryNow(id),
    onMutate: () => setResult(null),
    onSuccess: ({ outcome, delivery }) => finish({ outcome, text: outcome === "sent" ? t("retry.sent") : `${t(`retry.${outcome}`)} ${delivery.lastError ?? ""}`.trim() }),
    onError: (error) => finish({ outcome: "error", text: errorMessage(error) }),
  });
  const busy = mutation.isPending || refreshing;
  const showButton = status !== "sent";
  if (!showButton && !result) return null;

  return (
    <span className="flex flex-col items-start gap-1">
      {showButton ? (
        <Button
          size="sm"
          variant="secondary"
          data-testid="delivery-retry"
          aria-label={t("retry.label", { channel: channelName })}
          aria-describedby={blockedReason && !busy ? reasonId : undefined}
          onClick={() => mutation.mutate()}
          disabled={busy || blockedReason !== null}
          aria-busy={busy || undefined}
        >
          <RotateCw aria-hidden="true" className={mutation.isPending ? "size-4 motion-safe:animate-spin" : "size-4"} />
          {mutation.isPending ? t("retry.pending") : t("retry.button")}
        </Button>
      ) : null}
      {blockedReason && showButton && !busy ? (
        <span id={reasonId} className="text-xs text-muted-foreground" data-testid="delivery-retry-blocked">
          {blockedReason}
        </span>
      ) : null}
      {/* Visible here; announced once, by the page's RetryAnnouncer. */}
      {result ? (
        <span
          data-testid="delivery-retry-result"
          data-outcome={result.outcome}
          className={result.outcome === "sent" ? "text-xs text-success" : "text-xs text-danger dark:text-red-300"}
        >
          {result.text}
        </span>
      ) : null}
    </span>
  );
}
