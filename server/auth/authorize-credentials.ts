import "server-only";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword, verifyPassword } from "./password";
import { SIGNIN_FAILURE, SIGNIN_SUCCESS } from "./login-throttle";

export type TSignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "disabled" };

// Verified even when the user does not exist, so response time does not reveal which e-mails exist.
let dummyHash: Promise<string> | undefined;

/** Checks an e-mail and password; records the attempt in the audit log either way. */
export async function authorizeCredentials(options: {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<TSignInResult> {
  const email = options.email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await (dummyHash ??= hashPassword("kanshi-timing-equalizer"))), options.password);
  const result: TSignInResult =
    !user || !user.passwordHash || !passwordOk
      ? { ok: false, reason: "invalid" }
      : user.disabled
        ? { ok: false, reason: "disabled" }
        : { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };

  await recordAudit({
    actor: result.ok ? { id: result.user.id, email } : null,
    actorEmail: email,
    action: result.ok ? SIGNIN_SUCCESS : SIGNIN_FAILURE,
    target: { type: "user", id: email },
    after: { method: "password", ...(result.ok ? {} : { reason: result.reason }) },
    ip: options.ip,
    userAgent: options.userAgent,
  });
  if (result.ok) await db.user.update({ where: { id: result.user.id }, data: { lastLoginAt: new Date() } });
  return result;
}
