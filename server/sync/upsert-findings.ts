import "server-only";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { TFindingRow } from "@/server/findings/normalize";

export type TUpsertCounts = { inserted: number; updated: number; unchanged: number };

// Two statements per batch, whatever its size: the rows are COPYed into a temporary table, then
// merged into findings by one INSERT … ON CONFLICT. Only AWS-owned columns are written; owner, due date, local notes and suppression
// (local triage state) are never touched. A native GuardDuty row only updates archive state and
// times of a finding that exists: its Security Hub copy owns the workflow.
const COLUMNS = [
  ["id", "text"],
  ["externalId", "text"],
  ["source", '"FindingSource"'],
  ["origin", "text"],
  ["guardDutyId", "text"],
  ["productArn", "text"],
  ["productName", "text"],
  ["generatorId", "text"],
  ["controlId", "text"],
  ["awsAccountId", "text"],
  ["region", "text"],
  ["title", "text"],
  ["description", "text"],
  ["severity", '"Severity"'],
  ["workflowStatus", '"WorkflowStatus"'],
  ["recordState", '"RecordState"'],
  ["complianceStatus", "text"],
  ["standards", "text[]"],
  ["resourceType", "text"],
  ["resourceId", "text"],
  ["firstObservedAt", "timestamptz"],
  ["lastObservedAt", "timestamptz"],
  ["awsCreatedAt", "timestamptz"],
  ["awsUpdatedAt", "timestamptz"],
  ["raw", "jsonb"],
  ["inSecurityHub", "boolean"],
] as const;

const names = COLUMNS.map(([name]) => `"${name}"`);
const stored = names.filter((n) => n !== '"origin"');

// The local workflow stands while its write-back is pending or failed, and after it was written
// back until AWS itself changes the finding (a page fetched before the write-back must not undo it:
// BatchUpdateFindings does not move UpdatedAt, so no later sync would correct it).
const LOCAL_PENDING = `(findings."writeBack" IN ('PENDING', 'FAILED') OR (findings."writeBack" = 'SYNCED' AND EXCLUDED."awsUpdatedAt" <= findings."awsUpdatedAt"))`;

// From Security Hub: every AWS-owned column. From native GuardDuty: archive state and times only.
const UPDATE = {
  securityhub: {
    set: stored
      .filter((n) => !['"id"', '"externalId"', '"awsAccountId"', '"awsCreatedAt"', '"awsUpdatedAt"'].includes(n))
      .map((n) =>
        n === '"guardDutyId"' ? `${n} = COALESCE(EXCLUDED.${n}, findings.${n})`
        // A triage change not yet written back (or that failed to be) is the truth until it is sent.
        : n === '"workflowStatus"' ? `${n} = CASE WHEN ${LOCAL_PENDING} THEN findings.${n} ELSE EXCLUDED.${n} END`
        : `${n} = EXCLUDED.${n}`)
      .concat(['"awsUpdatedAt" = GREATEST(findings."awsUpdatedAt", EXCLUDED."awsUpdatedAt")']),
    when: `EXCLUDED."awsUpdatedAt" > findings."awsUpdatedAt" OR findings."recordState" IS DISTINCT FROM EXCLUDED."recordState"
      OR (NOT ${LOCAL_PENDING} AND findings."workflowStatus" IS DISTINCT FROM EXCLUDED."workflowStatus") OR NOT findings."inSecurityHub"`,
  },
  guardduty: {
    set: ['"recordState" = EXCLUDED."recordState"', '"lastObservedAt" = EXCLUDED."lastObservedAt"', '"guardDutyId" = EXCLUDED."guardDutyId"',
      '"awsUpdatedAt" = GREATEST(findings."awsUpdatedAt", EXCLUDED."awsUpdatedAt")'],
    when: `EXCLUDED."awsUpdatedAt" > findings."awsUpdatedAt" OR findings."recordState" IS DISTINCT FROM EXCLUDED."recordState"`,
  },
};

/** Due date of a new finding: first seen + the SLA policy's days for its severity (none for INFORMATIONAL). Local triage state afterwards: a sync never changes it. */
const DUE_AT = `COALESCE(i."firstObservedAt", i."awsCreatedAt") + make_interval(days => CASE i.severity
  WHEN 'CRITICAL' THEN p.critical WHEN 'HIGH' THEN p.high WHEN 'MEDIUM' THEN p.medium WHEN 'LOW' THEN p.low END)`;

