"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { RotateCw, TriangleExclamationPoint } from "lucide-react";
import { Button } from "@/components/ui/button";

export interface SegmentErrorProps {
  error: unknown;
  /** Re-fetches the segment from the server and renders it again (Next ≥ 16.3). */
  retry?: () => void;
  /** Only clears the boundary; used when `retry` is not provided. */
  reset?: () => void;
}

/** Body of every error.tsx: what happened, a reference for the admin, and "Try again". */
export function SegmentError({ error, retry, reset }: SegmentErrorProps) {
  const t = useTranslations();
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div
      role="alert"
      data-testid="segment-error"
      className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft p-6"
    >
      <h2 className="flex items-center gap-2 text-lg font-semibold text-danger dark:text-red-300">
        <TriangleExclamationPoint aria-hidden="true" className="size-5" />
        {t("errors.segmentTitle")}
      </h2>
      <p className="max-w-prose text-base">{t("errors.segmentBody")}</p>
      {digest ? (
        <p className="font-mono text-xs text-muted-foreground">{t("errors.reference", { digest })}</p>
      ) : null}
      <Button variant="secondary" onClick={() => (retry ?? reset)?.()} data-testid="error-retry">
        <RotateCw aria-hidden="true" className="size-4" />
        {t("common.tryAgain")}
      </Button>
    </div>
  );
}
