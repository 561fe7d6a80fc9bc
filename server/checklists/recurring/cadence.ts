// Periods and due dates of recurring checks. Pure (no database, no "server-only") so pages and client
// components can show the same due dates the server computes.
//
// Periods tile the timeline: a period runs from just after the previous due instant up to and including
// its own due instant. `start` is inclusive, `end` exclusive and equal to the next period's `start`,
// `due` is the period's last millisecond (end - 1ms). Calendar cadences are due at the end of the due
// day in the checklist's time zone (23:59:59.999 local, whatever DST does that day); cron cadences are
// due at the occurrence itself.
import { TZDate } from "@date-fns/tz";
import { CronExpressionParser } from "cron-parser";

import { isValidTimeZone, type TCadence } from "./cadence.schema";

export type TPeriod = { key: string; start: Date; due: Date; end: Date };
export type TItemState = "done" | "due" | "overdue" | "upcoming";

/** An open item is "due" (rather than "upcoming") from this many calendar days before its due day. */
export const DUE_SOON_DAYS = 3;
/** periodsBetween returns at most this many periods (the most recent ones). */
export const MAX_HISTORY_PERIODS = 1000;

const DAY_MS = 86_400_000;

// ---- civil (time-zone-free) calendar days, counted from 1970-01-01 -------------------------------

