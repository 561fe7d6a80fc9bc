import "server-only";
import type pg from "pg";
import { readPool } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import { shortName } from "./normalize-record";
import { presetSql } from "./presets";
import { parseIpOrCidr, type TTimelineQuery } from "./timeline.schema";
import type { TTimelineEvent, TTimelineFilters, TTimelineHistogram, TTimelinePage } from "./timeline.types";

// Timeline search: every filter is one SQL condition (AND-ed), always inside a bounded time range so the
// planner prunes partitions and walks an (x, event_time) index. Keyset paging, newest first.

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;
const ACCESS_KEY = /^(?:AWS::IAM::AccessKey:)?((?:AKIA|ASIA)[A-Z0-9]{12,124})$/;
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export type TWhere = { sql: string; params: unknown[] };

/** The UTC dates from `from` to `to`: the leading key of the principal and source-IP indexes. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = Date.parse(from.slice(0, 10)); d <= Date.parse(to); d += 86_400_000) days.push(new Date(d).toISOString().slice(0, 10));
  return days;
}

export function buildWhere(filters: TTimelineFilters, extra: { cursor?: { t: string; id: string } } = {}): TWhere {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const c: string[] = [`event_time >= ${p(filters.from)}::timestamp`, `event_time <= ${p(filters.to)}::timestamp`];
  // Principal and source-IP indexes lead with the event's date (so inserts touch only today's part of them):
  // name the dates of the range to use them.
  if (filters.principal || filters.sourceIp) c.push(`(event_time::date) = ANY(${p(daysOf(filters.from, filters.to))}::date[])`);
  if (filters.principal) {
    const v = p(filters.principal);
    const role = ROLE_ARN.exec(filters.principal);
    // a role ARN matches its sessions (assumed-role ARNs)
    const sessions = role ? ` OR principal_arn LIKE ${p(`arn:aws:sts::${role[1]}:assumed-role/${likeEscape(role[2] as string)}/%`)}` : "";
    c.push(`(principal_arn = ${v} OR user_name = ${v} OR access_key_id = ${v}${sessions})`);
  }
  if (filters.eventName) c.push(`event_name = ANY(${p(filters.eventName)}::text[])`);
  if (filters.eventSource) c.push(`event_source = ANY(${p(filters.eventSource)}::text[])`);
  if (filters.account) c.push(`account_id = ANY(${p(filters.account)}::text[])`);
  if (filters.region) c.push(`region = ANY(${p(filters.region)}::text[])`);
  if (filters.sourceIp) {
    const ip = parseIpOrCidr(filters.sourceIp);
    if (!ip) throw new AppError("BAD_REQUEST", "sourceIp: not an IPv4/IPv6 address or CIDR");
    c.push(ip.prefix === null ? `source_ip = ${p(ip.address)}::inet` : `source_ip <<= network(${p(`${ip.address}/${ip.prefix}`)}::inet)`);
  }
  if (filters.resource) {
    const names = [...new Set([filters.resource, shortName(filters.resource)])];
    const key = ACCESS_KEY.exec(filters.resource);
    c.push(`(resources && ${p(names)}::text[]${key ? ` OR access_key_id = ${p(key[1])}` : ""})`);
  }
  if (filters.readOnly !== undefined) c.push(`read_only = ${p(filters.readOnly)}`);
  if (filters.errorsOnly) c.push(`error_code IS NOT NULL`);
  if (filters.q) {
    const q = p(`%${likeEscape(filters.q)}%`);
    c.push(`(event_name ILIKE ${q} OR event_source ILIKE ${q} OR user_name ILIKE ${q} OR principal_arn ILIKE ${q} OR source_address ILIKE ${q}
      OR error_code ILIKE ${q} OR error_message ILIKE ${q} OR account_id ILIKE ${q} OR array_to_string(resources, ' ') ILIKE ${q})`);
  }
  if (filters.preset) c.push(presetSql(filters.preset));
  if (extra.cursor) c.push(`(event_time, event_id) < (${p(extra.cursor.t)}::timestamp, ${p(extra.cursor.id)}::uuid)`);
  return { sql: c.join(" AND "), params };
}

export const EVENT_COLUMNS = `event_id::text AS id, event_time, event_name, event_source, account_id, region, principal_arn, principal_type, user_name,
  access_key_id, source_address, user_agent, read_only, error_code, error_message, resources`;

export type TEventDbRow = {
  id: string; event_time: Date; event_name: string; event_source: string; account_id: string; region: string; principal_arn: string | null;
  principal_type: string | null; user_name: string | null; access_key_id: string | null; source_address: string | null; user_agent: string | null;
  read_only: boolean | null; error_code: string | null; error_message: string | null; resources: string[];
};

export function toTimelineEvent(r: TEventDbRow): TTimelineEvent {
  return {
    id: r.id, time: r.event_time.toISOString(), name: r.event_name, source: r.event_source, accountId: r.account_id, region: r.region,
    principal: { arn: r.principal_arn, type: r.principal_type, userName: r.user_name, accessKeyId: r.access_key_id },
    sourceAddress: r.source_address, userAgent: r.user_agent, readOnly: r.read_only,
    error: r.error_code ? { code: r.error_code, message: r.error_message } : null, resources: r.resources,
  };
}

function decodeCursor(cursor: string): { t: string; id: string } {
  const [t = "", id = ""] = Buffer.from(cursor, "base64url").toString().split("|");
  if (Number.isNaN(Date.parse(t)) || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError("BAD_REQUEST", "cursor: not a cursor this API returned");
  return { t, id };
}

const encodeCursor = (e: TTimelineEvent) => Buffer.from(`${e.time}|${e.id}`).toString("base64url");

/** One page of events, newest first. */
export async function searchEvents(query: TTimelineQuery, pool: pg.Pool = readPool()): Promise<TTimelinePage> {
  const where = buildWhere(query.filters, { cursor: query.cursor ? decodeCursor(query.cursor) : undefined });
  const { rows } = await pool.query<TEventDbRow>(
    `SELECT ${EVENT_COLUMNS} FROM cloudtrail_events WHERE ${where.sql} ORDER BY event_time DESC, event_id DESC LIMIT ${query.limit + 1}`,
    where.params,
  );
  const items = rows.slice(0, query.limit).map(toTimelineEvent);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null, filters: query.filters };
}

