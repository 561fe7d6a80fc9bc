import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { z } from "zod";
import type { TSessionUser } from "@/server/auth/roles.types";
import { readPool, withBulkTransaction } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import { SqlParams } from "./query-sql";
import { criteriaSql, parseCriteria, storedCriteria, unknownOusSql } from "./suppression-criteria";
import {
  applyInChunks, CANDIDATE_SQL, coveredIdsInTransaction, recordAuditInTransaction, refreshCoveredInTransaction, RULE_COLUMNS,
  suppressMatchingInTransaction, toRuleRow, wakeOutbox, type TRuleRow, type TStoredRule,
} from "./suppression-rule-apply";
import type { TTriageContext } from "./triage";
import {
  RULE_LIMITS, type TDeleteSuppressionRuleResponse, type TSuppressionCriteria, type TSuppressionRule, type TSuppressionRuleChangeResponse,
} from "./triage-settings.types";

export { applySuppressionRules } from "./suppression-rule-apply";

export type TRuleActor = { user: TSessionUser; ip?: string | null; userAgent?: string | null };

const FIELDS = ["name", "reason", "criteria", "expiresAt", "enabled"] as const;
const text = (max: number) => z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a text") })
  .trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const ZFields = z.object({
  name: text(RULE_LIMITS.name),
  reason: text(RULE_LIMITS.reason),
  criteria: z.unknown(),
  expiresAt: z.string({ message: "must be a date (YYYY-MM-DD) or null" }).max(40, "must be a date (YYYY-MM-DD) or null").nullable().optional(),
  enabled: z.boolean({ message: "must be true or false" }).optional(),
}).strict();

function describe(error: z.ZodError, fields: readonly string[] = FIELDS): string {
  return error.issues.slice(0, 3).map((i) => {
    if (i.code === "unrecognized_keys") return `unknown field "${String(i.keys[0]).slice(0, 40)}" (use ${fields.join(", ")})`;
    return i.path.length ? `${i.path.join(".")} ${i.message}` : "the body must be a JSON object";
  }).join("; ");
}

/** YYYY-MM-DD (the end of that day, UTC) or an ISO date-time, in the future; null or "" = no expiry. */
function parseExpiry(value: string | null | undefined, now: Date): Date | null | undefined {
  if (value === undefined) return undefined;
  const v = value?.trim() ?? "";
  if (v === "") return null;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const date = dayOnly ? new Date(`${v}T23:59:59.999Z`) : /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new AppError("BAD_REQUEST", `The expiry "${v.slice(0, 40)}" is not a date (YYYY-MM-DD).`);
  if (date <= now) throw new AppError("BAD_REQUEST", "The expiry must be in the future; leave it empty for a rule without expiry.");
  return date;
}

type TParsed = { name?: string; reason?: string; criteria?: TSuppressionCriteria; expiresAt?: Date | null; enabled?: boolean };

async function parseInput(body: unknown, mode: "create" | "update", now: Date): Promise<TParsed> {
  const schema = mode === "create" ? ZFields : ZFields.partial();
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError("BAD_REQUEST", `Invalid suppression rule: ${describe(parsed.error)}.`);
  const input = parsed.data;
  if (mode === "update" && FIELDS.every((f) => input[f] === undefined)) throw new AppError("BAD_REQUEST", `Nothing to change: give at least one of ${FIELDS.join(", ")}.`);
  const criteria = mode === "create" || input.criteria !== undefined ? parseCriteria(input.criteria) : undefined;
  if (criteria?.ouIds) {
    const p = new SqlParams();
    const { rows } = await readPool().query<{ id: string }>(unknownOusSql(criteria.ouIds, p), p.values);
    if (rows[0]) throw new AppError("BAD_REQUEST", `OU "${rows[0].id}" is not in the organization; pick one from the list (sync the organization first if it is new).`);
  }
  return { name: input.name, reason: input.reason, criteria, expiresAt: parseExpiry(input.expiresAt, now), enabled: input.enabled };
}

function snapshot(rule: TRuleRow) {
  return { name: rule.name, reason: rule.reason, criteria: rule.criteria, expiresAt: rule.expiresAt?.toISOString() ?? null, enabled: rule.enabled };
}

const live = (rule: TRuleRow, now: Date) => rule.enabled && (!rule.expiresAt || rule.expiresAt > now);

function triageContext(actor: TRuleActor, origin: TTriageContext["origin"], auditAction: string): TTriageContext {
  return { actor: { id: actor.user.id, email: actor.user.email }, origin, ip: actor.ip, userAgent: actor.userAgent, auditAction };
}

