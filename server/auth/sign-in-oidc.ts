import "server-only";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { SIGNIN_FAILURE, SIGNIN_SUCCESS } from "./login-throttle";

export type TOidcSignIn = { ok: true; userId: string } | { ok: false; error: "AccessDenied" | "AccountDisabled" };

/**
 * Maps an SSO identity to a Kanshi user by e-mail. Unknown users are refused unless
 * OIDC_NEW_USER_ROLE names the role they get; disabled users are refused.
 */
export async function signInWithOidc(options: {
  email: string | null | undefined;
  emailVerified: boolean | undefined;
  name: string | null | undefined;
  /** OIDC_NEW_USER_ROLE: the role of a user created at first SSO sign-in, or "none" to refuse unknown users */
  newUserRole: "ADMIN" | "ANALYST" | "VIEWER" | "none";
}): Promise<TOidcSignIn> {
  const email = options.email?.trim().toLowerCase();
  const fail = async (error: "AccessDenied" | "AccountDisabled", reason: string): Promise<TOidcSignIn> => {
    await recordAudit({ actor: null, actorEmail: email, action: SIGNIN_FAILURE, target: email ? { type: "user", id: email } : undefined, after: { method: "oidc", reason } });
    return { ok: false, error };
  };
  if (!email || options.emailVerified === false) return fail("AccessDenied", "no verified e-mail in the identity token");

  let user = await db.user.findUnique({ where: { email } });
  if (!user) {
    const role = options.newUserRole;
    if (role === "none") return fail("AccessDenied", "no Kanshi user with this e-mail");
    user = await db.user.create({ data: { email, name: options.name ?? null, role } });
    await recordAudit({ actor: { id: user.id, email }, action: "user.create", target: { type: "user", id: user.id }, after: { email, role, via: "oidc" } });
  }
  if (user.disabled) return fail("AccountDisabled", "disabled");

  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ actor: { id: user.id, email }, action: SIGNIN_SUCCESS, target: { type: "user", id: email }, after: { method: "oidc" } });
  return { ok: true, userId: user.id };
}
