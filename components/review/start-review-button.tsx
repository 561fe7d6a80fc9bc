"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { startReview } from "./reviews-api";

/** Starts a review (its agenda is built on the server) and opens it. */
export function StartReviewButton() {
  const t = useTranslations("review");
  const router = useRouter();
  const errorMessage = useApiErrorMessage();
  const start = useMutation({ mutationFn: startReview, onSuccess: (review) => router.push(`/review/${review.id}`) });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button onClick={() => start.mutate()} disabled={start.isPending || start.isSuccess} data-testid="review-start" title={t("startHint")}>
        {start.isPending || start.isSuccess ? t("starting") : t("start")}
      </Button>
      {start.isError ? <Alert tone="danger">{errorMessage(start.error)}</Alert> : null}
    </div>
  );
}
