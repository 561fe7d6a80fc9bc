import "server-only";
import { loadInventory } from "@/server/checklists/eol/inventory";
import { listChecklists } from "@/server/checklists/recurring/checklists";
import { getSnapshotScores } from "@/server/compliance/get-snapshot-scores";
import { readPool } from "@/server/db-pool";
import { REVIEW_FINDING_SECTIONS, type TReviewFindingSection } from "@/server/findings/findings.types";
import { SqlParams } from "@/server/findings/query-sql";
import { reviewSectionHref, sectionWhere, SECTION_ORDER } from "./agenda-predicates";
import { AGENDA_ITEM_CAP, type TAgenda, type TAgendaWindow, type TAgendaItem, type TAgendaSection } from "./review.types";

// The weekly review's agenda for [start, end): what changed in the findings (from Kanshi's own record of
// them: first sight = findings."createdAt", transitions = finding_history.at, both indexed) and the state
// of EOL, patching, recurring checklists and compliance scores at the end. Each finding section is one indexed
// condition (agenda-predicates.ts) counted and listed.

type TFindingRow = { id: string; title: string; severity: string; awsAccountId: string };

const findingItem = (r: TFindingRow): TAgendaItem => ({ id: r.id, title: r.title, detail: `${r.severity} · ${r.awsAccountId}`, facts: { severity: r.severity, accountId: r.awsAccountId }, href: `/findings?finding=${encodeURIComponent(r.id)}&status=all` });
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A section of findings: the count, and the first items in an order an index gives (no sort of every match). The
 * condition is the one the findings list's review filter uses (agenda-predicates.ts); the href is the list of exactly
 * these findings when the review's id is known, else null (reviews.ts adds it when the review is read).
 */
async function findingSection(key: TReviewFindingSection, start: Date, end: Date, reviewId: string | null): Promise<TAgendaSection> {
  const p = new SqlParams();
  const where = sectionWhere(key, { from: () => p.add(start, "::timestamp"), to: () => p.add(end, "::timestamp") });
  const [count, items] = await Promise.all([
    readPool().query<{ total: number }>(`SELECT count(*)::int AS total FROM findings f WHERE ${where}`, p.values),
    readPool().query<TFindingRow>(`SELECT f.id, f.title, f.severity, f."awsAccountId" FROM findings f WHERE ${where} ORDER BY ${SECTION_ORDER[key]} LIMIT ${AGENDA_ITEM_CAP}`, p.values),
  ]);
  return { key, count: count.rows[0]?.total ?? 0, href: reviewId ? reviewSectionHref(reviewId, key) : null, items: items.rows.map(findingItem) };
}

async function patchSection(end: Date): Promise<TAgendaSection> {
  const { rows } = await readPool().query<{ day: string; instances: number; compliant: number }>(
    `WITH latest AS (SELECT max(day) AS day FROM patch_snapshots WHERE day <= $1::date),
          before AS (SELECT max(day) AS day FROM patch_snapshots WHERE day <= (SELECT day FROM latest) - 7)
     SELECT to_char(s.day, 'YYYY-MM-DD') AS day, sum(s.instances)::int AS instances, sum(s.compliant)::int AS compliant
     FROM patch_snapshots s WHERE s.day IN ((SELECT day FROM latest), (SELECT day FROM before)) GROUP BY s.day ORDER BY s.day DESC`,
    [day(end)]);
  const pct = (r?: { instances: number; compliant: number }) => (r && r.instances > 0 ? Math.round((1000 * r.compliant) / r.instances) / 10 : null);
  const now = pct(rows[0]);
  const before = rows.length > 1 ? pct(rows[1]) : null;
  const items = rows.map((r) => ({ id: r.day, title: r.day, detail: `${r.compliant}/${r.instances}`, facts: { date: r.day, compliant: r.compliant, instances: r.instances }, href: null }));
  return {
    key: "patches", count: rows[0]?.instances ?? 0, href: "/checklists?tab=patches", items,
    change: { now, before, delta: now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null },
  };
}

async function eolSection(end: Date): Promise<TAgendaSection> {
  const { all } = await loadInventory({ page: 1, pageSize: 50 }, day(end));
  const due = all.filter((r) => r.status === "eol" || r.status === "eol30" || r.status === "eol90");
  return {
    key: "eol", count: due.length, href: "/checklists?tab=eol&status=eol,eol30,eol90",
    items: due.slice(0, AGENDA_ITEM_CAP).map((r) => ({
      id: r.id, title: `${r.productName} ${r.version}`, detail: [r.eolDate, r.accountId].filter(Boolean).join(" · ") || null, facts: { date: r.eolDate, accountId: r.accountId }, href: `/checklists?tab=eol&q=${encodeURIComponent(r.productName)}`,
    })),
  };
}

// The Recurring tab filtered to exactly the items this section counts (state === "overdue").
const CHECKLISTS_OVERDUE_HREF = "/checklists?tab=recurring&state=overdue";

async function checklistSection(end: Date): Promise<TAgendaSection> {
  const checklists = await listChecklists(end);
  const overdue = checklists.flatMap((c) => c.items.filter((i) => i.state === "overdue").map((i) => ({ c, i })));
  return {
    key: "checklists", count: overdue.length, href: CHECKLISTS_OVERDUE_HREF,
    items: overdue.slice(0, AGENDA_ITEM_CAP).map(({ c, i }) => ({ id: i.id, title: `${c.name}: ${i.title}`, detail: `${i.period.due} (+${i.daysOverdue}d)`, facts: { date: i.period.due, daysOverdue: i.daysOverdue }, href: CHECKLISTS_OVERDUE_HREF })),
  };
}

async function complianceSection(end: Date): Promise<TAgendaSection> {
  const scores = await getSnapshotScores({ asOf: day(end) });
  const items = scores.map((s) => {
    const now = s.figures.score;
    const before = s.previous?.figures.score ?? null;
    const delta = now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null;
    return { id: s.standard, title: s.standard, detail: `${now ?? "–"}% (${delta === null ? "–" : delta >= 0 ? `+${delta}` : delta})`, facts: { standard: s.standard, score: now, delta }, href: `/compliance?standard=${s.standard}` };
  });
  const first = scores[0];
  const now = first?.figures.score ?? null;
  const before = first?.previous?.figures.score ?? null;
  return { key: "compliance", count: scores.length, href: "/compliance", items, change: { now, before, delta: now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null } };
}

/**
 * The agenda of a period. `period` is on the source's clock (patch snapshots are keyed by its days);
 * `recorded` is the same period on Kanshi's own clock, which stamps first sight, history, SLA and
 * suppression checks, checklists, EOL and the compliance snapshots.
 */
export async function buildAgenda(window: TAgendaWindow, reviewId: string | null = null): Promise<TAgenda> {
  const { periodStart, periodEnd, recordedFrom: start, recordedTo: end } = window;
  const sections = await Promise.all([
    ...REVIEW_FINDING_SECTIONS.map((key) => findingSection(key, start, end, reviewId)),
    eolSection(end),
    patchSection(periodEnd),
    checklistSection(end),
    complianceSection(end),
  ]);
  return { periodStart: periodStart.toISOString(), periodEnd: periodEnd.toISOString(), builtAt: new Date().toISOString(), sections };
}
