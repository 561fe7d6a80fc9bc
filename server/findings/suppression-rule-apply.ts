import "server-only";
import type { PoolClient } from "pg";
import type { TAuditEntry } from "@/server/audit/record-audit";
import { readPool, withBulkTransaction } from "@/server/db-pool";
import { requestOutboxDrain } from "@/server/sync/request-outbox-drain";
import { SqlParams } from "./query-sql";
import { criteriaSql, storedCriteria } from "./suppression-criteria";
import { applyTriageInTransaction, type TTriageContext, type TTriageResult } from "./triage";
import type { TSuppressionCriteria } from "./triage-settings.types";

// How a rule reaches findings. Every change goes through applyTriageInTransaction (history, audit,
// write-back outbox in one statement); rows are locked and their state checked again in the same
// transaction, so a finding an analyst changed a moment ago is not overwritten.

const BATCH = 1_000;

/** Findings changed and findings with a write-back queued, summed over the statements of one change. */
export type TApplied = { affected: number; writeBack: number };
const NONE: TApplied = { affected: 0, writeBack: 0 };
const add = (a: TApplied, b: TTriageResult | TApplied): TApplied => ({ affected: a.affected + b.affected, writeBack: a.writeBack + b.writeBack });

/** After the transaction committed: wake the outbox drain when something is to be written back (never fails). */
export async function wakeOutbox(...applied: TApplied[]): Promise<void> {
  if (applied.some((a) => a.writeBack > 0)) await requestOutboxDrain();
}

/** A finding a rule may suppress: active and still in the queue. */
export const CANDIDATE_SQL = `f."recordState" = 'ACTIVE' AND f."workflowStatus" IN ('NEW', 'NOTIFIED')`;

/**
 * A finding someone took out of this rule's suppression by hand (set it to NEW, NOTIFIED, resolved it …)
 * is theirs from then on: the rule does not suppress it again at the next sync.
 */
function notReleasedByUser(ruleParam: string): string {
  return `NOT EXISTS (SELECT 1 FROM finding_history h WHERE h."findingId" = f.id AND h.origin = 'user' AND h.changes->'suppressionRuleId'->>'from' = ${ruleParam})`;
}

export type TRuleRow = { id: string; name: string; reason: string; criteria: TSuppressionCriteria; expiresAt: Date | null; enabled: boolean };

/** The columns of a rule read inside a transaction (the bulk pool does not parse timestamps as UTC: read them as text). */
export const RULE_COLUMNS = `id, name, reason, criteria, enabled, to_char("expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "expiresAt"`;

export type TStoredRule = { id: string; name: string; reason: string; criteria: unknown; enabled: boolean; expiresAt: string | null };

export function toRuleRow(row: TStoredRule): TRuleRow | null {
  const criteria = storedCriteria(row.criteria);
  if (!criteria) return null;
  return { id: row.id, name: row.name, reason: row.reason, criteria, enabled: row.enabled, expiresAt: row.expiresAt ? new Date(row.expiresAt) : null };
}

function candidatesSql(rule: TRuleRow, p: SqlParams, ids: string[] | null): string {
  const only = ids ? `f.id = ANY(${p.add(ids, "::text[]")}) AND ` : "";
  return `SELECT f.id FROM findings f WHERE ${only}${CANDIDATE_SQL} AND ${criteriaSql(rule.criteria, p)} AND ${notReleasedByUser(p.add(rule.id))}`;
}

function suppressChange(rule: TRuleRow) {
  return { action: "suppress" as const, reason: rule.reason, until: rule.expiresAt?.toISOString() ?? null, ruleId: rule.id };
}

/**
 * Candidates among `ids`, locked in id order (the same order as every triage statement, so two
 * writers cannot deadlock), their state checked again under the lock.
 */
async function lockCandidates(client: PoolClient, rule: TRuleRow, ids: string[]): Promise<string[]> {
  const p = new SqlParams();
  const { rows } = await client.query<{ id: string }>(`${candidatesSql(rule, p, ids)} ORDER BY f.id FOR UPDATE OF f`, p.values);
  return rows.map((r) => r.id);
}

/** Up to BATCH candidates, in no particular order: no ORDER BY, so the planner can start from the most selective index. */
async function findCandidates(client: PoolClient | ReturnType<typeof readPool>, rule: TRuleRow): Promise<string[]> {
  const p = new SqlParams();
  const { rows } = await client.query<{ id: string }>(`${candidatesSql(rule, p, null)} LIMIT ${BATCH}`, p.values);
  return rows.map((r) => r.id);
}

