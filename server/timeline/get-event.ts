import "server-only";
import type pg from "pg";
import { readPool } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import { EVENT_COLUMNS, toTimelineEvent, type TEventDbRow } from "./search-events";
import type { TTimelineEventDetail, TTimelineRelatedFinding } from "./timeline.types";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const RELATED_LIMIT = 20;

/** One event with its raw record and the findings on the same resources (or on its access key). */
export async function getTimelineEvent(id: string, pool: pg.Pool = readPool()): Promise<TTimelineEventDetail> {
  if (!UUID.test(id)) throw new AppError("BAD_REQUEST", "id: a CloudTrail event id is a UUID");
  const { rows } = await pool.query<TEventDbRow & { raw: Record<string, unknown>; origin: "lookup" | "file" }>(
    `SELECT ${EVENT_COLUMNS}, raw, origin FROM cloudtrail_events WHERE event_id = $1::uuid LIMIT 1`,
    [id.toLowerCase()],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", `No CloudTrail event ${id} is stored.`);
  const keys = [...row.resources, ...(row.access_key_id ? [row.access_key_id, `AWS::IAM::AccessKey:${row.access_key_id}`] : [])];
  const findings = keys.length === 0 ? [] : (await pool.query<{
    id: string; title: string; severity: string; workflowStatus: string; source: string; resourceId: string | null; awsAccountId: string; region: string; lastObservedAt: Date | null;
  }>(
    `SELECT id, title, severity::text AS severity, "workflowStatus"::text AS "workflowStatus", source::text AS source, "resourceId", "awsAccountId", region, "lastObservedAt"
     FROM findings WHERE "resourceId" = ANY($1::text[]) ORDER BY "lastObservedAt" DESC NULLS LAST, id LIMIT ${RELATED_LIMIT}`,
    [keys],
  )).rows.map((f): TTimelineRelatedFinding => ({
    id: f.id, title: f.title, severity: f.severity, workflowStatus: f.workflowStatus, source: f.source, resourceId: f.resourceId,
    accountId: f.awsAccountId, region: f.region, lastObservedAt: f.lastObservedAt?.toISOString() ?? null,
  }));
  return { ...toTimelineEvent(row), raw: row.raw, origin: row.origin, findings };
}
