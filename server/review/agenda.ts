import "server-only";
import { loadInventory } from "@/server/checklists/eol/inventory";
import { listChecklists } from "@/server/checklists/recurring/checklists";
import { getSnapshotScores } from "@/server/compliance/get-snapshot-scores";
import { readPool } from "@/server/db-pool";
import { AGENDA_ITEM_CAP, type TAgenda, type TAgendaWindow, type TAgendaItem, type TAgendaSection } from "./review.types";

// The weekly review's agenda for [start, end): what changed in the findings (from Kanshi's own record of
// them: first sight = findings."createdAt", transitions = finding_history.at, both indexed) and the state
// of EOL, patching, recurring checklists and compliance scores at the end. Each section is one indexed
// query that returns its count and its first items together.

const DAY = 86_400_000;

type TFindingRow = { id: string; title: string; severity: string; awsAccountId: string };

const findingItem = (r: TFindingRow): TAgendaItem => ({ id: r.id, title: r.title, detail: `${r.severity} · ${r.awsAccountId}`, href: `/findings?finding=${encodeURIComponent(r.id)}&status=all` });
const day = (d: Date) => d.toISOString().slice(0, 10);
const SEVERITY_ORDER = `CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END`;

/** A section of findings: the count, and the first items in an order an index gives (no sort of every match). */
async function findingSection(key: TAgendaSection["key"], where: string, params: unknown[], order: string, href: string): Promise<TAgendaSection> {
  const [count, items] = await Promise.all([
    readPool().query<{ total: number }>(`SELECT count(*)::int AS total FROM findings f WHERE ${where}`, params),
    readPool().query<TFindingRow>(`SELECT f.id, f.title, f.severity, f."awsAccountId" FROM findings f WHERE ${where} ORDER BY ${order} LIMIT ${AGENDA_ITEM_CAP}`, params),
  ]);
  return { key, count: count.rows[0]?.total ?? 0, href, items: items.rows.map(findingItem) };
}

/** Findings whose workflow status moved from one of `fromStates` (any when null) to one of `toStates` in the period, each once. */
async function transitionSection(key: TAgendaSection["key"], fromStates: string[] | null, toStates: string[], start: Date, end: Date, href: string) {
  const quoted = (states: string[]) => states.map((s) => `'${s}'`).join(", ");
  const fromSql = fromStates ? ` AND h.changes->'workflowStatus'->>'from' IN (${quoted(fromStates)})` : "";
  return findingSection(key, `f.id IN (SELECT h."findingId" FROM finding_history h WHERE h.at >= $1 AND h.at < $2
    AND h.changes->'workflowStatus'->>'to' IN (${quoted(toStates)})${fromSql})`, [start, end], `${SEVERITY_ORDER}, f.id`, href);
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
  const items = rows.map((r) => ({ id: r.day, title: r.day, detail: `${r.compliant}/${r.instances}`, href: null }));
  return {
    key: "patches", count: rows[0]?.instances ?? 0, href: "/checklists?tab=patches", items,
    change: { now, before, delta: now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null },
  };
}

async function eolSection(end: Date): Promise<TAgendaSection> {
  const { all } = await loadInventory({ page: 1, pageSize: 50 }, day(end));
  const due = all.filter((r) => r.status === "eol" || r.status === "eol30" || r.status === "eol90");
  return {
    key: "eol", count: due.length, href: "/checklists?tab=eol&status=eol90",
    items: due.slice(0, AGENDA_ITEM_CAP).map((r) => ({
      id: r.id, title: `${r.productName} ${r.version}`, detail: [r.eolDate, r.accountId].filter(Boolean).join(" · ") || null, href: `/checklists?tab=eol&q=${encodeURIComponent(r.productName)}`,
    })),
  };
}

async function checklistSection(end: Date): Promise<TAgendaSection> {
  const checklists = await listChecklists(end);
  const overdue = checklists.flatMap((c) => c.items.filter((i) => i.state === "overdue").map((i) => ({ c, i })));
  return {
    key: "checklists", count: overdue.length, href: "/checklists?tab=recurring",
    items: overdue.slice(0, AGENDA_ITEM_CAP).map(({ c, i }) => ({ id: i.id, title: `${c.name}: ${i.title}`, detail: `${i.period.due} (+${i.daysOverdue}d)`, href: `/checklists?tab=recurring` })),
  };
}

async function complianceSection(end: Date): Promise<TAgendaSection> {
  const scores = await getSnapshotScores({ asOf: day(end) });
  const items = scores.map((s) => {
    const now = s.figures.score;
    const before = s.previous?.figures.score ?? null;
    const delta = now !== null && before !== null ? Math.round((now - before) * 10) / 10 : null;
    return { id: s.standard, title: s.standard, detail: `${now ?? "–"}% (${delta === null ? "–" : delta >= 0 ? `+${delta}` : delta})`, href: `/compliance?standard=${s.standard}` };
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
export async function buildAgenda(window: TAgendaWindow): Promise<TAgenda> {
  const { periodStart, periodEnd, recordedFrom: start, recordedTo: end } = window;
  const expiryEnd = new Date(end.getTime() + 14 * DAY);
  const sections = await Promise.all([
    // The predicates match the partial indexes of the migration (findings_review_new_idx, findings_review_due_open_idx).
    findingSection("newCriticalHigh", `f.severity IN ('CRITICAL', 'HIGH') AND f."createdAt" >= $1 AND f."createdAt" < $2`, [start, end],
      `f."createdAt" DESC, f.id DESC`, "/findings?severity=CRITICAL,HIGH&status=all&record=all"),
    transitionSection("reopened", ["RESOLVED", "SUPPRESSED"], ["NEW", "NOTIFIED"], start, end, "/findings?severity=all&status=NEW,NOTIFIED"),
    transitionSection("resolved", null, ["RESOLVED"], start, end, "/findings?severity=all&status=RESOLVED&record=all"),
    findingSection("newlyOverdue", `f."workflowStatus" IN ('NEW', 'NOTIFIED') AND f."recordState" = 'ACTIVE' AND f."dueAt" >= $1 AND f."dueAt" < $2`, [start, end],
      `f."dueAt" DESC, f.id DESC`, "/findings?severity=all&sla=overdue"),
    findingSection("suppressionsExpiring", `f."workflowStatus" = 'SUPPRESSED' AND f."suppressedUntil" >= $1 AND f."suppressedUntil" < $2`, [end, expiryEnd],
      `f."suppressedUntil"`, "/findings?severity=all&status=SUPPRESSED&record=all"),
    eolSection(end),
    patchSection(periodEnd),
    checklistSection(end),
    complianceSection(end),
  ]);
  return { periodStart: periodStart.toISOString(), periodEnd: periodEnd.toISOString(), builtAt: new Date().toISOString(), sections };
}