type Ymd = { y: number; m: number; d: number }; // m is 1-12

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function ymd(day: number): Ymd {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO weekday, Monday = 1 … Sunday = 7 (day 0, 1970-01-01, was a Thursday). */
function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7 + 1;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** ISO 8601 week key, e.g. "2026-W53": the week belongs to the year of its Thursday. */
function isoWeekKey(day: number): string {
  const thursday = day + 4 - isoWeekday(day);
  const year = ymd(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

// ---- time zones ----------------------------------------------------------------------------------

const checkedZones = new Set<string>();

function assertTimeZone(tz: string): void {
  if (checkedZones.has(tz)) return;
  if (!isValidTimeZone(tz)) throw new RangeError(`Unknown time zone "${tz}"`);
  checkedZones.add(tz);
}

/** The calendar day `instant` falls on in `tz`. */
function localDay(instant: Date, tz: string): number {
  const local = new TZDate(instant.getTime(), tz);
  return dayNumber(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** 23:59:59.999 local on `day`: one millisecond before the next local day starts (DST-proof). */
function endOfLocalDay(day: number, tz: string): number {
  const next = ymd(day + 1);
  return new TZDate(next.y, next.m - 1, next.d, tz).getTime() - 1;
}

// ---- calendar cadences: period n has due day dueDay(n); indexFor(day) is the first n due on/after day

type CalendarCadence = Exclude<TCadence, { kind: "cron" }>;

type CalendarRule = { dueDay(n: number): number; indexFor(day: number): number; key(n: number): string };

function dayIn(y: number, m: number, day: number | "last"): number {
  const last = daysInMonth(y, m);
  return dayNumber(y, m, day === "last" ? last : Math.min(day, last));
}

function calendarRule(cadence: CalendarCadence): CalendarRule {
  switch (cadence.kind) {
    case "weekly": {
      const offset = (((cadence.weekday - 4) % 7) + 7) % 7; // first day >= day 0 with that weekday
      const dueDay = (n: number) => offset + 7 * n;
      return { dueDay, indexFor: (day) => Math.ceil((day - offset) / 7), key: (n) => isoWeekKey(dueDay(n)) };
    }
    case "monthly": {
      const dueDay = (n: number) => dayIn(Math.floor(n / 12), (n % 12) + 1, cadence.day);
      return {
        dueDay,
        indexFor: (day) => {
          const { y, m } = ymd(day);
          const n = y * 12 + (m - 1);
          return dueDay(n) >= day ? n : n + 1;
        },
        key: (n) => `${Math.floor(n / 12)}-${pad((n % 12) + 1)}`,
      };
    }
    case "quarterly": {
      const dueDay = (n: number) => dayIn(Math.floor(n / 4), (n % 4) * 3 + cadence.month, cadence.day);
      return {
        dueDay,
        indexFor: (day) => {
          const { y, m } = ymd(day);
          const n = y * 4 + Math.floor((m - 1) / 3);
          return dueDay(n) >= day ? n : n + 1;
        },
        key: (n) => `${Math.floor(n / 4)}-Q${(n % 4) + 1}`,
      };
    }
  }
}

function calendarPeriodAt(cadence: CalendarCadence, tz: string, instant: Date): TPeriod {
  const rule = calendarRule(cadence);
  const n = rule.indexFor(localDay(instant, tz));
  const due = endOfLocalDay(rule.dueDay(n), tz);
  const previousDue = endOfLocalDay(rule.dueDay(n - 1), tz);
  return { key: rule.key(n), start: new Date(previousDue + 1), due: new Date(due), end: new Date(due + 1) };
}

// ---- cron cadences -------------------------------------------------------------------------------

function cronPeriodAt(expression: string, tz: string, instant: Date): TPeriod {
  // next() is strictly after currentDate, so start one millisecond early to include `instant` itself.
  const due = CronExpressionParser.parse(expression, { currentDate: new Date(instant.getTime() - 1), tz })
    .next()
    .getTime();
  const previousDue = CronExpressionParser.parse(expression, { currentDate: new Date(due), tz }).prev().getTime();
  // The UTC instant keeps keys unique even for several occurrences a day or a repeated DST hour.
  return { key: new Date(due).toISOString(), start: new Date(previousDue + 1), due: new Date(due), end: new Date(due + 1) };
}

// ---- public API ----------------------------------------------------------------------------------

/** The period containing `instant`: the one whose due instant is the first at or after it. */
export function periodAt(cadence: TCadence, tz: string, instant: Date): TPeriod {
  assertTimeZone(tz);
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid instant");
  return cadence.kind === "cron" ? cronPeriodAt(cadence.expression, tz, instant) : calendarPeriodAt(cadence, tz, instant);
}

export function nextPeriod(cadence: TCadence, tz: string, period: TPeriod): TPeriod {
  return periodAt(cadence, tz, period.end);
}

export function previousPeriod(cadence: TCadence, tz: string, period: TPeriod): TPeriod {
  return periodAt(cadence, tz, new Date(period.start.getTime() - 1));
}

/**
 * Periods overlapping [from, to], oldest first. When there are more than `limit`, only the most
 * recent `limit` are returned (history pages show the latest periods first).
 */
export function periodsBetween(
  cadence: TCadence,
  tz: string,
  from: Date,
  to: Date,
  limit: number = MAX_HISTORY_PERIODS,
): TPeriod[] {
  const periods: TPeriod[] = [];
  if (from.getTime() > to.getTime()) return periods;
  let period = periodAt(cadence, tz, to);
  while (periods.length < limit && period.end.getTime() > from.getTime()) {
    periods.push(period);
    period = previousPeriod(cadence, tz, period);
  }
  return periods.reverse();
}

export type TItemStateInput = {
  cadence: TCadence;
  tz: string;
  now: Date;
  /** When the item was completed for `period`; null or absent while it is open. */
  completedAt?: Date | null;
  /**
   * The period being judged. Defaults to the period containing `now`, which is never overdue: pass the
   * oldest period still open (e.g. the previous one, when it was not completed) to see overdue items.
   */
  period?: TPeriod;
};

export type TItemStateResult = {
  state: TItemState;
  /** Calendar days (in the checklist's time zone) past the due day; at least 1 once overdue, else 0. */
  daysOverdue: number;
  period: TPeriod;
};

export function itemState(input: TItemStateInput): TItemStateResult {
  const { cadence, tz, now } = input;
  const period = input.period ?? periodAt(cadence, tz, now);
  if (input.completedAt) return { state: "done", daysOverdue: 0, period };
  assertTimeZone(tz);
  const daysToDue = localDay(period.due, tz) - localDay(now, tz);
  if (now.getTime() > period.due.getTime()) {
    return { state: "overdue", daysOverdue: Math.max(1, -daysToDue), period };
  }
  return { state: daysToDue <= DUE_SOON_DAYS ? "due" : "upcoming", daysOverdue: 0, period };
}

/** The next `count` due instants from `now` on (the current period's first): the editor's preview. */
export function upcomingDues(cadence: TCadence, tz: string, now: Date, count = 3): Date[] {
  const dues: Date[] = [];
  let period = periodAt(cadence, tz, now);
  while (dues.length < count) {
    dues.push(period.due);
    period = nextPeriod(cadence, tz, period);
  }
  return dues;
}