const BUCKETS_MS = [60_000, 300_000, 900_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000];
const MAX_BUCKETS = 120;

/** The smallest bucket that cuts the range into at most 120 bars. */
export function bucketFor(rangeMs: number): number {
  return BUCKETS_MS.find((b) => rangeMs / b <= MAX_BUCKETS) ?? (BUCKETS_MS[BUCKETS_MS.length - 1] as number);
}

const HOUR_MS = 3_600_000;
const FILTER_KEYS = ["principal", "eventName", "eventSource", "account", "region", "sourceIp", "resource", "readOnly", "errorsOnly", "q", "preset"] as const;

/** Counts per bucket. Unfiltered with hour-multiple buckets: whole hours from cloudtrail_event_hours, the partial hours at the edges from the events. */
async function bucketCounts(query: TTimelineQuery, bucketMs: number, pool: pg.Pool): Promise<{ start: Date; count: number }[]> {
  const bin = (column: string) => `date_bin('${bucketMs / 1000} seconds'::interval, ${column}, TIMESTAMP '2000-01-01')`;
  const unfiltered = FILTER_KEYS.every((key) => query.filters[key] === undefined);
  const fromCeil = Math.ceil(query.fromMs / HOUR_MS) * HOUR_MS;
  const toFloor = Math.floor(query.toMs / HOUR_MS) * HOUR_MS;
  if (unfiltered && bucketMs % HOUR_MS === 0 && fromCeil < toFloor) {
    const iso = (ms: number) => new Date(ms).toISOString();
    const { rows } = await pool.query<{ start: Date; count: number }>(
      `SELECT start, sum(n)::int AS count FROM (
         SELECT ${bin("hour")} AS start, sum(events) AS n FROM cloudtrail_event_hours WHERE hour >= $2::timestamp AND hour < $3::timestamp GROUP BY 1
         UNION ALL SELECT ${bin("event_time")}, count(*) FROM cloudtrail_events WHERE event_time >= $1::timestamp AND event_time < $2::timestamp GROUP BY 1
         UNION ALL SELECT ${bin("event_time")}, count(*) FROM cloudtrail_events WHERE event_time >= $3::timestamp AND event_time <= $4::timestamp GROUP BY 1
       ) b GROUP BY 1`,
      [query.filters.from, iso(fromCeil), iso(toFloor), query.filters.to],
    );
    return rows;
  }
  const where = buildWhere(query.filters);
  const { rows } = await pool.query<{ start: Date; count: number }>(`SELECT ${bin("event_time")} AS start, count(*)::int AS count FROM cloudtrail_events WHERE ${where.sql} GROUP BY 1`, where.params);
  return rows;
}

/** Event counts per time bucket over the filtered range (empty buckets included). */
export async function eventHistogram(query: TTimelineQuery, pool: pg.Pool = readPool()): Promise<TTimelineHistogram> {
  const bucketMs = bucketFor(query.toMs - query.fromMs);
  const rows = await bucketCounts(query, bucketMs, pool);
  const counts = new Map(rows.map((r) => [r.start.getTime(), r.count]));
  const origin = Date.UTC(2000, 0, 1);
  const first = origin + Math.floor((query.fromMs - origin) / bucketMs) * bucketMs;
  const buckets: TTimelineHistogram["buckets"] = [];
  for (let t = first; t <= query.toMs; t += bucketMs) buckets.push({ start: new Date(t).toISOString(), count: counts.get(t) ?? 0 });
  return { from: query.filters.from, to: query.filters.to, bucketMs, buckets, total: rows.reduce((sum, r) => sum + r.count, 0) };
}
