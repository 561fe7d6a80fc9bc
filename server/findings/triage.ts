import "server-only";
import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { withBulkTransaction } from "@/server/db-pool";
import { requestOutboxDrain } from "@/server/sync/request-outbox-drain";
import type { TTriageAction, TWorkflowStatus } from "./findings.types";
import { MAX_NOTE_LENGTH } from "./findings.types";

export type TTriageActor = { id: string; email: string } | null;
/** A triage action as applied: suppression rules may suppress without expiry; expiry marks the finding. */
export type TTriageChange =
  | Exclude<TTriageAction, { action: "suppress" } | { action: "unsuppress" } | { action: "assign" }>
  | { action: "assign"; ownerId: string | null; ownerEmail?: string }
  | { action: "suppress"; reason: string; until: string | null; ruleId?: string }
  | { action: "unsuppress"; note?: string; expired?: boolean; asOf?: string };
export type TTriageContext = { actor: TTriageActor; origin: "user" | "system"; ip?: string | null; userAgent?: string | null; auditAction?: string };
export type TTriageResult = { actionId: string; affected: number; writeBack: number };

type TPlan = {
  /** extra condition on the targets (`findings` columns): findings it does not apply to are left alone */
  only?: string;
  /** SET list over `f` (the row) and `t` (its state before) */
  set: string[];
  /** BatchUpdateFindings fields for findings with a Security Hub copy; null = nothing to send */
  securityHub: Record<string, unknown> | null;
  /** native-only GuardDuty findings */
  guardDuty: "guardduty.archive" | "guardduty.unarchive" | null;
};

const CLEAR_SUPPRESSION = [`"suppressedUntil" = NULL`, `"suppressionReason" = NULL`, `"suppressionRuleId" = NULL`];
const CLOSED: TWorkflowStatus[] = ["RESOLVED", "SUPPRESSED"];

function noteField(text: string | undefined, actor: TTriageActor) {
  return text ? { Note: { Text: text.slice(0, MAX_NOTE_LENGTH), UpdatedBy: actor?.email ?? "kanshi" } } : {};
}

/** What an action changes locally and what it sends to AWS. Values come in as parameters $2… */
function plan(change: TTriageChange, actor: TTriageActor, param: (value: unknown, cast?: string) => string): TPlan {
  switch (change.action) {
    case "status": {
      const set = [`"workflowStatus" = ${param(change.status, `::"WorkflowStatus"`)}`, `"suppressionExpiredAt" = NULL`];
      if (change.note) set.push(`note = ${param(change.note)}`);
      if (change.status === "SUPPRESSED") set.push(`"suppressionReason" = ${param(change.note ?? null)}`, `"suppressedUntil" = NULL`, `"suppressionRuleId" = NULL`);
      else set.push(...CLEAR_SUPPRESSION);
      return {
        set,
        securityHub: { Workflow: { Status: change.status }, ...noteField(change.note, actor) },
        guardDuty: CLOSED.includes(change.status) ? "guardduty.archive" : "guardduty.unarchive",
      };
    }
    case "assign":
      return {
        set: [`"ownerId" = ${param(change.ownerId)}`],
        // AWS may refuse empty values: "none" marks an unassigned finding.
        securityHub: { UserDefinedFields: { "kanshi:owner": change.ownerId ? (change.ownerEmail ?? change.ownerId) : "none" } },
        guardDuty: null,
      };
    case "note":
      return { set: [`note = ${param(change.note)}`], securityHub: noteField(change.note, actor), guardDuty: null };
    case "suppress": {
      const text = change.until ? `Suppressed until ${change.until.slice(0, 10)}: ${change.reason}` : `Suppressed: ${change.reason}`;
      return {
        set: [
          `"workflowStatus" = 'SUPPRESSED'`, `"suppressedUntil" = ${param(change.until, "::timestamp")}`, `"suppressionReason" = ${param(change.reason)}`,
          `"suppressionRuleId" = ${param(change.ruleId ?? null)}`, `"suppressionExpiredAt" = NULL`, `note = ${param(text)}`,
        ],
        securityHub: { Workflow: { Status: "SUPPRESSED" }, ...noteField(text, actor) },
        guardDuty: "guardduty.archive",
      };
    }
    case "unsuppress":
      return {
        // Only suppressed findings; an expiry only those whose suppression has run out by then (re-checked under the row lock).
        only: `"workflowStatus" = 'SUPPRESSED'${change.expired ? ` AND "suppressedUntil" <= ${param(change.asOf ?? new Date().toISOString(), "::timestamp")}` : ""}`,
        set: [`"workflowStatus" = 'NEW'`, `"suppressionExpiredAt" = ${change.expired ? "now()" : "NULL"}`, ...CLEAR_SUPPRESSION, ...(change.note ? [`note = ${param(change.note)}`] : [])],
        securityHub: { Workflow: { Status: "NEW" }, ...noteField(change.note, actor) },
        guardDuty: "guardduty.unarchive",
      };
  }
}

