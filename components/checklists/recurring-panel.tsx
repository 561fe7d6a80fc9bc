"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { ListChecks, Plus, RotateCw, TriangleExclamationPoint } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { summarize, type TChecklist } from "./checklists-api";
import { ChecklistCard } from "./checklist-card";
import { CompleteDialog } from "./complete-dialog";
import { ArchivedChecklists } from "./recurring/archived-checklists";
import { ChecklistEditor } from "./recurring/checklist-editor";
import { ChecklistHistory } from "./recurring/checklist-history";
import { useChecklists } from "./use-checklists";

/** The later of an ISO instant and a millisecond timestamp, as ISO. */
function latest(now: string, updatedAt: number): string {
  return updatedAt > Date.parse(now) ? new Date(updatedAt).toISOString() : now;
}

/** "Now" for relative times: the server's render time first, then the browser clock every minute. */
function useNow(renderedAt: string): string {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What the Recurring tab shows, from the URL: the checklists, or one checklist's history (?checklist=<id>&view=history&page=n). */
export type TRecurringView = { kind: "list" } | { kind: "history"; checklist: string; page: number };

/**
 * The Recurring tab: a summary line, then every checklist with this period's items; New / Edit for analysts;
 * a checklist's history; archived checklists (restore: admins).
 * Test hooks: recurring-summary (data-overdue, data-due), recurring-loading, recurring-error, recurring-retry,
 * complete-confirmation, checklist-new, plus those of ChecklistCard, ChecklistItem, CompleteDialog,
 * ChecklistEditor, ChecklistHistory and ArchivedChecklists.
 */
export function RecurringPanel({ initial, renderedAt, canComplete, canEdit = canComplete, canRestore = false, view = { kind: "list" } }: {
  initial?: TChecklist[];
  renderedAt: string;
  canComplete: boolean;
  canEdit?: boolean;
  canRestore?: boolean;
  view?: TRecurringView;
}) {
  const now = useNow(renderedAt);
  if (view.kind === "history") return <ChecklistHistory id={view.checklist} page={view.page} now={now} />;
  return <RecurringList initial={initial} renderedAt={renderedAt} now={now} canComplete={canComplete} canEdit={canEdit} canRestore={canRestore} />;
}

function RecurringList({ initial, renderedAt, now: clock, canComplete, canEdit, canRestore }: {
  initial?: TChecklist[];
  renderedAt: string;
  now: string;
  canComplete: boolean;
  canEdit: boolean;
  canRestore: boolean;
}) {
  const t = useTranslations("checklists.recurring");
  const errorMessage = useApiErrorMessage();
  const query = useChecklists(initial, renderedAt);
  // Never earlier than the data: a completion made after the page was rendered is not "in 7 seconds".
  const now = latest(clock, query.dataUpdatedAt);
  const [completing, setCompleting] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  // null: closed; "new": a new checklist; else the id of the checklist being edited
  const [editing, setEditing] = useState<string | null>(null);

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
  const edited = editing && editing !== "new" ? checklists.find((c) => c.id === editing) : undefined;

  return (
    <section aria-labelledby="recurring-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="recurring-heading" className="text-lg font-semibold">{t("title")}</h2>
        <p data-testid="recurring-summary" data-overdue={overdue} data-due={dueThisWeek} className="text-sm">
          <span className={overdue > 0 ? "font-semibold text-danger dark:text-red-300" : undefined}>{t("overdueCount", { count: overdue })}</span>
          {" · "}
          <span className={dueThisWeek > 0 ? "font-semibold text-warning-foreground" : undefined}>{t("dueCount", { count: dueThisWeek })}</span>
        </p>
      </div>
      {canEdit ? (
        <Button onClick={() => { setConfirmation(null); setEditing("new"); }} data-testid="checklist-new">
          <Plus aria-hidden="true" className="size-4" />
          {t("new")}
        </Button>
      ) : null}
      </div>
      {!canComplete ? <Alert tone="info" role="note">{t("readOnly")}</Alert> : null}
      {confirmation ? <Alert tone="success" data-testid="complete-confirmation">{confirmation}</Alert> : null}
      {query.isRefetchError ? <Alert tone="danger">{t("refreshError", { message: errorMessage(query.error) })}</Alert> : null}
      {checklists.length === 0 ? (
        <EmptyState icon={ListChecks} title={t("empty.title")} description={canEdit ? t("empty.bodyEditor") : t("empty.body")} headingLevel="h3" />
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
            onEdit={canEdit ? () => { setConfirmation(null); setEditing(checklist.id); } : undefined}
          />
        ))
      )}
      <ArchivedChecklists canRestore={canRestore} onRestored={setConfirmation} />
      {editing && (editing === "new" || edited) ? (
        <ChecklistEditor
          key={editing}
          checklist={edited}
          onClose={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            setConfirmation(message);
          }}
        />
      ) : null}
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
