import "server-only";
import type { PoolClient } from "pg";
import type { TOutboxKind } from "./outbox.schema";
import type { TSyncConfig } from "./sync-config";

// Claims the next chunk of due outbox items for one AWS call, locked (FOR UPDATE SKIP LOCKED) until
// the caller's transaction ends, so two drains never send the same item.

export type TOutboxScope = { accountId?: string; region: string };
export type TClaimedItem = {
  id: string;
  findingId: string;
  externalId: string;
  productArn: string | null;
  guardDutyId: string | null;
  awsAccountId: string;
  region: string;
};
export type TOutboxChunk = { actionId: string; kind: TOutboxKind; payload: unknown; scope: TOutboxScope; items: TClaimedItem[] };
export type TClaimTarget = { topology: TSyncConfig["topology"]; aggregationRegion: string; now: Date | null };

/** Items per call: BatchUpdateFindings takes 100 findings, Archive/UnarchiveFindings 50. */
export function chunkSize(kind: TOutboxKind): number {
  return kind === "securityhub.update" ? 100 : 50;
}

/**
 * Where an item is sent. Delegated admin: Security Hub from the aggregation region (it updates every
 * linked region), GuardDuty through the administrator's detector of the finding's region. Fan-out:
 * the finding's own account and region.
 */
export function scopeOf(kind: string, target: TClaimTarget, finding: { awsAccountId: string; region: string }): TOutboxScope {
  if (target.topology === "fan-out") return { accountId: finding.awsAccountId, region: finding.region };
  return kind === "securityhub.update" ? { region: target.aggregationRegion } : { region: finding.region };
}

// Due, and no older pending item of the same finding and service waits before it: a finding's
// changes reach AWS in the order they were made, even when an earlier one is backing off.
const DUE = `o.state = 'PENDING' AND o."nextAttemptAt" <= COALESCE($1::timestamp, localtimestamp)
  AND NOT EXISTS (SELECT 1 FROM outbox_items p WHERE p."findingId" = o."findingId" AND p.state = 'PENDING' AND p.id < o.id
    AND split_part(p.kind, '.', 1) = split_part(o.kind, '.', 1))`;

type THead = { id: string; actionId: string; kind: TOutboxKind; payload: unknown; awsAccountId: string; region: string };

/** The oldest due item decides the chunk: its action, kind, payload and scope. */
async function claimHead(client: PoolClient, now: string | null): Promise<THead | null> {
  const { rows } = await client.query<THead>(
    `SELECT o.id::text AS id, o."actionId", o.kind, o.payload, f."awsAccountId", f.region
     FROM outbox_items o JOIN findings f ON f.id = o."findingId"
     WHERE ${DUE} ORDER BY o.id LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
    [now],
  );
  return rows[0] ?? null;
}

/** The next chunk of due items of one action, kind, payload and scope; null when nothing is due. */
export async function claimChunk(client: PoolClient, target: TClaimTarget): Promise<TOutboxChunk | null> {
  const now = target.now?.toISOString() ?? null;
  const head = await claimHead(client, now);
  if (!head) return null;
  const scope = scopeOf(head.kind, target, head);
  const values: unknown[] = [now, head.actionId, head.kind, JSON.stringify(head.payload), chunkSize(head.kind)];
  const where = [`o."actionId" = $2`, `o.kind = $3`, `o.payload = $4::jsonb`];
  if (scope.accountId) where.push(`f."awsAccountId" = $${values.push(scope.accountId)}`);
  if (!(head.kind === "securityhub.update" && target.topology === "delegated-admin")) where.push(`f.region = $${values.push(scope.region)}`);
  const { rows } = await client.query<TClaimedItem>(
    `SELECT o.id::text AS id, o."findingId", f."externalId", f."productArn", f."guardDutyId", f."awsAccountId", f.region
     FROM outbox_items o JOIN findings f ON f.id = o."findingId"
     WHERE ${DUE} AND ${where.join(" AND ")}
     ORDER BY o.id LIMIT $5 FOR UPDATE OF o SKIP LOCKED`,
    values,
  );
  return { actionId: head.actionId, kind: head.kind, payload: head.payload, scope, items: rows };
}
