"use client";

import { useTranslations } from "next-intl";
import { RotateCcw, RotateCw, SearchX, TriangleExclamationPoint } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

/** Rows of grey bars while the first page loads. Test hook: list-loading. */
export function ListSkeleton() {
  const t = useTranslations("findings.table");
  return (
    <div role="status" aria-live="polite" data-testid="list-loading" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-3">
      <span className="sr-only">{t("loading")}</span>
      <Skeleton className="h-7 w-full" />
      {Array.from({ length: 10 }, (_, index) => (
        <Skeleton key={index} className="h-11 w-full" />
      ))}
    </div>
  );
}

/** Nothing matches: say how to get rows back. Test hooks: empty-state, empty-reset. */
export function ListEmpty({ isDefault, onReset, onWiden }: { isDefault: boolean; onReset: () => void; onWiden: () => void }) {
  const t = useTranslations("findings.empty");
  return (
    <EmptyState
      icon={SearchX}
      title={isDefault ? t("defaultTitle") : t("title")}
      description={isDefault ? t("defaultBody") : t("body")}
      action={
        <div className="flex flex-wrap justify-center gap-2">
          {isDefault ? (
            <Button variant="secondary" onClick={onWiden} data-testid="empty-widen">
              {t("showAll")}
            </Button>
          ) : (
            <Button variant="secondary" onClick={onReset} data-testid="empty-reset">
              <RotateCcw aria-hidden="true" className="size-4" />
              {t("reset")}
            </Button>
          )}
        </div>
      }
    />
  );
}

/** The list could not be loaded: the API's message (e.g. a bad filter value), Try again and Reset filters. Test hooks: list-error, list-retry, list-reset. */
export function ListError({ message, badFilter, onRetry, onReset }: { message: string; badFilter: boolean; onRetry: () => void; onReset: () => void }) {
  const t = useTranslations("findings.error");
  return (
    <div role="alert" data-testid="list-error" className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft p-6">
      <h2 className="flex items-center gap-2 text-lg font-semibold text-danger dark:text-red-300">
        <TriangleExclamationPoint aria-hidden="true" className="size-5" />
        {badFilter ? t("badFilterTitle") : t("title")}
      </h2>
      <p className="max-w-prose text-base" data-testid="list-error-message">
        {message}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onReset} data-testid="list-reset">
          <RotateCcw aria-hidden="true" className="size-4" />
          {t("reset")}
        </Button>
        {badFilter ? null : (
          <Button variant="secondary" onClick={onRetry} data-testid="list-retry">
            <RotateCw aria-hidden="true" className="size-4" />
            {t("retry")}
          </Button>
        )}
      </div>
    </div>
  );
}
