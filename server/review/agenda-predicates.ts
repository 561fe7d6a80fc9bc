import "server-only";
import { REVIEW_FINDING_SECTIONS, type TReviewFindingSection } from "@/server/findings/findings.types";
import type { TAgenda } from "./review.types";

// What each finding section of the weekly review counts, as one SQL condition over `findings f`: the agenda builder
// (agenda.ts) counts with it and the findings list's review filter (query-sql.ts) lists with it, so the number on the
// agenda and the list behind it cannot drift apart. The recorded window [from, to) is on Kanshi's own clock (first
// sight = findings."createdAt", transitions = finding_history.at). Status and record conditions are part of the
// section's definition: the list's own status / record defaults must not narrow it (the links set them to "all").

/**
 * SQL expressions for the window's bounds: placeholders of the caller's parameters, or subqueries of the review row.
 * Functions, called only for a bound a section uses (PostgreSQL refuses a parameter the statement never mentions).
 */
export type TWindowSql = { from: () => string; to: () => string };

const quoted = (states: readonly string[]) => states.map((s) => `'${s}'`).join(", ");

/** Findings whose workflow status moved from one of `fromStates` (any when null) to one of `toStates` in the window. */
function transition(fromStates: readonly string[] | null, toStates: readonly string[], w: TWindowSql): string {
  const fromSql = fromStates ? ` AND h.changes->'workflowStatus'->>'from' IN (${quoted(fromStates)})` : "";
  return `f.id IN (SELECT h."findingId" FROM finding_history h WHERE h.at >= ${w.from()} AND h.at < ${w.to()}
    AND h.changes->'workflowStatus'->>'to' IN (${quoted(toStates)})${fromSql})`;
}

/**
 * The condition of a section. The literal severity / status conditions match the partial indexes of the weekly
 * review migration (findings_review_new_idx, findings_review_due_open_idx): keep them as they are.
 */
export function sectionWhere(key: TReviewFindingSection, w: TWindowSql): string {
  switch (key) {
    case "newCriticalHigh":
      return `f.severity IN ('CRITICAL', 'HIGH') AND f."createdAt" >= ${w.from()} AND f."createdAt" < ${w.to()}`;
    case "reopened":
      return transition(["RESOLVED", "SUPPRESSED"], ["NEW", "NOTIFIED"], w);
    case "resolved":
      return transition(null, ["RESOLVED"], w);
    case "newlyOverdue":
      return `f."workflowStatus" IN ('NEW', 'NOTIFIED') AND f."recordState" = 'ACTIVE' AND f."dueAt" >= ${w.from()} AND f."dueAt" < ${w.to()}`;
    case "suppressionsExpiring": {
      // expiring within 14 days after the period
      const to = w.to();
      return `f."workflowStatus" = 'SUPPRESSED' AND f."suppressedUntil" >= ${to} AND f."suppressedUntil" < (${to} + interval '14 days')`;
    }
  }
}

/** The order of a section's first items on the agenda (one an index gives, no sort of every match). */
export const SECTION_ORDER: Record<TReviewFindingSection, string> = {
  newCriticalHigh: `f."createdAt" DESC, f.id DESC`,
  reopened: `CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END, f.id`,
  resolved: `CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END, f.id`,
  newlyOverdue: `f."dueAt" DESC, f.id DESC`,
  suppressionsExpiring: `f."suppressedUntil", f.id`,
};

/**
 * The recorded window of a stored review, read by the statement itself (`id` registers the review id as a parameter): each
 * bound is an uncorrelated subquery, computed once, which indexes on the bounded columns can use.
 */
export function reviewWindowSql(id: () => string): TWindowSql {
  return {
    from: () => `(SELECT r."recordedFrom" FROM reviews r WHERE r.id = ${id()})`,
    to: () => `(SELECT r."recordedTo" FROM reviews r WHERE r.id = ${id()})`,
  };
}

export function isFindingSection(key: string): key is TReviewFindingSection {
  return (REVIEW_FINDING_SECTIONS as readonly string[]).includes(key);
}

/** The findings list behind a section's count: exactly what it counts (any severity, status and record state). */
export function reviewSectionHref(reviewId: string, key: TReviewFindingSection): string {
  const params = new URLSearchParams({ review: reviewId, reviewSection: key, severity: "all", status: "all", record: "all" });
  return `/findings?${params}`;
}

/**
 * The agenda with each finding section linking to the list of exactly what it counts. Agendas stored before the
 * review filter existed link to approximate lists (all CRITICAL/HIGH, all resolved …): they are shown with these links,
 * and the stored agenda is left as it is (a final review is immutable).
 */
export function withSectionLinks(agenda: TAgenda, reviewId: string): TAgenda {
  return { ...agenda, sections: agenda.sections.map((s) => (isFindingSection(s.key) ? { ...s, href: reviewSectionHref(reviewId, s.key) } : s)) };
}
