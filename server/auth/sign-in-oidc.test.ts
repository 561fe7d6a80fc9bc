import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTestUser } from "@/prisma/factories/user";
import { signInWithOidc } from "./sign-in-oidc";

const email = () => `sso-${randomUUID()}@test.kanshi`;

describe("SSO sign-in mapping (PostgreSQL)", () => {
  it("signs in an existing user by e-mail, case-insensitively, and audits it", async () => {
    const user = await createTestUser({ password: null });
    const result = await signInWithOidc({ email: user.email.toUpperCase(), emailVerified: true, name: "X", newUserRole: "none" });
    expect(result).toEqual({ ok: true, userId: user.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: user.email, action: "auth.signin.success" } });
    expect(audit.after).toEqual({ method: "oidc" });
  });

  it("refuses an unknown user when OIDC_NEW_USER_ROLE is none, and audits the refusal", async () => {
    const address = email();
    expect(await signInWithOidc({ email: address, emailVerified: true, name: null, newUserRole: "none" })).toEqual({ ok: false, error: "AccessDenied" });
    expect(await db.user.findUnique({ where: { email: address } })).toBeNull();
    expect(await db.auditLog.count({ where: { targetId: address, action: "auth.signin.failure" } })).toBe(1);
  });

  it("creates an unknown user with the configured role", async () => {
    const address = email();
    const result = await signInWithOidc({ email: address, emailVerified: true, name: "New Person", newUserRole: "VIEWER" });
    expect(result.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { email: address } })).toMatchObject({ role: "VIEWER", name: "New Person", passwordHash: null });
  });

  it("refuses a disabled user and an unverified or missing e-mail", async () => {
    const disabled = await createTestUser({ disabled: true, password: null });
    expect(await signInWithOidc({ email: disabled.email, emailVerified: true, name: null, newUserRole: "VIEWER" })).toEqual({ ok: false, error: "AccountDisabled" });
    expect(await signInWithOidc({ email: email(), emailVerified: false, name: null, newUserRole: "VIEWER" })).toEqual({ ok: false, error: "AccessDenied" });
    expect(await signInWithOidc({ email: null, emailVerified: undefined, name: null, newUserRole: "VIEWER" })).toEqual({ ok: false, error: "AccessDenied" });
  });
});