/** Suppresses every candidate the rule matches, in the caller's transaction. */
export async function suppressMatchingInTransaction(client: PoolClient, rule: TRuleRow, context: TTriageContext): Promise<TApplied> {
  let total = NONE;
  for (;;) {
    const found = await findCandidates(client, rule);
    if (found.length === 0) return total;
    total = add(total, await applyTriageInTransaction(client, await lockCandidates(client, rule, found), suppressChange(rule), context));
    if (found.length < BATCH) return total;
  }
}

/** Findings the rule suppresses now (optionally only those its criteria no longer match), locked. */
export async function coveredIdsInTransaction(client: PoolClient, ruleId: string, notMatching?: TSuppressionCriteria): Promise<string[]> {
  const p = new SqlParams();
  const outside = notMatching ? ` AND NOT (${criteriaSql(notMatching, p)})` : "";
  const { rows } = await client.query<{ id: string }>(
    `SELECT f.id FROM findings f WHERE f."suppressionRuleId" = ${p.add(ruleId)} AND f."workflowStatus" = 'SUPPRESSED'${outside} ORDER BY f.id FOR UPDATE OF f`, p.values);
  return rows.map((r) => r.id);
}

/** Runs a triage change over many ids in chunks (one statement per chunk), in the caller's transaction. */
export async function applyInChunks(client: PoolClient, ids: string[], change: Parameters<typeof applyTriageInTransaction>[2], context: TTriageContext): Promise<TApplied> {
  let total = NONE;
  for (let i = 0; i < ids.length; i += BATCH) total = add(total, await applyTriageInTransaction(client, ids.slice(i, i + BATCH), change, context));
  return total;
}

/** Re-applies the rule's (new) reason and expiry to the findings it suppresses. */
export async function refreshCoveredInTransaction(client: PoolClient, rule: TRuleRow, context: TTriageContext): Promise<TApplied> {
  return applyInChunks(client, await coveredIdsInTransaction(client, rule.id), suppressChange(rule), context);
}

/** The audit entry of a rule change, in the same transaction as the change (record-audit.ts's shape, on a pg client). */
export async function recordAuditInTransaction(client: PoolClient, entry: TAuditEntry): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await client.query(
    `INSERT INTO audit_log ("actorId", "actorEmail", action, "targetType", "targetId", before, after, ip, "userAgent") VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
    [entry.actor?.id ?? null, entry.actor?.email ?? entry.actorEmail ?? null, entry.action, entry.target?.type ?? null, entry.target?.id ?? null,
      json(entry.before), json(entry.after), entry.ip ?? null, entry.userAgent ?? null],
  );
}

const SYSTEM: TTriageContext = { actor: null, origin: "system", auditAction: "finding.suppress.rule" };

/**
 * Applies every enabled, unexpired rule to matching findings not yet suppressed: how rules reach
 * findings that arrive (or come back) after the rule was made. Run after every sync and on the worker's
 * schedule. When nothing new matches it costs one indexed query per rule; a rule that matches is applied
 * in its own transaction, with the rule and the rows locked and checked again.
 */
export async function applySuppressionRules(now = new Date()): Promise<{ rules: number; suppressed: number }> {
  const { rows } = await readPool().query<TStoredRule>(
    `SELECT ${RULE_COLUMNS} FROM suppression_rules WHERE enabled AND ("expiresAt" IS NULL OR "expiresAt" > $1::timestamp) ORDER BY "createdAt", id`,
    [now.toISOString()],
  );
  let total = NONE;
  let rules = 0;
  for (const row of rows) {
    const rule = toRuleRow(row);
    if (!rule) {
      console.error(`[suppression] rule ${row.id} has criteria that are not valid any more; skipped`);
      continue;
    }
    rules++;
    for (;;) {
      const found = await findCandidates(readPool(), rule);
      if (found.length === 0) break;
      const applied = await withBulkTransaction(async (client) => {
        const live = await client.query(`SELECT 1 FROM suppression_rules WHERE id = $1 AND enabled AND ("expiresAt" IS NULL OR "expiresAt" > $2::timestamp) FOR SHARE`, [rule.id, now.toISOString()]);
        if (live.rowCount === 0) return null;
        return applyTriageInTransaction(client, await lockCandidates(client, rule, found), suppressChange(rule), SYSTEM);
      });
      if (applied === null) break;
      total = add(total, applied);
      if (found.length < BATCH) break;
    }
  }
  await wakeOutbox(total);
  return { rules, suppressed: total.affected };
}