async function lockRule(client: PoolClient, id: string): Promise<TRuleRow> {
  const { rows: [row] } = await client.query<TStoredRule>(`SELECT ${RULE_COLUMNS} FROM suppression_rules WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw new AppError("NOT_FOUND", "No such suppression rule; it may have been deleted.");
  // Criteria stored before a validation change are replaced by an update; until then they match nothing.
  return toRuleRow(row) ?? { ...row, criteria: {}, expiresAt: row.expiresAt ? new Date(row.expiresAt) : null };
}

type TRuleListRow = {
  id: string; name: string; reason: string; criteria: unknown; expiresAt: Date | null; enabled: boolean; createdAt: Date; updatedAt: Date;
  createdById: string | null; createdByEmail: string | null; covers: number;
};

async function readRules(now: Date, id?: string): Promise<TSuppressionRule[]> {
  const pool = readPool();
  const { rows } = await pool.query<TRuleListRow>(`SELECT r.id, r.name, r.reason, r.criteria, r."expiresAt", r.enabled, r."createdAt", r."updatedAt", r."createdById", u.email AS "createdByEmail",
      (SELECT count(*)::int FROM findings f WHERE f."suppressionRuleId" = r.id AND f."workflowStatus" = 'SUPPRESSED') AS covers
    FROM suppression_rules r LEFT JOIN users u ON u.id = r."createdById" ${id ? "WHERE r.id = $1" : ""} ORDER BY r."createdAt" DESC, r.id`, id ? [id] : []);
  return Promise.all(rows.map(async (r) => {
    const criteria = storedCriteria(r.criteria);
    let matches = 0;
    if (criteria) {
      const p = new SqlParams();
      const result = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM findings f WHERE f."recordState" = 'ACTIVE' AND ${criteriaSql(criteria, p)}`, p.values);
      matches = result.rows[0]?.n ?? 0;
    }
    return {
      id: r.id, name: r.name, reason: r.reason, criteria: criteria ?? (r.criteria as TSuppressionCriteria), enabled: r.enabled,
      expiresAt: r.expiresAt?.toISOString() ?? null, expired: r.expiresAt !== null && r.expiresAt <= now,
      createdBy: r.createdById && r.createdByEmail ? { id: r.createdById, email: r.createdByEmail } : null,
      createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), covers: r.covers, matches,
    };
  }));
}

/** Every rule, newest first, with how many findings it suppresses (covers) and how many active findings match it (matches). */
export async function listSuppressionRules(now = new Date()): Promise<TSuppressionRule[]> {
  return readRules(now);
}

async function getRule(id: string, now: Date): Promise<TSuppressionRule> {
  const [rule] = await readRules(now, id);
  if (!rule) throw new AppError("NOT_FOUND", "No such suppression rule; it may have been deleted.");
  return rule;
}

/** What a rule would do now: active findings its criteria match, and how many of them it would suppress. */
export async function previewSuppressionRule(body: unknown): Promise<{ matches: number; wouldSuppress: number }> {
  const input = z.object({ criteria: z.unknown() }).passthrough().safeParse(body ?? {});
  const criteria = parseCriteria(input.success ? input.data.criteria : undefined);
  const p = new SqlParams();
  const { rows: [row] } = await readPool().query<{ matches: number; wouldSuppress: number }>(
    `SELECT count(*)::int AS matches, count(*) FILTER (WHERE ${CANDIDATE_SQL})::int AS "wouldSuppress" FROM findings f WHERE f."recordState" = 'ACTIVE' AND ${criteriaSql(criteria, p)}`, p.values);
  return { matches: row?.matches ?? 0, wouldSuppress: row?.wouldSuppress ?? 0 };
}

/** Creates a rule and applies it at once to the active findings in the queue that match it. */
export async function createSuppressionRule(body: unknown, actor: TRuleActor, now = new Date()): Promise<TSuppressionRuleChangeResponse> {
  const input = await parseInput(body, "create", now);
  const rule: TRuleRow = { id: randomUUID(), name: input.name!, reason: input.reason!, criteria: input.criteria!, expiresAt: input.expiresAt ?? null, enabled: input.enabled ?? true };
  const suppressed = await withBulkTransaction(async (client) => {
    await client.query(
      `INSERT INTO suppression_rules (id, name, reason, criteria, "expiresAt", enabled, "createdById", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4::jsonb, $5::timestamp, $6, $7, now(), now())`,
      [rule.id, rule.name, rule.reason, JSON.stringify(rule.criteria), rule.expiresAt?.toISOString() ?? null, rule.enabled, actor.user.id],
    );
    const applied = live(rule, now) ? await suppressMatchingInTransaction(client, rule, triageContext(actor, "user", "finding.suppress.rule")) : { affected: 0, writeBack: 0 };
    await recordAuditInTransaction(client, {
      actor: actor.user, action: "suppressionRule.create", target: { type: "suppressionRule", id: rule.id },
      after: { ...snapshot(rule), suppressed: applied.affected }, ip: actor.ip, userAgent: actor.userAgent,
    });
    return applied;
  });
  await wakeOutbox(suppressed);
  return { rule: await getRule(rule.id, now), suppressed: suppressed.affected, released: 0, refreshed: 0 };
}

