"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { History, Pencil } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { recurringHref, sortItems, type TChecklist } from "./checklists-api";
import { ChecklistItem } from "./checklist-item";
import { useCadenceText } from "./use-cadence-text";

/**
 * A checklist: name, cadence, owner, the current period's due date and its items, overdue first; History for
 * everyone, Edit for analysts. In the overdue view (?state=overdue) the checklist holds only its overdue items and
 * says how many others are hidden. Test hooks: checklist-card (data-template, data-id), checklist-owner, checklist-edit,
 * checklist-history-link, checklist-hidden-items (data-count).
 */
export function ChecklistCard({ checklist, hiddenItems = 0, now, canComplete, onComplete, onEdit }: {
  checklist: TChecklist;
  /** items left out by the list's filter */
  hiddenItems?: number;
  now: string;
  canComplete: boolean;
  onComplete: (itemId: string) => void;
  /** absent for viewers */
  onEdit?: () => void;
}) {
  const t = useTranslations("checklists.card");
  const format = useFormatter();
  const cadence = useCadenceText();
  const timeZone = checklist.schedule.timeZone;
  const headingId = `checklist-${checklist.id}`;
  const items = sortItems(checklist.items);

  return (
    <Card data-testid="checklist-card" data-template={checklist.templateKey ?? undefined} data-id={checklist.id} aria-labelledby={headingId} role="region">
      <CardHeader className="border-b border-border">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <CardTitle as="h3" id={headingId}>{checklist.name}</CardTitle>
          <div className="flex items-center gap-1">
            <Link href={recurringHref({ checklist: checklist.id, view: "history" })} className={buttonVariants({ variant: "ghost", size: "sm" })} data-testid="checklist-history-link" aria-label={t("historyLabel", { name: checklist.name })}>
              <History aria-hidden="true" className="size-4" />
              {t("history")}
            </Link>
            {onEdit ? (
              <Button variant="ghost" size="sm" onClick={onEdit} data-testid="checklist-edit" aria-label={t("editLabel", { name: checklist.name })}>
                <Pencil aria-hidden="true" className="size-4" />
                {t("edit")}
              </Button>
            ) : null}
          </div>
        </div>
        {checklist.description ? <CardDescription>{checklist.description}</CardDescription> : null}
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <span data-testid="checklist-cadence">{cadence(checklist.schedule)}</span>
          <span>{t("periodDue", { period: checklist.period.key, due: format.dateTime(new Date(checklist.period.due), { dateStyle: "medium", timeZone }) })}</span>
          <span className="text-muted-foreground" data-testid="checklist-owner">{checklist.owner ? t("owner", { email: checklist.owner.email }) : t("noOwner")}</span>
        </p>
      </CardHeader>
      {items.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">{t("noItems")}</p>
      ) : (
        <ul className="divide-y divide-border" aria-label={t("items", { name: checklist.name })}>
          {items.map((item) => (
            <ChecklistItem key={item.id} item={item} timeZone={timeZone} now={now} canComplete={canComplete} onComplete={() => onComplete(item.id)} />
          ))}
        </ul>
      )}
      {hiddenItems > 0 ? (
        <p className="border-t border-border px-5 py-2 text-xs text-muted-foreground" data-testid="checklist-hidden-items" data-count={hiddenItems}>
          {t("hiddenItems", { count: hiddenItems })}
        </p>
      ) : null}
    </Card>
  );
}
