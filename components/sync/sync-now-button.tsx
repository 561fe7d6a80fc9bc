"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { RefreshCw } from "lucide-react";
import { isApiError } from "@/components/lib/api-client";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestSyncNow, syncKeys } from "./sync-api";

type Result = { outcome: "queued" | "conflict" | "error"; text: string };

/**
 * POST /api/sync and the answer inline: 202 queued, 409 one is already queued, or the error.
 * Test hooks: sync-now, sync-now-result (data-outcome).
 */
export function SyncNowButton({ onQueued }: { onQueued: () => void }) {
  const t = useTranslations("sync.now");
  const client = useQueryClient();
  const errorMessage = useApiErrorMessage();
  const [result, setResult] = useState<Result | null>(null);

  const mutation = useMutation({
    mutationFn: requestSyncNow,
    onMutate: () => setResult(null),
    onSuccess: ({ jobId }) => {
      setResult({ outcome: "queued", text: t("queued", { jobId }) });
      onQueued();
      void client.invalidateQueries({ queryKey: syncKeys.all });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        setResult({ outcome: "conflict", text: error.message || t("conflict") });
        void client.invalidateQueries({ queryKey: syncKeys.all });
      } else {
        setResult({ outcome: "error", text: errorMessage(error) });
      }
    },
  });

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button data-testid="sync-now" onClick={() => mutation.mutate()} disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
        <RefreshCw aria-hidden="true" className={mutation.isPending ? "size-4 motion-safe:animate-spin" : "size-4"} />
        {mutation.isPending ? t("pending") : t("button")}
      </Button>
      {result ? (
        <Alert
          tone={result.outcome === "queued" ? "success" : result.outcome === "conflict" ? "info" : "danger"}
          data-testid="sync-now-result"
          data-outcome={result.outcome}
          className="max-w-md"
        >
          {result.text}
        </Alert>
      ) : null}
    </div>
  );
}
