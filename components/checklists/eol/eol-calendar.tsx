"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight, RotateCw } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { eolKeys, fetchCalendar, type TCalendarEvent } from "./eol-api";

const DAY_MS = 86_400_000;

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** The weeks (Monday first) covering a month, as ISO dates; null for days outside it. */
function weeks(month: string): (string | null)[][] {
  const first = Date.parse(`${month}-01T00:00:00Z`);
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const offset = (new Date(first).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: days }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10))];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/**
 * A month of end-of-life and end-of-active-support dates of the inventory's cycles; the month is in the URL.
 * Test hooks: eol-calendar (data-month), eol-calendar-prev / -next / -today, eol-calendar-event (data-kind, data-product, data-cycle).
 */
export function EolCalendar({ month, search, onMonth }: { month: string; search: string; onMonth: (month: string) => void }) {
  const t = useTranslations("checklistsEol.calendar");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const query = useQuery({ queryKey: eolKeys.calendar(month, search), queryFn: ({ signal }) => fetchCalendar(month, search, signal) });
  const byDay = new Map<string, TCalendarEvent[]>();
  for (const e of query.data?.events ?? []) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  const grid = weeks(month);
  const monday = Date.parse("2024-01-01T00:00:00Z");
  const title = format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
  const today = query.data?.today ?? new Date().toISOString().slice(0, 10);

  return (
    <section aria-labelledby="eol-calendar-heading" data-testid="eol-calendar" data-month={month} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="icon" className="size-9" aria-label={t("previous")} title={t("previous")} data-testid="eol-calendar-prev" onClick={() => onMonth(shiftMonth(month, -1))}>
          <ChevronLeft aria-hidden="true" className="size-4" />
        </Button>
        <h3 id="eol-calendar-heading" className="min-w-40 text-center text-base font-semibold" aria-live="polite">{title}</h3>
        <Button variant="secondary" size="icon" className="size-9" aria-label={t("next")} title={t("next")} data-testid="eol-calendar-next" onClick={() => onMonth(shiftMonth(month, 1))}>
          <ChevronRight aria-hidden="true" className="size-4" />
        </Button>
        <Button variant="ghost" size="sm" data-testid="eol-calendar-today" onClick={() => onMonth(new Date().toISOString().slice(0, 7))}>{t("today")}</Button>
        <span className="ml-auto flex items-center gap-3 text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1"><span aria-hidden="true" className="size-3 rounded-sm bg-danger" />{t("eol")}</span>
          <span className="inline-flex items-center gap-1"><span aria-hidden="true" className="size-3 rounded-sm border border-warning-foreground bg-warning-soft" />{t("eoas")}</span>
        </span>
      </div>
      {query.isError ? (
        <Alert tone="danger">
          {errorMessage(query.error)}{" "}
          <Button variant="link" onClick={() => void query.refetch()}><RotateCw aria-hidden="true" className="size-3" />{t("retry")}</Button>
        </Alert>
      ) : null}
      {query.isPending ? (
        <div role="status" className="flex flex-col gap-2"><span className="sr-only">{t("loading")}</span><Skeleton className="h-96 w-full" /></div>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full table-fixed border-collapse text-sm">
            <caption className="sr-only">{t("caption", { month: title })}</caption>
            <thead>
              <tr>
                {Array.from({ length: 7 }, (_, i) => (
                  <th key={i} scope="col" className="px-2 py-1 text-left text-xs font-semibold text-muted-foreground">
                    {format.dateTime(new Date(monday + i * DAY_MS), { weekday: "short", timeZone: "UTC" })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.map((week, w) => (
                <tr key={w}>
                  {week.map((day, d) => (
                    <td key={d} className={cn("h-24 border border-border p-1 align-top", !day && "bg-muted/40")} aria-current={day === today ? "date" : undefined}>
                      {day ? (
                        <>
                          <div className={cn("mb-1 text-xs", day === today ? "inline-flex size-6 items-center justify-center rounded-full bg-primary font-bold text-primary-foreground" : "text-muted-foreground")}>
                            {Number(day.slice(8))}
                          </div>
                          <ul className="flex flex-col gap-1">
                            {(byDay.get(day) ?? []).map((e) => (
                              <li
                                key={`${e.kind}-${e.product}-${e.cycle}`}
                                data-testid="eol-calendar-event"
                                data-kind={e.kind}
                                data-product={e.product}
                                data-cycle={e.cycle}
                                title={`${e.productName} ${e.cycle}: ${e.kind === "eol" ? t("eol") : t("eoas")} · ${t("items", { count: e.items })}`}
                                className={cn("truncate rounded px-1 py-0.5 text-xs", e.kind === "eol" ? "bg-danger-soft font-semibold text-danger dark:text-red-300" : "border border-warning-foreground/40 bg-warning-soft text-warning-foreground")}
                              >
                                <span className="sr-only">{e.kind === "eol" ? t("eol") : t("eoas")}: </span>
                                {e.productName} {e.cycle} ({e.items})
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {query.data && query.data.events.length === 0 ? <p className="mt-2 text-sm text-muted-foreground" data-testid="eol-calendar-empty">{t("empty")}</p> : null}
        </div>
      )}
    </section>
  );
}
