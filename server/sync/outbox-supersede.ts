import "server-only";
import type { PoolClient } from "pg";

// A FAILED item whose fields a later change has since written to AWS must not be retried: it would
// overwrite the newer value, and it should not keep its finding marked FAILED. Such an item is done
// ("superseded"); one that later changes cover only in part keeps just the fields still unsent.

type TFailedItem = { id: string; kind: string; payload: Record<string, unknown>; newer: Record<string, unknown>[] };

/** The fields a Security Hub payload sets: Workflow, Note, and each user-defined field on its own (AWS merges those). */
function fieldsOf(payload: Record<string, unknown>): string[] {
  const fields = Object.keys(payload).filter((k) => k !== "UserDefinedFields");
  const udf = payload.UserDefinedFields;
  if (udf && typeof udf === "object") fields.push(...Object.keys(udf).map((k) => `UserDefinedFields.${k}`));
  return fields;
}

/** The payload reduced to the fields not in `covered`; null when nothing is left. */
export function uncoveredPayload(payload: Record<string, unknown>, covered: Set<string>): Record<string, unknown> | null {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key !== "UserDefinedFields" && !covered.has(key)) rest[key] = value;
  }
  const udf = Object.entries((payload.UserDefinedFields ?? {}) as Record<string, unknown>).filter(([k]) => !covered.has(`UserDefinedFields.${k}`));
  if (udf.length > 0) rest.UserDefinedFields = Object.fromEntries(udf);
  return Object.keys(rest).length > 0 ? rest : null;
}

function remainder(item: TFailedItem): Record<string, unknown> | null {
  // Archive and unarchive set one thing: any later one written covers it.
  if (!item.kind.startsWith("securityhub.")) return null;
  return uncoveredPayload(item.payload, new Set(item.newer.flatMap(fieldsOf)));
}

/** Settles the FAILED items of these findings that later written changes cover; returns how many were superseded. */
export async function supersedeFailed(client: PoolClient, findingIds: string[] | null): Promise<number> {
  const { rows } = await client.query<TFailedItem>(
    `SELECT o.id::text AS id, o.kind, o.payload,
       (SELECT jsonb_agg(n.payload) FROM outbox_items n WHERE n."findingId" = o."findingId" AND n.id > o.id
          AND n.state = 'DONE' AND n."sentAt" IS NOT NULL AND split_part(n.kind, '.', 1) = split_part(o.kind, '.', 1)) AS newer
     FROM outbox_items o WHERE o.state = 'FAILED' AND ($1::text[] IS NULL OR o."findingId" = ANY($1::text[]))
     ORDER BY o.id FOR UPDATE OF o`,
    [findingIds],
  );
  let superseded = 0;
  for (const item of rows.filter((r) => r.newer)) {
    const rest = remainder(item);
    if (rest === null) {
      superseded++;
      await client.query(`UPDATE outbox_items SET state = 'DONE', "lastError" = $2 WHERE id = $1::bigint`, [item.id, "Superseded: a later change to the same fields was written back"]);
    } else if (JSON.stringify(rest) !== JSON.stringify(item.payload)) {
      await client.query(`UPDATE outbox_items SET payload = $2::jsonb WHERE id = $1::bigint`, [item.id, JSON.stringify(rest)]);
    }
  }
  return superseded;
}