function buildSql(origin: "securityhub" | "guardduty"): string {
  return `
WITH input AS (SELECT * FROM sync_input),
accounts AS (
  INSERT INTO aws_accounts (id, name, "inOrganization", "updatedAt")
  SELECT DISTINCT "awsAccountId", "awsAccountId", false, now() FROM input
  ON CONFLICT (id) DO NOTHING
),
before AS (
  SELECT f.id, f."workflowStatus", f."recordState", f.severity, f."complianceStatus"
  FROM findings f JOIN input i ON i."externalId" = f."externalId"
),
upserted AS (
  INSERT INTO findings (${stored.join(", ")}, "updatedAt", "dueAt")
  SELECT ${stored.map((n) => `i.${n}`).join(", ")}, now(), ${DUE_AT} FROM input i LEFT JOIN sla_policy p ON p.id = 1
  ON CONFLICT ("externalId") DO UPDATE SET ${UPDATE[origin].set.join(", ")}, "updatedAt" = now()
  WHERE ${UPDATE[origin].when}
  RETURNING findings.id, (xmax = 0) AS inserted, findings."workflowStatus", findings."recordState", findings.severity, findings."complianceStatus"
),
history AS (
  INSERT INTO finding_history ("findingId", "origin", "changes")
  SELECT u.id, 'sync', jsonb_strip_nulls(jsonb_build_object(
    'workflowStatus', CASE WHEN b."workflowStatus" IS DISTINCT FROM u."workflowStatus" THEN jsonb_build_object('from', b."workflowStatus", 'to', u."workflowStatus") END,
    'recordState', CASE WHEN b."recordState" IS DISTINCT FROM u."recordState" THEN jsonb_build_object('from', b."recordState", 'to', u."recordState") END,
    'severity', CASE WHEN b.severity IS DISTINCT FROM u.severity THEN jsonb_build_object('from', b.severity, 'to', u.severity) END,
    'complianceStatus', CASE WHEN b."complianceStatus" IS DISTINCT FROM u."complianceStatus" THEN jsonb_build_object('from', b."complianceStatus", 'to', u."complianceStatus") END
  ))
  FROM upserted u JOIN before b ON b.id = u.id
  WHERE NOT u.inserted AND (b."workflowStatus" IS DISTINCT FROM u."workflowStatus" OR b."recordState" IS DISTINCT FROM u."recordState"
     OR b.severity IS DISTINCT FROM u.severity OR b."complianceStatus" IS DISTINCT FROM u."complianceStatus")
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`;
}

const SQL = { securityhub: buildSql("securityhub"), guardduty: buildSql("guardduty") };

const CREATE_INPUT = `CREATE TEMP TABLE IF NOT EXISTS sync_input (${COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(", ")}) ON COMMIT DELETE ROWS`;
const COPY_INPUT = `COPY sync_input (${names.join(", ")}) FROM STDIN`;

/** A value in COPY's text format. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  // A text[] literal: {"a","b"}, each element quoted (the standard keys need no escaping, other text might).
  if (Array.isArray(value)) return copyText(`{${value.map((v) => `"${String(v).replace(/[\\"]/g, "\\$&")}"`).join(",")}}`);
  if (typeof value === "object") {
    // JSON text holds no raw newline, carriage return or tab (they are escaped): only backslashes need doubling.
    const json = JSON.stringify(value);
    return json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
  }
  const text = String(value);
  return /[\\\n\r\t]/.test(text) ? text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") : text;
}

/** Writes a batch of normalized findings of one origin; a row repeated in the batch keeps its newest version. */
export async function upsertFindings(client: PoolClient, origin: "securityhub" | "guardduty", rows: TFindingRow[]): Promise<TUpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  // ON CONFLICT cannot touch one row twice in a statement.
  const unique = new Map<string, TFindingRow>();
  for (const row of rows) {
    const seen = unique.get(row.externalId);
    if (!seen || row.awsUpdatedAt >= seen.awsUpdatedAt) unique.set(row.externalId, row);
  }
  // A stable order: concurrent syncs (Security Hub and GuardDuty share GuardDuty findings) lock rows alike.
  const batch = [...unique.values()].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  const inSecurityHub = origin === "securityhub";
  const lines = batch.map((row) => {
    const record = row as unknown as Record<string, unknown>;
    return COLUMNS.map(([name]) => copyText(name === "id" ? randomUUID() : name === "inSecurityHub" ? inSecurityHub : record[name])).join("\t");
  });
  // Each batch commits with its cursor, so a batch lost in a crash is simply fetched again: no need
  // to wait for the WAL flush at every commit.
  await client.query("SET LOCAL synchronous_commit TO OFF");
  // A GuardDuty finding arrives from both Security Hub and GuardDuty, often in the same minute. Two concurrent
  // inserts of it conflict on externalId (the ON CONFLICT arbiter) and on guardDutyId: PostgreSQL checks the
  // second unique index without the arbiter's retry, so one of them would fail with a unique violation. Batches
  // holding GuardDuty findings take turns (until their transaction ends); the others stay parallel.
  if (batch.some((row) => row.guardDutyId)) await client.query("SELECT pg_advisory_xact_lock(hashtext('findings_upsert_guardduty'))");
  await client.query(CREATE_INPUT);
  await pipeline(Readable.from([lines.join("\n") + "\n"]), client.query(copyFrom(COPY_INPUT)));
  const { rows: [result] } = await client.query<{ inserted: number; updated: number }>(SQL[origin]);
  const inserted = result?.inserted ?? 0;
  const updated = result?.updated ?? 0;
  return { inserted, updated, unchanged: batch.length - inserted - updated + (rows.length - batch.length) };
}