/** Fields compared before and after, for history and audit. */
const TRACKED = ["workflowStatus", "ownerId", "note", "suppressedUntil", "suppressionReason", "suppressionRuleId"] as const;

/**
 * Applies one triage change to a set of findings in the caller's transaction: the local change, a
 * history entry and an audit entry per finding, and the outbox items that write it back to AWS —
 * all committed together, so no decision is lost even when AWS is down.
 */
export async function applyTriageInTransaction(client: PoolClient, ids: string[], change: TTriageChange, context: TTriageContext): Promise<TTriageResult> {
  const actionId = randomUUID();
  if (ids.length === 0) return { actionId, affected: 0, writeBack: 0 };
  const values: unknown[] = [ids];
  const param = (value: unknown, cast = "") => {
    values.push(value instanceof Date ? value.toISOString() : value);
    return `$${values.length}${cast}`;
  };
  const p = plan(change, context.actor, param);
  const shPayload = p.securityHub ? param(JSON.stringify(p.securityHub), "::jsonb") : "NULL";
  const gdKind = param(p.guardDuty);
  const actorId = param(context.actor?.id ?? null);
  const actorEmail = param(context.actor?.email ?? null);
  const origin = param(context.origin);
  const auditAction = param(context.auditAction ?? `finding.${change.action}`);
  const ip = param(context.ip ?? null);
  const userAgent = param(context.userAgent ?? null);
  const action = param(actionId);
  const sendsSecurityHub = p.securityHub ? `t."inSecurityHub"` : "FALSE";
  const sendsGuardDuty = p.guardDuty ? `(NOT t."inSecurityHub" AND t."guardDutyId" IS NOT NULL)` : "FALSE";
  const diff = (prefix: string) =>
    `jsonb_strip_nulls(jsonb_build_object(${TRACKED.map((c) => `'${c}', CASE WHEN u."b_${c}" IS DISTINCT FROM u."${c}" THEN jsonb_build_object('from', u."b_${c}", 'to', u."${c}") END`).join(", ")}${prefix}))`;
  const noteValue = "note" in change && change.note ? `, 'note', ${param(change.note)}::text` : "";

  const sql = `
WITH target AS (
  SELECT id, ${TRACKED.map((c) => `"${c}"`).join(", ")}, "inSecurityHub", "guardDutyId" FROM findings WHERE id = ANY($1::text[])${p.only ? ` AND ${p.only}` : ""} ORDER BY id FOR UPDATE
),
u AS (
  UPDATE findings f SET ${p.set.join(", ")},
    "writeBack" = CASE WHEN ${sendsSecurityHub} OR ${sendsGuardDuty} THEN 'PENDING'::"WriteBackState" ELSE f."writeBack" END,
    "writeBackError" = CASE WHEN ${sendsSecurityHub} OR ${sendsGuardDuty} THEN NULL ELSE f."writeBackError" END,
    "updatedAt" = now()
  FROM target t WHERE f.id = t.id
  RETURNING f.id, ${TRACKED.map((c) => `f."${c}", t."${c}" AS "b_${c}"`).join(", ")},
    ${sendsSecurityHub} AS "sendSh", ${sendsGuardDuty} AS "sendGd"
),
history AS (
  INSERT INTO finding_history ("findingId", origin, "actorId", changes)
  SELECT u.id, ${origin}, ${actorId}, ${diff(noteValue)} FROM u
),
audit AS (
  INSERT INTO audit_log ("actorId", "actorEmail", action, "targetType", "targetId", before, after, ip, "userAgent")
  SELECT ${actorId}, ${actorEmail}, ${auditAction}, 'finding', u.id,
    jsonb_build_object(${TRACKED.map((c) => `'${c}', u."b_${c}"`).join(", ")}),
    jsonb_build_object(${TRACKED.map((c) => `'${c}', u."${c}"`).join(", ")}, 'actionId', ${action}::text),
    ${ip}, ${userAgent}
  FROM u
),
outbox AS (
  INSERT INTO outbox_items ("actionId", "findingId", kind, payload, "actorId")
  SELECT ${action}, u.id, 'securityhub.update', ${shPayload}, ${actorId} FROM u WHERE u."sendSh"
  UNION ALL
  SELECT ${action}, u.id, ${gdKind}, '{}'::jsonb, ${actorId} FROM u WHERE u."sendGd"
)
SELECT count(*)::int AS affected, count(*) FILTER (WHERE u."sendSh" OR u."sendGd")::int AS "writeBack" FROM u`;
  const { rows: [result] } = await client.query<{ affected: number; writeBack: number }>(sql, values);
  return { actionId, affected: result?.affected ?? 0, writeBack: result?.writeBack ?? 0 };
}

/** applyTriageInTransaction in a transaction of its own, then asks the worker to send the outbox. */
export async function applyTriage(ids: string[], change: TTriageChange, context: TTriageContext): Promise<TTriageResult> {
  const result = await withBulkTransaction((client) => applyTriageInTransaction(client, ids, change, context));
  // Never fails the caller: the scheduled drain picks the items up anyway.
  if (result.writeBack > 0) await requestOutboxDrain();
  return result;
}

