import "server-only";
import { listChecklists } from "@/server/checklists/recurring/checklists";
import type { DbTx } from "@/server/db";

// What a digest contains: new CRITICAL findings, findings (CRITICAL/HIGH) whose SLA due date passed in
// the window and are still open, and recurring checklist items that are overdue, each only once
// (notified_items), and how it reads as plain text, HTML and Slack blocks.

export type TDigestFinding = {
  id: string;
  title: string;
  severity: string;
  awsAccountId: string;
  accountName: string | null;
  region: string;
  dueAt: Date | null;
};
export type TDigestChecklistItem = { itemId: string; checklistName: string; title: string; periodKey: string; due: string; daysOverdue: number };
export type TDigestContent = { newCritical: TDigestFinding[]; overdueFindings: TDigestFinding[]; overdueChecklistItems: TDigestChecklistItem[] };
export type TRenderedDigest = { subject: string; text: string; html: string; blocks: unknown[] };

/** A finding first observed by AWS this long before the window still counts as new when Kanshi first stores it in the window (sync lag). */
const NEW_LOOKBACK_MS = 24 * 3600_000;
/** Items per kind in one digest; the rest wait for the next digest (links lead to the whole list). */
const MAX_ITEMS = 500;
/** Items listed by name per section; the digest links to the full list for the rest. */
const LISTED = 15;

type TRow = TDigestFinding & { accountName: string | null };

async function newCriticalFindings(tx: DbTx, since: Date, now: Date): Promise<TDigestFinding[]> {
  return tx.$queryRaw<TRow[]>`
    SELECT f.id, f.title, f.severity::text AS severity, f."awsAccountId", a.name AS "accountName", f.region, f."dueAt"
    FROM findings f LEFT JOIN aws_accounts a ON a.id = f."awsAccountId"
    WHERE f.severity = 'CRITICAL' AND f."recordState" = 'ACTIVE' AND f."workflowStatus" IN ('NEW', 'NOTIFIED')
      AND f."createdAt" > ${since} AND f."createdAt" <= ${now}
      AND (f."firstObservedAt" IS NULL OR f."firstObservedAt" > ${new Date(since.getTime() - NEW_LOOKBACK_MS)})
      AND NOT EXISTS (SELECT 1 FROM notified_items n WHERE n.kind = 'new-critical' AND n."itemId" = f.id AND n."periodKey" = '')
    ORDER BY f."createdAt", f.id LIMIT ${MAX_ITEMS}`;
}

async function newlyOverdueFindings(tx: DbTx, since: Date, now: Date): Promise<TDigestFinding[]> {
  return tx.$queryRaw<TRow[]>`
    SELECT f.id, f.title, f.severity::text AS severity, f."awsAccountId", a.name AS "accountName", f.region, f."dueAt"
    FROM findings f LEFT JOIN aws_accounts a ON a.id = f."awsAccountId"
    WHERE f.severity IN ('CRITICAL', 'HIGH') AND f."recordState" = 'ACTIVE' AND f."workflowStatus" IN ('NEW', 'NOTIFIED')
      AND f."dueAt" > ${since} AND f."dueAt" <= ${now}
      AND NOT EXISTS (SELECT 1 FROM notified_items n WHERE n.kind = 'finding-overdue' AND n."itemId" = f.id AND n."periodKey" = '')
    ORDER BY f.severity, f."dueAt", f.id LIMIT ${MAX_ITEMS}`;
}

async function overdueChecklistItems(tx: DbTx, now: Date): Promise<TDigestChecklistItem[]> {
  const overdue = (await listChecklists(now)).flatMap((checklist) =>
    checklist.items
      .filter((item) => item.state === "overdue")
      .map((item) => ({ itemId: item.id, checklistName: checklist.name, title: item.title, periodKey: item.period.key, due: item.period.due, daysOverdue: item.daysOverdue })));
  if (overdue.length === 0) return [];
  const seen = await tx.notifiedItem.findMany({
    where: { kind: "checklist-overdue", itemId: { in: overdue.map((i) => i.itemId) } },
    select: { itemId: true, periodKey: true },
  });
  const done = new Set(seen.map((s) => `${s.itemId}|${s.periodKey}`));
  return overdue.filter((i) => !done.has(`${i.itemId}|${i.periodKey}`)).slice(0, MAX_ITEMS);
}

/** The items a digest for (since, now] would announce; empty lists when nothing is new. */
export async function collectDigest(tx: DbTx, since: Date, now: Date): Promise<TDigestContent> {
  return {
    newCritical: await newCriticalFindings(tx, since, now),
    overdueFindings: await newlyOverdueFindings(tx, since, now),
    overdueChecklistItems: await overdueChecklistItems(tx, now),
  };
}

export function itemCount(content: TDigestContent): number {
  return content.newCritical.length + content.overdueFindings.length + content.overdueChecklistItems.length;
}

/** Marks the digest's items as announced, so the next digest leaves them out. */
export async function markNotified(tx: DbTx, digestId: string, content: TDigestContent): Promise<void> {
  await tx.notifiedItem.createMany({
    data: [
      ...content.newCritical.map((f) => ({ kind: "new-critical", itemId: f.id, periodKey: "", digestId })),
      ...content.overdueFindings.map((f) => ({ kind: "finding-overdue", itemId: f.id, periodKey: "", digestId })),
      ...content.overdueChecklistItems.map((i) => ({ kind: "checklist-overdue", itemId: i.itemId, periodKey: i.periodKey, digestId })),
    ],
    skipDuplicates: true,
  });
}

// ---- rendering ----

