import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";

import { itemState, nextPeriod, periodAt, periodsBetween, previousPeriod, type TPeriod } from "./cadence";
import { ZCadence, ZSchedule, ZTimeZone, type TCadence } from "./cadence.schema";

const at = (iso: string) => new Date(iso);
const iso = (p: TPeriod) => ({ key: p.key, start: p.start.toISOString(), due: p.due.toISOString(), end: p.end.toISOString() });
const cadence = (input: unknown): TCadence => ZCadence.parse(input);
const messages = (input: unknown) => (ZCadence.safeParse(input).error?.issues ?? []).map((i) => i.message).join("\n");

describe("weekly cadence", () => {
  it("keys periods by ISO week across a 53-week year", () => {
    const sunday = cadence({ kind: "weekly", weekday: 7 });
    const p = periodAt(sunday, "UTC", at("2026-12-30T12:00:00Z"));
    expect(iso(p)).toEqual({
      key: "2026-W53",
      start: "2026-12-28T00:00:00.000Z",
      due: "2027-01-03T23:59:59.999Z",
      end: "2027-01-04T00:00:00.000Z",
    });
    const next = nextPeriod(sunday, "UTC", p);
    expect(next.key).toBe("2027-W01");
    expect(next.due.toISOString()).toBe("2027-01-10T23:59:59.999Z");
    expect(previousPeriod(sunday, "UTC", next)).toEqual(p);
  });

  it("puts a Monday in late December into week 1 of the next ISO year", () => {
    const monday = cadence({ kind: "weekly", weekday: 1 });
    const p = periodAt(monday, "UTC", at("2024-12-30T12:00:00Z"));
    expect(p.key).toBe("2025-W01");
    expect(p.due.toISOString()).toBe("2024-12-30T23:59:59.999Z");
    expect(p.start.toISOString()).toBe("2024-12-24T00:00:00.000Z");
  });

  it("includes the due instant itself and starts a new period one millisecond later", () => {
    const friday = cadence({ kind: "weekly", weekday: 5 });
    const p = periodAt(friday, "UTC", at("2026-11-27T23:59:59.999Z"));
    expect(p.key).toBe("2026-W48");
    expect(periodAt(friday, "UTC", at("2026-11-28T00:00:00.000Z")).key).toBe("2026-W49");
  });
});

