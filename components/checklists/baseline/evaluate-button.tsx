"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { LoaderCircle, Play } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { baselineKeys, postEvaluate } from "./baseline-api";

/** "Evaluate now" (ANALYST / ADMIN): runs the evaluation, shows progress and the result, then reloads the matrix. Test hooks: baseline-evaluate, baseline-evaluate-status. */
export function EvaluateButton() {
  const t = useTranslations("checklistsBaseline.evaluate");
  const router = useRouter();
  const client = useQueryClient();
  const [refreshing, startTransition] = useTransition();
  const mutation = useMutation({
    mutationFn: postEvaluate,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: baselineKeys.all });
      startTransition(() => router.refresh());
    },
  });
  const busy = mutation.isPending || refreshing;
  const summary = mutation.data;
  return (
    <div className="flex flex-col items-end gap-2">
      <Button data-testid="baseline-evaluate" onClick={() => mutation.mutate()} disabled={busy} aria-busy={busy}>
        {busy ? <LoaderCircle aria-hidden="true" className="size-4 animate-spin" /> : <Play aria-hidden="true" className="size-4" />}
        {t("button")}
      </Button>
      <div aria-live="polite" data-testid="baseline-evaluate-status" className="text-right text-sm">
        {mutation.isPending ? <span className="text-muted-foreground">{t("running")}</span> : null}
        {mutation.isError ? <Alert tone="danger">{t("failed", { error: mutation.error.message })}</Alert> : null}
        {summary && !mutation.isPending ? (
          summary.ok ? (
            <Alert tone="success">
              {t("done", {
                accounts: summary.accounts, regions: summary.regions, seconds: (summary.durationMs / 1000).toFixed(1),
                pass: summary.totals.PASS, fail: summary.totals.FAIL, unknown: summary.totals.UNKNOWN,
              })}
            </Alert>
          ) : (
            <Alert tone="danger">{t("failed", { error: summary.error ?? "" })}</Alert>
          )
        ) : null}
      </div>
    </div>
  );
}
