// Cadence of a recurring checklist and the time zone its due dates are read in. Pure: client code may
// import it (forms validate with the same schemas as the server).
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";

export function isValidTimeZone(tz: string): boolean {
  if (tz.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZone = z
  .string()
  .refine(isValidTimeZone, { error: (issue) => `Unknown time zone "${String(issue.input)}"; use an IANA name such as "Asia/Tokyo" or "UTC"` });

const ZDayOfMonth = z.union([
  z.int().min(1, "Day of month must be between 1 and 31").max(31, "Day of month must be between 1 and 31"),
  z.literal("last"),
]);

/** Why a cron expression is unusable, or null when it is a valid 5-field expression that fires. */
export function cronExpressionProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    return `Cron expression must have 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  }
  try {
    // The parser only fails on impossible dates (e.g. 30 February) when it looks for an occurrence.
    CronExpressionParser.parse(fields.join(" "), { currentDate: new Date(0), tz: "UTC" }).next();
    return null;
  } catch (err) {
    return `Invalid cron expression "${expression}": ${err instanceof Error ? err.message : String(err)}`;
  }
}

export const ZCadence = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("weekly"),
    weekday: z.int().min(1, "Weekday must be 1 (Monday) to 7 (Sunday)").max(7, "Weekday must be 1 (Monday) to 7 (Sunday)"),
  }),
  z.object({ kind: z.literal("monthly"), day: ZDayOfMonth }),
  z.object({
    kind: z.literal("quarterly"),
    month: z.int().min(1, "Month within the quarter must be 1, 2 or 3").max(3, "Month within the quarter must be 1, 2 or 3"),
    day: ZDayOfMonth,
  }),
  z.object({
    kind: z.literal("cron"),
    expression: z.string().superRefine((expression, ctx) => {
      const problem = cronExpressionProblem(expression);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  }),
]);
export type TCadence = z.infer<typeof ZCadence>;

/** What a checklist stores: its cadence plus the time zone due dates are computed in. */
export const ZSchedule = z.object({ cadence: ZCadence, timeZone: ZTimeZone });
export type TSchedule = z.infer<typeof ZSchedule>;
