"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { RotateCw } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Button } from "@/components/ui/button";
import type { TNotifyChannel } from "@/server/notifications/notifications.types";
import { retryDeliveryNow } from "./notifications-api";

type Result = { outcome: "sent" | "retried" | "failed" | "error"; text: string };

/** "Retry now": the server sends the delivery in the request; the page then reloads its data. Test hooks: delivery-retry, delivery-retry-result. */
export function RetryDeliveryButton({ id, channel }: { id: string; channel: TNotifyChannel }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const errorMessage = useApiErrorMessage();
  const [refreshing, startTransition] = useTransition();
  const [result, setResult] = useState<Result | null>(null);

  const mutation = useMutation({
    mutationFn: () => retryDeliveryNow(id),
    onMutate: () => setResult(null),
    onSuccess: ({ outcome, delivery }) => {
      setResult({ outcome, text: outcome === "sent" ? t("retry.sent") : `${t(`retry.${outcome}`)} ${delivery.lastError ?? ""}`.trim() });
      startTransition(() => router.refresh());
    },
    onError: (error) => {
      setResult({ outcome: "error", text: errorMessage(error) });
      startTransition(() => router.refresh());
    },
  });
  const busy = mutation.isPending || refreshing;

  return (
    <span className="flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant="secondary"
        data-testid="delivery-retry"
        aria-label={t("retry.label", { channel: t(`channel.${channel}`) })}
        onClick={() => mutation.mutate()}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        <RotateCw aria-hidden="true" className={mutation.isPending ? "size-4 motion-safe:animate-spin" : "size-4"} />
        {mutation.isPending ? t("retry.pending") : t("retry.button")}
      </Button>
      {result ? (
        <span
          role={result.outcome === "sent" ? "status" : "alert"}
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
