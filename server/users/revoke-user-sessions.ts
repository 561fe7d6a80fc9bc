import "server-only";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { AppError } from "@/server/http/app-error";

/** Ends every session the user has: sessions carry the version they were issued with, and this bumps it. */
export async function revokeUserSessions(options: { actor: TSessionUser; userId: string; ip?: string | null }) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: options.userId }, select: { sessionVersion: true } });
    if (!before) throw new AppError("NOT_FOUND", `No user with id ${options.userId}.`);
    const after = await tx.user.update({
      where: { id: options.userId },
      data: { sessionVersion: { increment: 1 } },
      select: { id: true, sessionVersion: true },
    });
    await recordAudit(
      {
        actor: options.actor,
        action: "user.sessions.revoke",
        target: { type: "user", id: options.userId },
        before: { sessionVersion: before.sessionVersion },
        after: { sessionVersion: after.sessionVersion },
        ip: options.ip,
      },
      tx,
    );
    return after;
  });
}