type TLine = { label: string; detail: string; url: string };
type TSection = { title: string; lines: TLine[]; total: number; listUrl: string; listLabel: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

function sections(content: TDigestContent, consoleUrl: string, since: Date): TSection[] {
  const findingLine = (f: TDigestFinding, due: boolean): TLine => ({
    label: `[${f.severity}] ${f.title}`,
    detail: [`account ${f.awsAccountId}${f.accountName ? ` (${f.accountName})` : ""}`, f.region, ...(due && f.dueAt ? [`due ${day(f.dueAt)}`] : [])].join(" · "),
    url: `${consoleUrl}/findings/${encodeURIComponent(f.id)}`,
  });
  const out: TSection[] = [];
  if (content.newCritical.length) {
    out.push({
      title: `New CRITICAL findings (${content.newCritical.length})`,
      lines: content.newCritical.slice(0, LISTED).map((f) => findingLine(f, false)),
      total: content.newCritical.length,
      listUrl: `${consoleUrl}/findings?severity=CRITICAL&firstSeenFrom=${encodeURIComponent(day(new Date(since.getTime() - NEW_LOOKBACK_MS)))}`,
      listLabel: "All open CRITICAL findings first seen since then",
    });
  }
  if (content.overdueFindings.length) {
    out.push({
      title: `Findings past their SLA (${content.overdueFindings.length})`,
      lines: content.overdueFindings.slice(0, LISTED).map((f) => findingLine(f, true)),
      total: content.overdueFindings.length,
      listUrl: `${consoleUrl}/findings?severity=CRITICAL,HIGH&sla=overdue`,
      listLabel: "All overdue CRITICAL and HIGH findings",
    });
  }
  if (content.overdueChecklistItems.length) {
    out.push({
      title: `Overdue checklist items (${content.overdueChecklistItems.length})`,
      lines: content.overdueChecklistItems.slice(0, LISTED).map((i) => ({
        label: `${i.checklistName}: ${i.title}`,
        detail: `period ${i.periodKey}, due ${day(i.due)}, ${plural(i.daysOverdue, "day", "days")} overdue`,
        url: `${consoleUrl}/checklists`,
      })),
      total: content.overdueChecklistItems.length,
      listUrl: `${consoleUrl}/checklists`,
      listLabel: "Recurring checklists",
    });
  }
  return out;
}

export function subjectOf(content: TDigestContent): string {
  const parts = [
    ...(content.newCritical.length ? [plural(content.newCritical.length, "new CRITICAL finding", "new CRITICAL findings")] : []),
    ...(content.overdueFindings.length ? [plural(content.overdueFindings.length, "finding past its SLA", "findings past their SLA")] : []),
    ...(content.overdueChecklistItems.length ? [plural(content.overdueChecklistItems.length, "overdue checklist item", "overdue checklist items")] : []),
  ];
  return `[Kanshi] ${parts.join(", ")}`;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Slack mrkdwn: &, < and > are control characters. */
const escapeSlack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function renderDigest(content: TDigestContent, options: { consoleUrl: string; since: Date; now: Date }): TRenderedDigest {
  const subject = subjectOf(content);
  const list = sections(content, options.consoleUrl, options.since);
  const window = `${options.since.toISOString()} – ${options.now.toISOString()}`;
  const more = (s: TSection) => s.total - s.lines.length;

  const text = [
    subject,
    `Period: ${window}`,
    ...list.flatMap((s) => [
      "",
      s.title,
      ...s.lines.map((l) => `- ${l.label}\n  ${l.detail}\n  ${l.url}`),
      ...(more(s) > 0 ? [`  …and ${more(s)} more`] : []),
      `${s.listLabel}: ${s.listUrl}`,
    ]),
    "",
    `Kanshi: ${options.consoleUrl}/`,
  ].join("\n");

  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:14px;color:#111">`,
    `<h2 style="font-size:18px">${escapeHtml(subject)}</h2>`,
    `<p style="color:#555">Period: ${escapeHtml(window)}</p>`,
    ...list.map((s) => [
      `<h3 style="font-size:16px">${escapeHtml(s.title)}</h3><ul>`,
      ...s.lines.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a><br><span style="color:#555">${escapeHtml(l.detail)}</span></li>`),
      ...(more(s) > 0 ? [`<li>…and ${more(s)} more</li>`] : []),
      `</ul><p><a href="${escapeHtml(s.listUrl)}">${escapeHtml(s.listLabel)}</a></p>`,
    ].join("")),
    `<p style="color:#555"><a href="${escapeHtml(options.consoleUrl)}/">Kanshi</a></p></body></html>`,
  ].join("\n");

  // Block Kit: a header, then one section per kind (a section's text is at most 3000 characters).
  const blocks: unknown[] = [
    { type: "header", text: { type: "plain_text", text: clip(subject, 150) } },
    { type: "context", elements: [{ type: "mrkdwn", text: escapeSlack(`Period: ${window}`) }] },
  ];
  for (const s of list) {
    const lines: string[] = [];
    let length = 0;
    for (const l of s.lines) {
      const line = `• <${l.url}|${escapeSlack(clip(l.label, 150))}>\n    ${escapeSlack(l.detail)}`;
      if (length + line.length > 2500) break;
      lines.push(line);
      length += line.length + 1;
    }
    const rest = s.total - lines.length;
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: [`*${escapeSlack(s.title)}*`, ...lines, ...(rest > 0 ? [`…and ${rest} more`] : []), `<${s.listUrl}|${escapeSlack(s.listLabel)}>`].join("\n") },
    });
  }
  return { subject, text, html, blocks };
}
