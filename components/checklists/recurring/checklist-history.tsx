"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ArrowLeft, ChevronLeft, ChevronRight, CircleCheck, CircleDashed, CircleX, RotateCw } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Skeleton } from "@/components/ui/skeleton";
import { recurringHref, type TChecklistHistory } from "../checklists-api";
import { useCadenceText } from "../use-cadence-text";
import { useChecklistHistory } from "../use-checklists";

type TEntry = TChecklistHistory["periods"][number]["entries"][number];

const ENTRY_STYLE = {
  done: { tone: "success", icon: CircleCheck },
  missed: { tone: "danger", icon: CircleX },
  open: { tone: "neutral", icon: CircleDashed },
} as const;

/**
 * A checklist's history: every period since its creation, newest first, each item done (who, when, result,
 * evidence) or missed; paged in the URL (?checklist=<id>&view=history&page=n).
 * Test hooks: checklist-history, history-period (data-key, data-closed), history-entry (data-state, data-item),
 * history-loading, history-error, history-retry, history-back, history-prev, history-next, history-page.
 */
export function ChecklistHistory({ id, page, now: renderedNow }: { id: string; page: number; now: string }) {
  const t = useTranslations("checklists.history");
  const format = useFormatter();
  const cadence = useCadenceText();
  const errorMessage = useApiErrorMessage();
  const query = useChecklistHistory(id, page);
  const now = query.dataUpdatedAt > Date.parse(renderedNow) ? new Date(query.dataUpdatedAt).toISOString() : renderedNow;
  const back = (
    <Link href={recurringHref()} className={buttonVariants({ variant: "link", className: "self-start" })} data-testid="history-back">
      <ArrowLeft aria-hidden="true" className="size-4" />
      {t("back")}
    </Link>
  );

  if (!query.data && !query.isError) {
    return (
      <div role="status" aria-live="polite" data-testid="history-loading" className="flex flex-col gap-4">
        {back}
        <span className="sr-only">{t("loading")}</span>
        {Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-32 w-full" />)}
      </div>
    );
  }
  if (!query.data) {
    return (
      <div className="flex flex-col items-start gap-3">
        {back}
        <Alert tone="danger" data-testid="history-error">{t("error", { message: errorMessage(query.error) })}</Alert>
        <Button variant="secondary" onClick={() => void query.refetch()} data-testid="history-retry">
          <RotateCw aria-hidden="true" className="size-4" />
          {t("retry")}
        </Button>
      </div>
    );
  }

  const history = query.data;
  const { checklist } = history;
  const date = (iso: string, timeZone: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone });
  const pager = (
    <nav aria-label={t("pages")} className="flex items-center gap-2 text-sm">
      <PageLink id={id} page={page - 1} disabled={page <= 1} testId="history-prev" label={t("newer")} icon="prev" />
      <span data-testid="history-page">{t("pageOf", { page: history.page, total: history.totalPages })}</span>
      <PageLink id={id} page={page + 1} disabled={page >= history.totalPages} testId="history-next" label={t("older")} icon="next" />
    </nav>
  );

  return (
    <section aria-labelledby="history-heading" data-testid="checklist-history" className="flex flex-col gap-4">
      {back}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="history-heading" className="text-lg font-semibold">{t("title", { name: checklist.name })}</h2>
          <p className="text-sm text-muted-foreground">
            {cadence(checklist.schedule)} · {t("since", { date: date(checklist.createdAt, checklist.schedule.timeZone) })}
            {checklist.owner ? ` · ${t("owner", { email: checklist.owner.email })}` : ""}
          </p>
          {checklist.archivedAt ? <Badge tone="warning" className="self-start">{t("archivedOn", { date: date(checklist.archivedAt, checklist.schedule.timeZone) })}</Badge> : null}
        </div>
        {history.totalPages > 1 ? pager : null}
      </div>
      {history.truncated ? <Alert tone="info">{t("truncated", { count: history.totalPeriods })}</Alert> : null}
      {history.periods.length === 0 ? <p className="text-sm text-muted-foreground">{t("empty")}</p> : null}
      {history.periods.map((period) => {
        const zone = period.schedule.timeZone;
        return (
          <Card key={period.key} data-testid="history-period" data-key={period.key} data-closed={period.closed} role="region" aria-labelledby={`period-${period.key}`}>
            <CardHeader className="border-b border-border">
              <CardTitle as="h3" id={`period-${period.key}`} className="text-base">{t("period", { period: period.key })}</CardTitle>
              <CardDescription>
                {t("range", { start: date(period.start, zone), due: date(period.due, zone) })}
                {" · "}
                {period.closed ? t("summary", { done: period.done, missed: period.missed }) : t("running")}
                {JSON.stringify(period.schedule) !== JSON.stringify(checklist.schedule) ? ` · ${t("oldSchedule", { cadence: cadence(period.schedule) })}` : ""}
              </CardDescription>
            </CardHeader>
            {period.entries.length === 0 ? (
              <p className="px-5 py-3 text-sm text-muted-foreground">{t("noItems")}</p>
            ) : (
              <ul className="divide-y divide-border">
                {period.entries.map((entry) => <HistoryEntry key={entry.itemId} entry={entry} now={now} />)}
              </ul>
            )}
          </Card>
        );
      })}
      {history.totalPages > 1 ? pager : null}
    </section>
  );
}

function HistoryEntry({ entry, now }: { entry: TEntry; now: string }) {
  const t = useTranslations("checklists.history");
  const tItem = useTranslations("checklists.item");
  const { tone, icon: Icon } = ENTRY_STYLE[entry.state];
  const completion = entry.completion;
  return (
    <li data-testid="history-entry" data-state={entry.state} data-item={entry.itemId} className="flex flex-col gap-1 px-5 py-2.5 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={tone}>
          <Icon aria-hidden="true" className="size-3.5" />
          {t(`state.${entry.state}`)}
        </Badge>
        <span className="font-medium">{entry.title}</span>
        {entry.archived ? <span className="text-xs text-muted-foreground">{t("itemArchived")}</span> : null}
      </div>
      {completion ? (
        <div className="flex flex-col gap-0.5 pl-1">
          <p className="flex flex-wrap items-center gap-x-1.5">
            <Badge tone={completion.result === "OK" ? "success" : "warning"}>{tItem(completion.result === "OK" ? "resultOk" : "resultIssue")}</Badge>
            <span>{tItem("doneBy", { by: completion.by ?? tItem("unknownUser") })}</span>
            <DateTime value={completion.at} now={now} variant="relative" className="text-muted-foreground" />
          </p>
          {completion.note ? <p className="whitespace-pre-wrap break-words text-muted-foreground">{completion.note}</p> : null}
          {completion.link ? (
            <a href={completion.link} target="_blank" rel="noopener noreferrer" className="break-all text-link hover:underline">
              {tItem("evidence")}: {completion.link}
            </a>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function PageLink({ id, page, disabled, testId, label, icon }: { id: string; page: number; disabled: boolean; testId: string; label: string; icon: "prev" | "next" }) {
  const Icon = icon === "prev" ? ChevronLeft : ChevronRight;
  const content = (
    <>
      {icon === "prev" ? <Icon aria-hidden="true" className="size-4" /> : null}
      {label}
      {icon === "next" ? <Icon aria-hidden="true" className="size-4" /> : null}
    </>
  );
  if (disabled) return <span aria-disabled="true" className={buttonVariants({ variant: "secondary", size: "sm", className: "pointer-events-none opacity-50" })}>{content}</span>;
  return <Link href={recurringHref({ checklist: id, view: "history", page })} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid={testId}>{content}</Link>;
}