/**
 * Changes a rule. New criteria release the findings they no longer match (back to NEW); a new reason or
 * expiry is carried to the findings it suppresses; an enabled rule then suppresses what it newly matches.
 * Disabling keeps what the rule already suppressed (delete the rule to return those findings).
 */
export async function updateSuppressionRule(id: string, body: unknown, actor: TRuleActor, now = new Date()): Promise<TSuppressionRuleChangeResponse> {
  const input = await parseInput(body, "update", now);
  const changes = await withBulkTransaction(async (client) => {
    const before = await lockRule(client, id);
    const after: TRuleRow = {
      ...before, name: input.name ?? before.name, reason: input.reason ?? before.reason, criteria: input.criteria ?? before.criteria,
      expiresAt: input.expiresAt === undefined ? before.expiresAt : input.expiresAt, enabled: input.enabled ?? before.enabled,
    };
    await client.query(`UPDATE suppression_rules SET name = $2, reason = $3, criteria = $4::jsonb, "expiresAt" = $5::timestamp, enabled = $6, "updatedAt" = now() WHERE id = $1`,
      [id, after.name, after.reason, JSON.stringify(after.criteria), after.expiresAt?.toISOString() ?? null, after.enabled]);

    const none = { affected: 0, writeBack: 0 };
    let released = none;
    if (input.criteria && JSON.stringify(input.criteria) !== JSON.stringify(before.criteria)) {
      const outside = await coveredIdsInTransaction(client, id, after.criteria);
      released = await applyInChunks(client, outside, { action: "unsuppress", note: `Suppression rule "${after.name}" no longer matches this finding` },
        triageContext(actor, "system", "finding.unsuppress.rule"));
    }
    const changedTerms = after.reason !== before.reason || after.expiresAt?.getTime() !== before.expiresAt?.getTime();
    const refreshed = changedTerms ? await refreshCoveredInTransaction(client, after, triageContext(actor, "user", "finding.suppress.rule")) : none;
    const suppressed = live(after, now) ? await suppressMatchingInTransaction(client, after, triageContext(actor, "user", "finding.suppress.rule")) : none;
    const counts = { suppressed: suppressed.affected, released: released.affected, refreshed: refreshed.affected };
    await recordAuditInTransaction(client, {
      actor: actor.user, action: "suppressionRule.update", target: { type: "suppressionRule", id },
      before: snapshot(before), after: { ...snapshot(after), ...counts }, ip: actor.ip, userAgent: actor.userAgent,
    });
    return { counts, applied: [released, refreshed, suppressed] };
  });
  await wakeOutbox(...changes.applied);
  return { rule: await getRule(id, now), ...changes.counts };
}

/** Deletes a rule; the findings it suppressed go back to NEW unless `keepSuppressed`. */
export async function deleteSuppressionRule(id: string, body: unknown, actor: TRuleActor): Promise<TDeleteSuppressionRuleResponse> {
  const parsed = z.object({ keepSuppressed: z.boolean({ message: "must be true or false" }).optional() }).strict().safeParse(body ?? {});
  if (!parsed.success) throw new AppError("BAD_REQUEST", `Invalid request: ${describe(parsed.error, ["keepSuppressed"])}.`);
  const keep = parsed.data.keepSuppressed ?? false;
  const result = await withBulkTransaction(async (client) => {
    const rule = await lockRule(client, id);
    const covered = await coveredIdsInTransaction(client, id);
    const released = keep ? { affected: 0, writeBack: 0 } : await applyInChunks(client, covered, { action: "unsuppress", note: `Suppression rule "${rule.name}" was deleted` },
      triageContext(actor, "user", "finding.unsuppress.rule"));
    await client.query(`DELETE FROM suppression_rules WHERE id = $1`, [id]);
    const kept = keep ? covered.length : 0;
    await recordAuditInTransaction(client, {
      actor: actor.user, action: "suppressionRule.delete", target: { type: "suppressionRule", id },
      before: snapshot(rule), after: { released: released.affected, kept }, ip: actor.ip, userAgent: actor.userAgent,
    });
    return { released, kept };
  });
  await wakeOutbox(result.released);
  return { deleted: true, released: result.released.affected, kept: result.kept };
}
