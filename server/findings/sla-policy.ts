import "server-only";
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { readPool } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import { OPEN_SQL } from "./query-sql";
import {
  SLA_MAX_DAYS, SLA_MIN_DAYS, SLA_SEVERITIES, type TSlaDays, type TSlaPolicyResponse, type TSlaPreview, type TSlaUpdateResponse,
} from "./triage-settings.types";

// Days to fix by severity. A finding's due date is first seen + the days of its severity: the sync sets
// it on insert, and a policy change recomputes it for every finding in the same transaction.

export const DEFAULT_SLA: TSlaDays = { critical: 7, high: 30, medium: 90, low: 180 };

const days = z.number({ message: `must be a whole number of days from ${SLA_MIN_DAYS} to ${SLA_MAX_DAYS}` })
  .int(`must be a whole number of days from ${SLA_MIN_DAYS} to ${SLA_MAX_DAYS}`)
  .min(SLA_MIN_DAYS, `must be at least ${SLA_MIN_DAYS} day`)
  .max(SLA_MAX_DAYS, `must be at most ${SLA_MAX_DAYS} days (ten years)`);
const ZSlaDays = z.object({ critical: days, high: days, medium: days, low: days }).strict();

/** The four day counts from a request body, or (fromQuery) from URL parameters given as text. */
export function parseSlaDays(input: unknown, options: { fromQuery?: boolean } = {}): TSlaDays {
  let value = input;
  if (options.fromQuery && input && typeof input === "object") {
    value = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v]));
  }
  const parsed = ZSlaDays.safeParse(value ?? {});
  if (!parsed.success) {
    const message = parsed.error.issues.slice(0, 4).map((i) => {
      if (i.code === "unrecognized_keys") return `unknown field "${String(i.keys[0]).slice(0, 40)}" (use ${SLA_SEVERITIES.join(", ")})`;
      return i.path.length ? `${i.path.join(".")} ${i.message}` : "the body must be a JSON object";
    }).join("; ");
    throw new AppError("BAD_REQUEST", `Invalid SLA policy: ${message}.`);
  }
  return parsed.data;
}

type TPolicyRow = TSlaDays & { updatedAt: Date; updatedBy: string | null };

function toResponse(row: TPolicyRow | null): TSlaPolicyResponse {
  if (!row) return { ...DEFAULT_SLA, updatedAt: new Date(0).toISOString(), updatedBy: null };
  return { critical: row.critical, high: row.high, medium: row.medium, low: row.low, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
}

/** The policy (the defaults when the row is missing). */
export async function getSlaPolicy(): Promise<TSlaPolicyResponse> {
  return toResponse(await db.slaPolicy.findUnique({ where: { id: 1 } }));
}

/** The due date of a finding under `d` (parameters $1–$4): NULL for INFORMATIONAL. */
const DUE_SQL = (alias: string) => `COALESCE(${alias}"firstObservedAt", ${alias}"awsCreatedAt") + make_interval(days => CASE ${alias}severity
  WHEN 'CRITICAL' THEN $1::int WHEN 'HIGH' THEN $2::int WHEN 'MEDIUM' THEN $3::int WHEN 'LOW' THEN $4::int END)`;

/** What the days would do: open findings (active, in the queue, with an SLA) overdue now and with `d`. */
export async function previewSlaPolicy(d: TSlaDays, now = new Date()): Promise<TSlaPreview> {
  const { rows: [row] } = await readPool().query<TSlaPreview>(
    `SELECT count(*)::int AS open, count(*) FILTER (WHERE f."dueAt" < $5::timestamp)::int AS "overdueNow",
       count(*) FILTER (WHERE ${DUE_SQL("f.")} < $5::timestamp)::int AS "overdueAfter"
     FROM findings f WHERE ${OPEN_SQL} AND f.severity <> 'INFORMATIONAL'`,
    [d.critical, d.high, d.medium, d.low, now.toISOString()],
  );
  return { open: row?.open ?? 0, overdueNow: row?.overdueNow ?? 0, overdueAfter: row?.overdueAfter ?? 0 };
}

/**
 * Saves the policy and recomputes every finding's due date from its first-seen time, in one
 * transaction with the audit entry. Only rows whose due date changes are written.
 */
export async function updateSlaPolicy(body: unknown, actor: { user: TSessionUser; ip?: string | null; userAgent?: string | null }): Promise<TSlaUpdateResponse> {
  const d = parseSlaDays(body);
  const { saved, recomputed } = await db.$transaction(async (tx) => {
    const before = await tx.slaPolicy.findUnique({ where: { id: 1 } });
    const saved = await tx.slaPolicy.upsert({
      where: { id: 1 },
      create: { id: 1, ...d, updatedBy: actor.user.email },
      update: { ...d, updatedBy: actor.user.email },
    });
    const recomputed = await tx.$executeRawUnsafe(
      `UPDATE findings SET "dueAt" = ${DUE_SQL("")} WHERE "dueAt" IS DISTINCT FROM (${DUE_SQL("")})`,
      d.critical, d.high, d.medium, d.low,
    );
    await recordAudit({
      actor: actor.user, action: "sla.update", target: { type: "slaPolicy", id: "1" },
      before: before ? { critical: before.critical, high: before.high, medium: before.medium, low: before.low } : DEFAULT_SLA,
      after: { ...d, recomputed }, ip: actor.ip, userAgent: actor.userAgent,
    }, tx);
    return { saved, recomputed };
  }, { timeout: 10 * 60_000, maxWait: 15_000 });
  return { ...toResponse(saved), recomputed };
}