describe("monthly cadence", () => {
  const day31 = cadence({ kind: "monthly", day: 31 });

  it("moves day 31 to the last day of February in leap and non-leap years", () => {
    expect(iso(periodAt(day31, "UTC", at("2028-02-10T00:00:00Z")))).toEqual({
      key: "2028-02",
      start: "2028-02-01T00:00:00.000Z",
      due: "2028-02-29T23:59:59.999Z",
      end: "2028-03-01T00:00:00.000Z",
    });
    expect(periodAt(day31, "UTC", at("2027-02-10T00:00:00Z")).due.toISOString()).toBe("2027-02-28T23:59:59.999Z");
  });

  it("moves day 31 to 30 April", () => {
    const p = periodAt(day31, "UTC", at("2027-04-30T12:00:00Z"));
    expect(p.key).toBe("2027-04");
    expect(p.due.toISOString()).toBe("2027-04-30T23:59:59.999Z");
    expect(periodAt(day31, "UTC", at("2027-05-01T00:00:00Z")).key).toBe("2027-05");
  });

  it("supports the last day of the month", () => {
    const last = cadence({ kind: "monthly", day: "last" });
    const keys = periodsBetween(last, "UTC", at("2028-01-15T00:00:00Z"), at("2028-04-10T00:00:00Z")).map((p) => p.due.toISOString());
    expect(keys).toEqual([
      "2028-01-31T23:59:59.999Z",
      "2028-02-29T23:59:59.999Z",
      "2028-03-31T23:59:59.999Z",
      "2028-04-30T23:59:59.999Z",
    ]);
  });

  it("starts the next month's period after a due day earlier than the month's end", () => {
    const day30 = cadence({ kind: "monthly", day: 30 });
    // 30 March is due; 31 March already belongs to April's period.
    const p = periodAt(day30, "UTC", at("2027-03-31T10:00:00Z"));
    expect(iso(p)).toEqual({
      key: "2027-04",
      start: "2027-03-31T00:00:00.000Z",
      due: "2027-04-30T23:59:59.999Z",
      end: "2027-05-01T00:00:00.000Z",
    });
    // After a clamped February (28th), March's period starts on 1 March.
    expect(previousPeriod(day30, "UTC", p).start.toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });
});

describe("quarterly cadence", () => {
  it("is due on a day of a given month within each quarter", () => {
    const midSecondMonth = cadence({ kind: "quarterly", month: 2, day: 15 });
    expect(iso(periodAt(midSecondMonth, "UTC", at("2026-10-05T00:00:00Z")))).toEqual({
      key: "2026-Q4",
      start: "2026-08-16T00:00:00.000Z",
      due: "2026-11-15T23:59:59.999Z",
      end: "2026-11-16T00:00:00.000Z",
    });
    // Past the quarter's due day: the next quarter's period.
    expect(periodAt(midSecondMonth, "UTC", at("2026-11-27T00:00:00Z")).key).toBe("2027-Q1");
  });

  it("supports the last day of the quarter's last month", () => {
    const quarterEnd = cadence({ kind: "quarterly", month: 3, day: "last" });
    const p = periodAt(quarterEnd, "Asia/Tokyo", at("2026-11-27T00:00:00Z"));
    expect(p.key).toBe("2026-Q4");
    expect(p.due.toISOString()).toBe("2026-12-31T14:59:59.999Z"); // 23:59:59.999 in Tokyo
    expect(p.start.toISOString()).toBe("2026-09-30T15:00:00.000Z");
    expect(nextPeriod(quarterEnd, "Asia/Tokyo", p).due.toISOString()).toBe("2027-03-31T14:59:59.999Z");
  });
});

describe("cron cadence", () => {
  const mondayNine = cadence({ kind: "cron", expression: "0 9 * * 1" });

  it("reads the expression in the checklist's time zone", () => {
    const tokyo = periodAt(mondayNine, "Asia/Tokyo", at("2026-11-27T00:00:00Z"));
    expect(iso(tokyo)).toEqual({
      key: "2026-11-30T00:00:00.000Z",
      start: "2026-11-23T00:00:00.001Z",
      due: "2026-11-30T00:00:00.000Z",
      end: "2026-11-30T00:00:00.001Z",
    });
    const utc = periodAt(mondayNine, "UTC", at("2026-11-27T00:00:00Z"));
    expect(utc.due.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(nextPeriod(mondayNine, "UTC", utc).due.toISOString()).toBe("2026-12-07T09:00:00.000Z");
  });

  it("an occurrence belongs to the period it closes", () => {
    expect(periodAt(mondayNine, "UTC", at("2026-11-30T09:00:00.000Z")).due.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(periodAt(mondayNine, "UTC", at("2026-11-30T09:00:00.001Z")).due.toISOString()).toBe("2026-12-07T09:00:00.000Z");
  });

  it("handles step values over months", () => {
    const quarterly = cadence({ kind: "cron", expression: "0 0 1 */3 *" });
    const p = periodAt(quarterly, "UTC", at("2026-11-27T00:00:00Z"));
    expect(p.due.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(p.start.toISOString()).toBe("2026-10-01T00:00:00.001Z");
    expect(nextPeriod(quarterly, "UTC", p).due.toISOString()).toBe("2027-04-01T00:00:00.000Z");
  });
});

describe("time zones", () => {
  const day30 = cadence({ kind: "monthly", day: 30 });
  const november = (tz: string) => periodAt(day30, tz, at("2026-11-15T12:00:00Z"));

  it("is overdue in Tokyo while the same due day is still running in UTC", () => {
    const now = at("2026-11-30T20:00:00Z"); // 1 December 05:00 in Tokyo
    expect(november("Asia/Tokyo").due.toISOString()).toBe("2026-11-30T14:59:59.999Z");
    expect(itemState({ cadence: day30, tz: "Asia/Tokyo", now, period: november("Asia/Tokyo") })).toMatchObject({
      state: "overdue",
      daysOverdue: 1,
    });
    expect(itemState({ cadence: day30, tz: "UTC", now, period: november("UTC") }).state).toBe("due");
  });

  it("is overdue in UTC while the due day is still running in Los Angeles", () => {
    const now = at("2026-12-01T03:00:00Z"); // 30 November 19:00 in Los Angeles
    expect(november("America/Los_Angeles").due.toISOString()).toBe("2026-12-01T07:59:59.999Z");
    expect(itemState({ cadence: day30, tz: "UTC", now, period: november("UTC") }).state).toBe("overdue");
    expect(itemState({ cadence: day30, tz: "America/Los_Angeles", now, period: november("America/Los_Angeles") }).state).toBe(
      "due",
    );
    // Without an explicit period the current one is judged: in UTC that is already December's.
    expect(itemState({ cadence: day30, tz: "UTC", now }).period.key).toBe("2026-12");
  });

  it("keeps the due instant at the end of the local day across New York DST changes", () => {
    const sunday = cadence({ kind: "weekly", weekday: 7 });
    const tz = "America/New_York";
    // Clocks go forward on Sunday 8 March 2026: that period is one hour short.
    const spring = periodAt(sunday, tz, at("2026-03-05T12:00:00Z"));
    expect(spring.due.toISOString()).toBe("2026-03-09T03:59:59.999Z");
    expect(spring.start.toISOString()).toBe("2026-03-02T05:00:00.000Z");
    // Clocks go back on Sunday 1 November 2026: that period is one hour long.
    const fall = periodAt(sunday, tz, at("2026-10-29T12:00:00Z"));
    expect(fall.due.toISOString()).toBe("2026-11-02T04:59:59.999Z");
    expect(fall.start.toISOString()).toBe("2026-10-26T04:00:00.000Z");
    for (const p of [spring, fall]) {
      const local = new TZDate(p.due.getTime(), tz);
      expect([local.getDay(), local.getHours(), local.getMinutes(), local.getSeconds()]).toEqual([0, 23, 59, 59]);
    }
    // On the short day itself, a late-evening instant is still inside the period.
    expect(periodAt(sunday, tz, at("2026-03-09T03:30:00Z")).key).toBe(spring.key);
  });
});

describe("itemState", () => {
  const day30 = cadence({ kind: "monthly", day: 30 });
  const period = periodAt(day30, "UTC", at("2026-11-15T00:00:00Z")); // due 2026-11-30T23:59:59.999Z
  const state = (now: string, completedAt?: Date | null) => itemState({ cadence: day30, tz: "UTC", now: at(now), completedAt, period });

  it("flags overdue the moment after the due instant", () => {
    expect(state("2026-11-30T23:59:59.999Z")).toMatchObject({ state: "due", daysOverdue: 0 });
    expect(state("2026-12-01T00:00:00.000Z")).toMatchObject({ state: "overdue", daysOverdue: 1 });
    expect(state("2026-12-05T10:00:00.000Z")).toMatchObject({ state: "overdue", daysOverdue: 5 });
  });

  it("is due from three calendar days before the due day", () => {
    expect(state("2026-11-26T23:59:59.999Z").state).toBe("upcoming");
    expect(state("2026-11-27T00:00:00.000Z").state).toBe("due");
  });

  it("is done once completed, even late", () => {
    expect(state("2026-12-05T10:00:00Z", at("2026-12-04T09:00:00Z"))).toMatchObject({ state: "done", daysOverdue: 0 });
    expect(state("2026-11-20T10:00:00Z", null).state).toBe("upcoming");
  });

  it("counts overdue cron occurrences from the first moment after them", () => {
    const mondayNine = cadence({ kind: "cron", expression: "0 9 * * 1" });
    const p = periodAt(mondayNine, "Asia/Tokyo", at("2026-11-27T00:00:00Z"));
    const judge = (now: Date) => itemState({ cadence: mondayNine, tz: "Asia/Tokyo", now, period: p });
    expect(judge(p.due)).toMatchObject({ state: "due", daysOverdue: 0 });
    expect(judge(new Date(p.due.getTime() + 1))).toMatchObject({ state: "overdue", daysOverdue: 1 });
  });
});

describe("periodsBetween", () => {
  it("returns consecutive periods, oldest first, capped to the most recent", () => {
    const weekly = cadence({ kind: "weekly", weekday: 3 });
    const all = periodsBetween(weekly, "Europe/Berlin", at("2026-01-01T00:00:00Z"), at("2026-03-01T00:00:00Z"));
    expect(all).toHaveLength(9);
    for (let i = 1; i < all.length; i++) expect(all[i]!.start).toEqual(all[i - 1]!.end);
    const capped = periodsBetween(weekly, "UTC", at("2000-01-01T00:00:00Z"), at("2026-03-01T00:00:00Z"), 10);
    expect(capped).toHaveLength(10);
    expect(capped.at(-1)?.key).toBe(periodAt(weekly, "UTC", at("2026-03-01T00:00:00Z")).key);
    expect(periodsBetween(weekly, "UTC", at("2026-03-01T00:00:00Z"), at("2026-01-01T00:00:00Z"))).toEqual([]);
  });
});

describe("validation", () => {
  it("rejects malformed cron expressions with a message naming the problem", () => {
    expect(messages({ kind: "cron", expression: "0 9 * *" })).toMatch(/must have 5 fields .* got 4/);
    expect(messages({ kind: "cron", expression: "0 0 9 * * 1" })).toMatch(/must have 5 fields .* got 6/);
    expect(messages({ kind: "cron", expression: "61 * * * *" })).toMatch(/Invalid cron expression "61 \* \* \* \*".*0-59/);
    expect(messages({ kind: "cron", expression: "0 0 30 2 *" })).toMatch(/Invalid cron expression/);
  });

  it("rejects out-of-range calendar cadences", () => {
    expect(messages({ kind: "weekly", weekday: 0 })).toMatch(/Weekday must be 1 \(Monday\) to 7 \(Sunday\)/);
    expect(messages({ kind: "monthly", day: 32 })).toMatch(/Day of month must be between 1 and 31/);
    expect(messages({ kind: "monthly", day: "first" })).not.toBe("");
    expect(messages({ kind: "quarterly", month: 4, day: 1 })).toMatch(/Month within the quarter must be 1, 2 or 3/);
    expect(messages({ kind: "daily" })).not.toBe("");
  });

  it("rejects unknown time zones", () => {
    expect(ZTimeZone.safeParse("Mars/Olympus_Mons").error?.issues[0]?.message).toMatch(/Unknown time zone "Mars\/Olympus_Mons"/);
    expect(ZTimeZone.safeParse("").success).toBe(false);
    expect(ZSchedule.parse({ cadence: { kind: "weekly", weekday: 1 }, timeZone: "Asia/Tokyo" }).timeZone).toBe("Asia/Tokyo");
    expect(() => periodAt(cadence({ kind: "weekly", weekday: 1 }), "Mars/Olympus_Mons", at("2026-01-01T00:00:00Z"))).toThrow(
      /Unknown time zone/,
    );
  });
});
