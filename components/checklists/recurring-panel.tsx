"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CircleCheck, ListChecks, ListFilter, Plus, RotateCw, TriangleExclamationPoint } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { overdueOnly, recurringHref, summarize, type TChecklist, type TRecurringState } from "./checklists-api";
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

/**
 * What the Recurring tab shows, from the URL: the checklists (?state=overdue: only the overdue items and their
 * checklists), or one checklist's history (?checklist=<id>&view=history&page=n).
 */
export type TRecurringView = { kind: "list"; state?: TRecurringState | null } | { kind: "history"; checklist: string; page: number };

/**
 * The Recurring tab: a summary line, then every checklist with this period's items; New / Edit for analysts;
 * a checklist's history; archived checklists (restore: admins).
 * With ?state=overdue only the checklists with an overdue item are listed, each with only its overdue items, under a
 * removable "Showing overdue items only · Show all"; an empty state when nothing is overdue.
 * Test hooks: recurring-summary (data-overdue, data-due), recurring-overdue-link, recurring-filter (data-state),
 * recurring-show-all, recurring-empty-show-all, recurring-loading, recurring-error, recurring-retry,
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
  return <RecurringList initial={initial} renderedAt={renderedAt} now={now} state={view.state ?? null} canComplete={canComplete} canEdit={canEdit} canRestore={canRestore} />;
}

function RecurringList({ initial, renderedAt, now: clock, state, canComplete, canEdit, canRestore }: {
  initial?: TChecklist[];
  state: TRecurringState | null;
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
  // The summary counts every checklist, so it stays the overview's figure while the list is filtered.
  const { overdue, dueThisWeek } = summarize(checklists, now);
  const shown = state === "overdue" ? overdueOnly(checklists) : checklists;
  const itemCount = new Map(checklists.map((c) => [c.id, c.items.length]));
  const item = completing ? checklists.flatMap((c) => c.items).find((i) => i.id === completing) ?? null : null;
  const edited = editing && editing !== "new" ? checklists.find((c) => c.id === editing) : undefined;

  return (
    <section aria-labelledby="recurring-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="recurring-heading" className="text-lg font-semibold">{t("title")}</h2>
        <p data-testid="recurring-summary" data-overdue={overdue} data-due={dueThisWeek} className="text-sm">
          {overdue > 0 && state !== "overdue" ? (
            <Link href={recurringHref({ state: "overdue" })} title={t("overdueOnly.linkTitle")} data-testid="recurring-overdue-link"
              className="rounded-sm font-semibold text-danger underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none dark:text-red-300">
              {t("overdueCount", { count: overdue })}
            </Link>
          ) : (
            <span className={overdue > 0 ? "font-semibold text-danger dark:text-red-300" : undefined}>{t("overdueCount", { count: overdue })}</span>
          )}
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
      {state === "overdue" ? (
        <p data-testid="recurring-filter" data-state="overdue" className="flex flex-wrap items-center gap-x-2 gap-y-1 self-start rounded-md border border-danger/40 bg-danger-soft px-3 py-1.5 text-sm">
          <ListFilter aria-hidden="true" className="size-4 shrink-0 text-danger dark:text-red-300" />
          <span className="font-medium">{t("overdueOnly.showing")}</span>
          <span aria-hidden="true">·</span>
          <Link href={recurringHref()} aria-label={t("overdueOnly.showAllLabel")} data-testid="recurring-show-all"
            className="rounded-sm font-medium text-link underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            {t("overdueOnly.showAll")}
          </Link>
        </p>
      ) : null}
      {!canComplete ? <Alert tone="info" role="note">{t("readOnly")}</Alert> : null}
      {confirmation ? <Alert tone="success" data-testid="complete-confirmation">{confirmation}</Alert> : null}
      {query.isRefetchError ? <Alert tone="danger">{t("refreshError", { message: errorMessage(query.error) })}</Alert> : null}
      {checklists.length === 0 ? (
        <EmptyState icon={ListChecks} title={t("empty.title")} description={canEdit ? t("empty.bodyEditor") : t("empty.body")} headingLevel="h3" />
      ) : shown.length === 0 ? (
        <EmptyState
          icon={CircleCheck}
          title={t("overdueOnly.emptyTitle")}
          description={t("overdueOnly.emptyBody")}
          headingLevel="h3"
          action={(
            <Link href={recurringHref()} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="recurring-empty-show-all">
              {t("overdueOnly.showAll")}
            </Link>
          )}
        />
      ) : (
        shown.map((checklist) => (
          <ChecklistCard
            key={checklist.id}
            checklist={checklist}
            hiddenItems={(itemCount.get(checklist.id) ?? 0) - checklist.items.length}
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
