import "server-only";
import { AppError } from "@/server/http/app-error";
import { reviewWindowSql, sectionWhere } from "@/server/review/agenda-predicates";
import { standardWhere } from "./standard-sql";
import { SEVERITIES } from "./severity.types";
import type { TFindingFilter, TPaging } from "./filters";

/** Positional parameters ($1, $2 …) collected while a statement is built. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ""): string {
    // Dates as UTC ISO text: timestamp columns hold UTC wall time, whatever the process's time zone.
    this.values.push(value instanceof Date ? value.toISOString() : value);
    return `$${this.values.length}${cast}`;
  }
}

const DAY_MS = 86_400_000;
/** Open = the SLA still runs: active and not resolved or suppressed. */
export const OPEN_SQL = `f."recordState" = 'ACTIVE' AND f."workflowStatus" IN ('NEW', 'NOTIFIED')`;
export const DUE_KEY = `COALESCE(f."dueAt", 'infinity'::timestamp)`;

/**
 * Closed within [from, to] (either may be absent, both inclusive): a range of findings."closedAt", when the finding last
 * went from open to resolved, suppressed or archived (or arrived closed), null while it is open. The findings_closed_at
 * trigger keeps it on every write (migration 20261127160000_finding_closed_at) and the overview's daily summary
 * (server/overview/snapshot-findings-summary.ts) counts the same column, so its "closed per week" and MTTR figures equal
 * the lists they link to. Read from the partial index findings_closed_at_idx (close time, id, with severity, status and
 * due date included).
 */
