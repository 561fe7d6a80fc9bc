"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { ListChecks, RotateCw, TriangleExclamationPoint } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { summarize, type TChecklist } from "./checklists-api";
import { ChecklistCard } from "./checklist-card";
import { CompleteDialog } from "./complete-dialog";
import { useChecklists } from "./use-checklists";

/** "Now" for relative times: the server's render time first, then the browser clock every minute. */
function useNow(renderedAt: string): string {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The Recurring tab: a summary line, then every checklist with this period's items.
 * Test hooks: recurring-summary (data-overdue, data-due), recurring-loading, recurring-error, recurring-retry,
 * complete-confirmation, plus those of ChecklistCard, ChecklistItem and CompleteDialog.
 */
export function RecurringPanel({ initial, renderedAt, canComplete }: { initial?: TChecklist[]; renderedAt: string; canComplete: boolean }) {
  const t = useTranslations("checklists.recurring");
  const errorMessage = useApiErrorMessage();
  const now = useNow(renderedAt);
  const query = useChecklists(initial, renderedAt);
  const [completing, setCompleting] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);

  if (!query.data && !query.isError) {
    return (
      <div role="status" aria-live="polite" data-testid="recurring-loading" className="flex flex-col gap-4">
        <span className="sr-only">{t("loading")}</span>
        <Skeleton className="h-5 w-64" />
        {Array.from({ length: 3 }, (_, index) => <Skeleton key={index} className="h-48 w-full" />)}
      </div>
    );
  }
  if (!query.data) {
    return (
      <div role="alert" data-testid="recurring-error" className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft p-6">
        <h2 className="flex items-center gap-2 text-lg font-semibold text-danger dark:text-red-300">
          <TriangleExclamationPoint aria-hidden="true" className="size-5" />
          {t("errorTitle")}
        </h2>
        <p className="max-w-prose text-base">{errorMessage(query.error)}</p>
        <Button variant="secondary" onClick={() => void query.refetch()} data-testid="recurring-retry">
          <RotateCw aria-hidden="true" className="size-4" />
          {t("retry")}
        </Button>
      </div>
    );
  }

  const checklists = query.data.items;
  const { overdue, dueThisWeek } = summarize(checklists, now);
  const item = completing ? checklists.flatMap((c) => c.items).find((i) => i.id === completing) ?? null : null;

  return (
    <section aria-labelledby="recurring-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="recurring-heading" className="text-lg font-semibold">{t("title")}</h2>
        <p data-testid="recurring-summary" data-overdue={overdue} data-due={dueThisWeek} className="text-sm">
          <span className={overdue > 0 ? "font-semibold text-danger dark:text-red-300" : undefined}>{t("overdueCount", { count: overdue })}</span>
          {" · "}
          <span className={dueThisWeek > 0 ? "font-semibold text-warning-foreground" : undefined}>{t("dueCount", { count: dueThisWeek })}</span>
        </p>
      </div>
      {!canComplete ? <Alert tone="info" role="note">{t("readOnly")}</Alert> : null}
      {confirmation ? <Alert tone="success" data-testid="complete-confirmation">{confirmation}</Alert> : null}
      {query.isRefetchError ? <Alert tone="danger">{t("refreshError", { message: errorMessage(query.error) })}</Alert> : null}
      {checklists.length === 0 ? (
        <EmptyState icon={ListChecks} title={t("empty.title")} description={t("empty.body")} headingLevel="h3" />
      ) : (
        checklists.map((checklist) => (
          <ChecklistCard
            key={checklist.id}
            checklist={checklist}
            now={now}
            canComplete={canComplete}
            onComplete={(id) => {
              setConfirmation(null);
              setCompleting(id);
            }}
          />
        ))
      )}
      {item ? (
        <CompleteDialog
          key={item.id}
          item={item}
          onClose={() => setCompleting(null)}
          onDone={(message) => {
            setCompleting(null);
            setConfirmation(message);
          }}
        />
      ) : null}
    </section>
  );
}
