"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Send } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TTestResult } from "@/server/notifications/notifications.types";
import { sendTestMessage } from "./notifications-api";

/** "Send test message" and one line per channel with its result. Test hooks: notify-test, notify-test-result (data-channel, data-ok), notify-test-error. */
export function SendTestButton() {
  const t = useTranslations("notifications");
  const errorMessage = useApiErrorMessage();
  const [results, setResults] = useState<TTestResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: sendTestMessage,
    onMutate: () => {
      setResults(null);
      setError(null);
    },
    onSuccess: (data) => setResults(data.results),
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <div className="flex flex-col items-start gap-2">
      <Button data-testid="notify-test" onClick={() => mutation.mutate()} disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
        <Send aria-hidden="true" className="size-4" />
        {mutation.isPending ? t("test.pending") : t("test.button")}
      </Button>
      {results ? (
        <ul aria-label={t("test.title")} className="flex w-full max-w-xl flex-col gap-2">
          {results.map((r) => (
            <li key={r.channel}>
              <Alert tone={r.ok ? "success" : "danger"} data-testid="notify-test-result" data-channel={r.channel} data-ok={r.ok}>
                <span className="font-semibold">{t(`channel.${r.channel}`)}: </span>
                {r.ok ? t("test.ok", { target: r.target, ms: r.durationMs }) : t("test.failed", { target: r.target, error: r.error ?? "" })}
              </Alert>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <Alert tone="danger" data-testid="notify-test-error" className="max-w-xl">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
