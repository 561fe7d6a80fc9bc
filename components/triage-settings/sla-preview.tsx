"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import type { TSlaPolicyResponse } from "@/server/findings/triage-settings.types";

/** "With these days, N open findings are overdue": the effect of unsaved days, announced politely. */
export function SlaPreview({ query, pending }: { query: UseQueryResult<TSlaPolicyResponse>; pending: boolean }) {
  const t = useTranslations("triageSettings.sla.preview");
  const errorMessage = useApiErrorMessage();
  const preview = query.data?.preview;
  let text: string;
  if (query.isError) text = t("error", { message: errorMessage(query.error) });
  else if (pending || query.isFetching || !preview) text = t("loading");
  else {
    const delta = preview.overdueAfter - preview.overdueNow;
    const change = delta > 0 ? t("more", { count: delta }) : delta < 0 ? t("fewer", { count: -delta }) : t("same");
    text = `${t("overdue", { after: preview.overdueAfter, now: preview.overdueNow })} ${change}`;
  }
  return (
    <p role="status" aria-live="polite" data-testid="sla-preview" className="rounded-md border border-border bg-muted px-3 py-2 text-sm">
      {text}
    </p>
  );
}
