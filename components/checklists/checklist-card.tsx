"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { sortItems, type TChecklist } from "./checklists-api";
import { ChecklistItem } from "./checklist-item";
import { useCadenceText } from "./use-cadence-text";

/** A checklist: name, cadence, the current period's due date and its items, overdue first. Test hook: checklist-card (data-template, data-id). */
export function ChecklistCard({ checklist, now, canComplete, onComplete }: {
  checklist: TChecklist;
  now: string;
  canComplete: boolean;
  onComplete: (itemId: string) => void;
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
        <CardTitle as="h3" id={headingId}>{checklist.name}</CardTitle>
        {checklist.description ? <CardDescription>{checklist.description}</CardDescription> : null}
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <span data-testid="checklist-cadence">{cadence(checklist.schedule)}</span>
          <span>{t("periodDue", { period: checklist.period.key, due: format.dateTime(new Date(checklist.period.due), { dateStyle: "medium", timeZone }) })}</span>
          {checklist.owner ? <span className="text-muted-foreground">{t("owner", { email: checklist.owner.email })}</span> : null}
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
    </Card>
  );
}
