import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { TChannel } from "./notify-config";

// Who may send a delivery: the holder of its lease (a random token and an expiry on the database's
// clock, so every worker process and request agrees on it whatever the machines' clocks say). A worker
// run claims one due delivery at a time, "Retry now" claims the one the admin chose; both renew the lease
// right before sending and skip the send when it is gone, so at most one sender holds a delivery and a
// sender that lost its lease sends nothing. A sender that dies mid-send leaves a lease that expires.

/** A claimed delivery is not claimed again for this long (a process that dies mid-send); far above one send's timeout. */
export const LEASE_MS = 5 * 60_000;

export type TLease = { id: string; digestId: string; channel: TChannel; attempts: number; state: string; token: string };

/** The lease must outlast a send: the webhook's request, or the SMTP connection, greeting and socket timeouts. */
export function leaseMsFor(timeoutMs: number): number {
  return Math.max(LEASE_MS, 4 * timeoutMs + 60_000);
}

/** The next PENDING delivery due at `now` that nobody holds, leased to the caller; null when none is left. */
export async function claimNextDue(options: { now: Date; leaseMs: number; skip: string[] }): Promise<TLease | null> {
  const token = randomUUID();
  const [lease] = await db.$queryRaw<TLease[]>`
    UPDATE notification_deliveries d SET "leaseToken" = ${token}, "leasedUntil" = clock_timestamp() + make_interval(secs => ${options.leaseMs / 1000}::double precision)
    WHERE d.id = (
      SELECT id FROM notification_deliveries
      WHERE state = 'PENDING' AND "nextAttemptAt" <= ${options.now} AND ("leasedUntil" IS NULL OR "leasedUntil" <= clock_timestamp())
        AND NOT (id = ANY(${options.skip}::text[]))
      ORDER BY "nextAttemptAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d."digestId", d.channel, d.attempts, d.state, d."leaseToken" AS token`;
  return lease ?? null;
}

/**
 * One delivery, whatever its state but SENT, leased to the caller ("Retry now"); null when another
 * sender holds it. Two callers at once: the second waits for the first's row lock, then sees its lease.
 */
export async function claimDelivery(options: { id: string; leaseMs: number }): Promise<TLease | null> {
  const token = randomUUID();
  const [lease] = await db.$queryRaw<TLease[]>`
    UPDATE notification_deliveries SET "leaseToken" = ${token}, "leasedUntil" = clock_timestamp() + make_interval(secs => ${options.leaseMs / 1000}::double precision)
    WHERE id = ${options.id} AND state <> 'SENT' AND ("leasedUntil" IS NULL OR "leasedUntil" <= clock_timestamp())
    RETURNING id, "digestId", channel, attempts, state, "leaseToken" AS token`;
  return lease ?? null;
}

/** Checked right before sending: true when the caller still holds the lease (now renewed), false when it lost it. */
export async function renewLease(lease: TLease, leaseMs: number): Promise<boolean> {
  const renewed = await db.$executeRaw`
    UPDATE notification_deliveries SET "leasedUntil" = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::double precision)
    WHERE id = ${lease.id} AND "leaseToken" = ${lease.token} AND "leasedUntil" > clock_timestamp() AND state <> 'SENT'`;
  return renewed === 1;
}

/** Gives the delivery back unchanged (a send that could not be tried); a no-op when the lease is someone else's. */
export async function releaseLease(lease: TLease): Promise<void> {
  await db.$executeRaw`UPDATE notification_deliveries SET "leaseToken" = NULL, "leasedUntil" = NULL WHERE id = ${lease.id} AND "leaseToken" = ${lease.token}`;
}

/** Whether someone holds the delivery right now (the admin's list shows it as being sent). */
export function isLeased(row: { leasedUntil: Date | null }, now: Date): boolean {
  return row.leasedUntil !== null && row.leasedUntil.getTime() > now.getTime();
}
