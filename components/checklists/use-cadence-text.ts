"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { TSchedule } from "@/server/checklists/recurring/cadence.schema";

// 2024-01-01 was a Monday: ISO weekday n falls on 2024-01-0n.
const weekdayDate = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12));

/** A schedule in words: "Weekly on Monday (Asia/Tokyo)", "Monthly on day 1 (UTC)", cron shows its expression. */
export function useCadenceText(): (schedule: TSchedule) => string {
  const t = useTranslations("checklists.cadence");
  const format = useFormatter();
  return (schedule) => {
    const { cadence, timeZone } = schedule;
    let text: string;
    switch (cadence.kind) {
      case "weekly":
        text = t("weekly", { weekday: format.dateTime(weekdayDate(cadence.weekday), { weekday: "long", timeZone: "UTC" }) });
        break;
      case "monthly":
        text = cadence.day === "last" ? t("monthlyLast") : t("monthly", { day: cadence.day });
        break;
      case "quarterly":
        text = cadence.day === "last" ? t("quarterlyLast", { month: cadence.month }) : t("quarterly", { month: cadence.month, day: cadence.day });
        break;
      case "cron":
        text = t("cron", { expression: cadence.expression });
        break;
    }
    return t("withZone", { cadence: text, timeZone });
  };
}