function closedSql(filter: TFindingFilter, p: SqlParams): string {
  return [
    `f."closedAt" IS NOT NULL`,
    filter.closedFrom ? `f."closedAt" >= ${p.add(filter.closedFrom, "::timestamp")}` : null,
    filter.closedTo ? `f."closedAt" <= ${p.add(filter.closedTo, "::timestamp")}` : null,
  ].filter(Boolean).join(" AND ");
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The WHERE clause of a filter over `findings f`. `userId` resolves owner=me; `now` is the SLA
 * clock. `omit` leaves out one part (the severity chips count without the severity filter).
 */
export function filterSql(filter: TFindingFilter, p: SqlParams, context: { userId: string; now: Date; omit?: "severity" }): string {
  const where: string[] = [];
  const inList = (column: string, values: string[] | undefined, cast = "text[]") => {
    if (!values) return;
    // One value as "=": PostgreSQL then reads an index on (column, sort key) in order.
    if (values.length === 1) where.push(`${column} = ${p.add(values[0], `::${cast.slice(0, -2)}`)}`);
    else where.push(`${column} = ANY(${p.add(values, `::${cast}`)})`);
  };
  if (context.omit !== "severity") inList(`f.severity`, filter.severity, `"Severity"[]`);
  inList(`f."workflowStatus"`, filter.status, `"WorkflowStatus"[]`);
  if (filter.record) where.push(`f."recordState" = ${p.add(filter.record, `::"RecordState"`)}`);
  inList(`f.source`, filter.source, `"FindingSource"[]`);
  inList(`f."productName"`, filter.product);
  inList(`f."awsAccountId"`, filter.account, "varchar[]");
  inList(`f.region`, filter.region);
  inList(`f."resourceType"`, filter.resourceType);
  inList(`f."controlId"`, filter.control);
  inList(`f."writeBack"`, filter.writeBack, `"WriteBackState"[]`);
  inList(`f."complianceStatus"`, filter.compliance);
  if (filter.ou) {
    where.push(`f."awsAccountId" IN (SELECT a.id FROM aws_accounts a WHERE a."ouId" IN (
      WITH RECURSIVE t AS (SELECT id FROM organizational_units WHERE id = ANY(${p.add(filter.ou, "::text[]")})
        UNION SELECT o.id FROM organizational_units o JOIN t ON o."parentId" = t.id)
      SELECT id FROM t))`);
  }
  if (filter.standard) {
    where.push(standardWhere(`f."standards"`, filter.standard, (v) => p.add(v)));
  }
  if (filter.owner?.kind === "me") where.push(`f."ownerId" = ${p.add(context.userId)}`);
  if (filter.owner?.kind === "none") where.push(`f."ownerId" IS NULL`);
  if (filter.owner?.kind === "user") where.push(`f."ownerId" = ${p.add(filter.owner.id)}`);
  if (filter.sla) {
    const now = p.add(context.now, "::timestamp");
    where.push(OPEN_SQL);
    // On the due key (the same for a finite range), so the (…, due key, id) indexes serve it.
    where.push(filter.sla === "overdue" ? `${DUE_KEY} < ${now}` : `${DUE_KEY} >= ${now} AND ${DUE_KEY} < ${p.add(new Date(context.now.getTime() + 7 * DAY_MS), "::timestamp")}`);
  }
  if (filter.firstSeenFrom) where.push(`f."firstObservedAt" >= ${p.add(filter.firstSeenFrom, "::timestamp")}`);
  if (filter.firstSeenTo) where.push(`f."firstObservedAt" <= ${p.add(filter.firstSeenTo, "::timestamp")}`);
  if (filter.lastSeenFrom) where.push(`f."lastObservedAt" >= ${p.add(filter.lastSeenFrom, "::timestamp")}`);
  if (filter.lastSeenTo) where.push(`f."lastObservedAt" <= ${p.add(filter.lastSeenTo, "::timestamp")}`);
  if (filter.closedFrom || filter.closedTo) where.push(closedSql(filter, p));
  // The review's own condition over its stored window (an unknown review matches nothing; list-findings.ts says so).
  const review = filter.review;
  if (review) where.push(`(${sectionWhere(review.section, reviewWindowSql(() => p.add(review.id, "::text")))})`);
  if (filter.q) {
    const pattern = p.add(`%${escapeLike(filter.q)}%`);
    where.push(`(f.title ILIKE ${pattern} OR f."resourceId" ILIKE ${pattern} OR f."externalId" ILIKE ${pattern})`);
  }
  if (filter.suppressionExpired !== undefined) where.push(filter.suppressionExpired ? `f."suppressionExpiredAt" IS NOT NULL` : `f."suppressionExpiredAt" IS NULL`);
  return where.length ? where.join(" AND ") : "TRUE";
}

type TKeyPart = { expr: string; cast: string; from: (row: Record<string, unknown>) => unknown };
const ID: TKeyPart = { expr: "f.id", cast: "::text", from: (r) => r.id };
const DUE: TKeyPart = { expr: DUE_KEY, cast: "::timestamp", from: (r) => r.dueKey };

const SORTS: Record<TPaging["sort"], TKeyPart[]> = {
  due: [DUE, ID],
  severity: [{ expr: "f.severity", cast: `::"Severity"`, from: (r) => r.severity }, DUE, ID],
  age: [{ expr: `f."firstObservedAt"`, cast: "::timestamp", from: (r) => r.firstObservedAt }, ID],
  lastSeen: [{ expr: `f."lastObservedAt"`, cast: "::timestamp", from: (r) => r.lastObservedAt }, ID],
};

/** The sort key expressions of a sort, in order (the last is the id). */
export function sortKeys(paging: TPaging): string[] {
  return SORTS[paging.sort].map((k) => k.expr);
}

/** ORDER BY and the keyset condition after `cursor`. */
export function keysetSql(paging: TPaging, p: SqlParams): { orderBy: string; after: string } {
  const parts = SORTS[paging.sort];
  const dir = paging.dir === "desc" ? "DESC" : "ASC";
  const orderBy = parts.map((k) => `${k.expr} ${dir}`).join(", ");
  if (!paging.cursor) return { orderBy, after: "TRUE" };
  const values = decodeCursor(paging.cursor, parts);
  const placeholders = parts.map((k, i) => p.add(values[i], k.cast));
  return { orderBy, after: `(${parts.map((k) => k.expr).join(", ")}) ${dir === "ASC" ? ">" : "<"} (${placeholders.join(", ")})` };
}

/** The cursor of the row after which the next page starts. */
export function cursorOf(paging: TPaging, row: Record<string, unknown>): string {
  const values = SORTS[paging.sort].map((k) => {
    const v = k.from(row);
    return v instanceof Date ? (Number.isFinite(v.getTime()) ? v.toISOString() : "infinity") : v === null || v === undefined ? null : String(v);
  });
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

const CURSOR_VALUE: Record<string, (v: string) => boolean> = {
  "::timestamp": (v) => /^-?infinity$/i.test(v) || (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) && !Number.isNaN(Date.parse(v))),
  [`::"Severity"`]: (v) => (SEVERITIES as readonly string[]).includes(v),
  "::text": (v) => v.length > 0 && v.length <= 64,
};

function decodeCursor(cursor: string, parts: TKeyPart[]): string[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(values) && values.length === parts.length && values.every((v, i) => typeof v === "string" && CURSOR_VALUE[parts[i]!.cast]?.(v))) {
      return values as string[];
    }
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", "The cursor is not valid for this sort; reload the list from the start.");
}

/** The SELECT list of a finding list item (with `a` = account, `u` = owner joined). */
export function listColumnsSql(now: string): string {
  return `f.id, f."externalId", f.title, f.severity, f."workflowStatus", f."recordState", f.source, f."productName",
    f."awsAccountId", a.name AS "accountName", f.region, f."resourceType", f."resourceId", f."controlId",
    u.id AS "ownerId", u.email AS "ownerEmail", u.name AS "ownerName",
    f."dueAt", ${DUE_KEY} AS "dueKey", f."firstObservedAt", f."lastObservedAt", f."suppressedUntil", f."suppressionExpiredAt",
    f."writeBack", f."writeBackError",
    CASE WHEN f."dueAt" IS NULL OR NOT (${OPEN_SQL}) THEN 'none'
      WHEN f."dueAt" < ${now} THEN 'overdue'
      WHEN f."dueAt" < ${now} + interval '7 days' THEN 'dueSoon' ELSE 'ok' END AS sla`;
}

export const LIST_FROM = `findings f LEFT JOIN aws_accounts a ON a.id = f."awsAccountId" LEFT JOIN users u ON u.id = f."ownerId"`;
