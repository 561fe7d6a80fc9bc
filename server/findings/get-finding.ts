import "server-only";
import { readPool } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import type { TFindingDetail, THistoryEntry, TOutboxEntry } from "./findings.types";
import { toListItem } from "./list-findings";
import { LIST_FROM, listColumnsSql } from "./query-sql";

const RELATED_LIMIT = 20;
const HISTORY_LIMIT = 200;

/** One finding with everything the detail drawer shows. */
export async function getFinding(id: string, now = new Date()): Promise<TFindingDetail> {
  const pool = readPool();
  const nowIso = now.toISOString();
  const { rows: [row] } = await pool.query(
    `SELECT ${listColumnsSql("$2::timestamp")}, f.description, f."productArn", f."generatorId", f."guardDutyId", f."complianceStatus",
       f."awsCreatedAt", f."awsUpdatedAt", f."suppressionReason", f.note, f.raw, a."ouId", o.name AS "ouName",
       r.id AS "ruleId", r.name AS "ruleName"
     FROM ${LIST_FROM} LEFT JOIN organizational_units o ON o.id = a."ouId" LEFT JOIN suppression_rules r ON r.id = f."suppressionRuleId"
     WHERE f.id = $1`,
    [id, nowIso],
  );
  if (!row) throw new AppError("NOT_FOUND", `No finding with id "${id.slice(0, 60)}".`);

  const related = (where: string, value: unknown) =>
    pool.query(`SELECT ${listColumnsSql("$3::timestamp")} FROM ${LIST_FROM} WHERE ${where} = $1 AND f.id <> $2
      ORDER BY f.severity, f."lastObservedAt" DESC LIMIT ${RELATED_LIMIT}`, [value, id, nowIso]);
  const [history, sameResource, sameControl, outbox] = await Promise.all([
    pool.query(`SELECT h.id::text, h.at, h.origin, h.changes, u.id AS "actorId", u.email AS "actorEmail"
      FROM finding_history h LEFT JOIN users u ON u.id = h."actorId" WHERE h."findingId" = $1 ORDER BY h.at DESC, h.id DESC LIMIT ${HISTORY_LIMIT}`, [id]),
    row.resourceId ? related(`f."resourceId"`, row.resourceId) : Promise.resolve({ rows: [] }),
    row.controlId ? related(`f."controlId"`, row.controlId) : Promise.resolve({ rows: [] }),
    pool.query(`SELECT id::text, kind, state, attempts, "lastError", "createdAt", "sentAt" FROM outbox_items WHERE "findingId" = $1 ORDER BY id DESC LIMIT 20`, [id]),
  ]);

  return {
    ...toListItem(row),
    description: row.description ?? null,
    productArn: row.productArn ?? null,
    generatorId: row.generatorId ?? null,
    guardDutyId: row.guardDutyId ?? null,
    complianceStatus: row.complianceStatus ?? null,
    awsCreatedAt: (row.awsCreatedAt as Date).toISOString(),
    awsUpdatedAt: (row.awsUpdatedAt as Date).toISOString(),
    suppressionReason: row.suppressionReason ?? null,
    suppressionRule: row.ruleId ? { id: row.ruleId, name: row.ruleName } : null,
    note: row.note ?? null,
    ouId: row.ouId ?? null,
    ouName: row.ouName ?? null,
    raw: row.raw,
    history: history.rows.map((h): THistoryEntry => ({
      id: h.id,
      at: (h.at as Date).toISOString(),
      origin: h.origin,
      actor: h.actorId ? { id: h.actorId, email: h.actorEmail } : null,
      changes: h.changes ?? {},
    })),
    related: { sameResource: sameResource.rows.map(toListItem), sameControl: sameControl.rows.map(toListItem) },
    outbox: outbox.rows.map((o): TOutboxEntry => ({
      id: o.id, kind: o.kind, state: o.state, attempts: o.attempts, lastError: o.lastError ?? null,
      createdAt: (o.createdAt as Date).toISOString(), sentAt: o.sentAt ? (o.sentAt as Date).toISOString() : null,
    })),
  };
}
