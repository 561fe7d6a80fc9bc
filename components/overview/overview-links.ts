// The lists behind the overview's figures, as findings page URLs. Each link must list exactly the findings its figure
// counts (server/overview/snapshot-findings-summary.ts): server/findings/closed-filter.test.ts checks them against the
// summary. Pure: used by the overview's components and by tests.
import { closedFindingsHref } from "@/components/findings/filter-query";

const DAY_MS = 86_400_000;
const ALL = "severity=all&status=all&record=all";

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The findings first seen in the week (Monday to Sunday, UTC): the summary's "opened". */
export const openedHref = (week: string) => `/findings?${ALL}&firstSeenFrom=${week}&firstSeenTo=${addDays(week, 6)}`;

/** The findings closed in the week, of one severity or all: the summary's "closed" (and the MTTR's count). */
export const closedHref = (week: string, severity = "all") => closedFindingsHref(week, addDays(week, 6), severity);

/** The findings behind the MTTR tile: closed in the 30 days up to the summary's latest day. */
export const mttrHref = (asOf: string, severity: string) => closedFindingsHref(addDays(asOf, -29), asOf, severity);

/** Open findings past their due date, any severity (the SLA breaches tile). */
export const slaBreachesHref = () => "/findings?severity=all&sla=overdue";

export const AGE_BUCKETS = ["age0to7", "age8to30", "age31to90", "ageOver90"] as const;
export type TAgeBucket = (typeof AGE_BUCKETS)[number];
const AGE_RANGES: Record<TAgeBucket, [minDays: number, maxDays: number | null]> = { age0to7: [0, 8], age8to30: [8, 31], age31to90: [31, 91], ageOver90: [91, null] };

/**
 * The findings behind an age bucket: open findings of the severity first seen in the bucket's range, counted back from
 * the instant the summary refers to (`refAt`) as the summary does: age = refAt − first seen, a bucket is [min, max)
 * days, so first seen is in (refAt − max days, refAt − min days] (from + 1 ms: the filter's bound is inclusive).
 */
export function ageHref(severity: string, bucket: TAgeBucket, refAt: string): string {
  const [minDays, maxDays] = AGE_RANGES[bucket];
  const ref = Date.parse(refAt);
  const iso = (ms: number) => new Date(ms).toISOString();
  const from = maxDays === null ? "" : `&firstSeenFrom=${iso(ref - maxDays * DAY_MS + 1)}`;
  return `/findings?severity=${severity}${from}&firstSeenTo=${iso(ref - minDays * DAY_MS)}`;
}
