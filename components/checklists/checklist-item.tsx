"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { CircleCheck, CircleDashed, Clock, ExternalLink, TriangleExclamationPoint } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { linkedSource, SOURCE_LINKS, type TChecklistItem, type TItemState } from "./checklists-api";
import { FeedChip } from "./recurring/feed-chip";

const STATE_STYLE: Record<TItemState, { tone: BadgeTone; icon: typeof Clock }> = {
  overdue: { tone: "danger", icon: TriangleExclamationPoint },
  due: { tone: "warning", icon: Clock },
  upcoming: { tone: "neutral", icon: CircleDashed },
  done: { tone: "success", icon: CircleCheck },
};

/**
 * One item: its state (never color alone), the evidence when done, a fed item's live state, and Complete for
 * analysts. Test hooks: checklist-item (data-state, data-id, data-source), item-complete, item-source, item-feed.
 */
export function ChecklistItem({ item, timeZone, now, canComplete, onComplete }: {
  item: TChecklistItem;
  timeZone: string;
  now: string;
  canComplete: boolean;
  onComplete: () => void;
}) {
  const t = useTranslations("checklists.item");
  const format = useFormatter();
  const { tone, icon: Icon } = STATE_STYLE[item.state];
  const due = format.dateTime(new Date(item.period.due), { dateStyle: "medium", timeZone });
  const source = linkedSource(item.source);
  const completion = item.completion;

  return (
    <li data-testid="checklist-item" data-state={item.state} data-id={item.id} data-source={item.source} className={cn("flex flex-wrap items-start justify-between gap-3 px-5 py-3", item.state === "overdue" && "bg-danger-soft/40")}>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={tone}>
            <Icon aria-hidden="true" className="size-3.5" />
            {t(`state.${item.state}`)}
          </Badge>
          <h4 className="text-sm font-medium">{item.title}</h4>
        </div>
        {item.description ? <p className="text-sm text-muted-foreground">{item.description}</p> : null}
        <p className={cn("text-sm", item.state === "overdue" ? "font-medium text-danger dark:text-red-300" : item.state === "due" ? "text-warning-foreground" : "text-muted-foreground")}>
          {item.state === "overdue"
            ? t("overdue", { days: item.daysOverdue, period: item.period.key, due })
            : item.state === "done"
              ? t("donePeriod", { period: item.period.key })
              : t("due", { period: item.period.key, due })}
        </p>
        {completion ? (
          <div className="flex flex-col gap-1 text-sm" data-testid="item-completion">
            <p className="flex flex-wrap items-center gap-x-1.5">
              <Badge tone={completion.result === "OK" ? "success" : "warning"}>{t(completion.result === "OK" ? "resultOk" : "resultIssue")}</Badge>
              <span>{t("doneBy", { by: completion.by ?? t("unknownUser") })}</span>
              <DateTime value={completion.at} now={now} variant="relative" className="text-muted-foreground" />
            </p>
            {completion.note ? <p className="whitespace-pre-wrap break-words text-muted-foreground">{completion.note}</p> : null}
            {completion.link ? (
              <a href={completion.link} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 break-all text-link hover:underline">
                <ExternalLink aria-hidden="true" className="size-3.5 shrink-0" />
                {t("evidence")}: {completion.link}
              </a>
            ) : null}
          </div>
        ) : null}
        {item.feed ? <FeedChip feed={item.feed} now={now} /> : source ? (
          <Link href={SOURCE_LINKS[source]} className="text-xs font-medium text-link hover:underline" data-testid="item-source">
            {t(`source.${source}`)}
          </Link>
        ) : null}
      </div>
      {canComplete && item.state !== "done" ? (
        <Button size="sm" variant={item.state === "overdue" ? "primary" : "secondary"} onClick={onComplete} data-testid="item-complete" aria-label={t("completeLabel", { title: item.title })}>
          {t("complete")}
        </Button>
      ) : null}
    </li>
  );
}
