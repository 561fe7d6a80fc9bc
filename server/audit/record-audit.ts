import "server-only";
import { db, type DbTx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export type TAuditEntry = {
  actor: { id: string; email: string } | null;
  /** dotted verb, e.g. "auth.signin.failure", "user.update" */
  action: string;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  userAgent?: string | null;
  /** for anonymous actions: the e-mail that was tried */
  actorEmail?: string;
};

function json(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** The one way to write the audit log. Pass the transaction client so the entry commits with the change. */
export async function recordAudit(entry: TAuditEntry, tx: DbTx = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? entry.actorEmail ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      before: json(entry.before),
      after: json(entry.after),
      ip: entry.ip ?? null,
      userAgent: entry.userAgent ?? null,
    },
  });
}
