import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTestUser } from "@/prisma/factories/user";
import { AppError } from "@/server/http/app-error";
import { verifyPassword } from "@/server/auth/password";
import { createUser } from "./create-user";
import { revokeUserSessions } from "./revoke-user-sessions";
import { updateUser } from "./update-user";
import { updatePreferences } from "./update-preferences";

async function adminActor() {
  const user = await createTestUser({ role: "ADMIN" });
  return { id: user.id, email: user.email, name: null, role: "ADMIN" as const, locale: null };
}

async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toMatch(message);
}

describe("user management (PostgreSQL)", () => {
  it("creates a user with a hashed password and audits it; a taken e-mail is a conflict", async () => {
    const email = `new-${Date.now()}-${Math.random()}@test.kanshi`;
    const created = await createUser({ input: { email: ` ${email.toUpperCase()} `, role: "ANALYST", password: "a long password 123" }, actor: null });
    expect(created).toMatchObject({ email, role: "ANALYST" });
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).not.toContain("a long password");
    expect(await verifyPassword(row.passwordHash!, "a long password 123")).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: null, actorEmail: "cli" });
    expect(audit.after).toMatchObject({ email, role: "ANALYST", password: "set" });
    await expectAppError(createUser({ input: { email, role: "VIEWER" }, actor: null }), "CONFLICT", /already exists/);
  });

  it("rejects a bad role and a bad e-mail with messages that name the field", async () => {
    await expect(createUser({ input: { email: "not-an-email", role: "ANALYST" }, actor: null })).rejects.toThrow(/e-mail/);
    await expect(createUser({ input: { email: "x@test.kanshi", role: "ROOT" as "ADMIN" }, actor: null })).rejects.toThrow(/ADMIN, ANALYST, VIEWER/);
  });

  it("audits a role change and a disable with who, before, after and IP", async () => {
    const actor = await adminActor();
    const user = await createTestUser({ role: "VIEWER" });
    await updateUser({ actor, userId: user.id, input: { role: "ANALYST", disabled: true }, ip: "192.0.2.7" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.update", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: actor.id, actorEmail: actor.email, targetType: "user", ip: "192.0.2.7" });
    expect(audit.before).toEqual({ role: "VIEWER", disabled: false });
    expect(audit.after).toEqual({ role: "ANALYST", disabled: true });
  });

  it("does not let an admin demote or disable themselves", async () => {
    const actor = await adminActor();
    await expectAppError(updateUser({ actor, userId: actor.id, input: { role: "VIEWER" } }), "CONFLICT", /your own admin role/);
    await expectAppError(updateUser({ actor, userId: actor.id, input: { disabled: true } }), "CONFLICT", /disable yourself/);
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe("ADMIN");
  });

  it("says which user is missing", async () => {
    await expectAppError(updateUser({ actor: await adminActor(), userId: "missing-id", input: { role: "VIEWER" } }), "NOT_FOUND", /missing-id/);
    await expectAppError(revokeUserSessions({ actor: await adminActor(), userId: "missing-id" }), "NOT_FOUND", /missing-id/);
  });

  it("audits a session revocation and a language change", async () => {
    const actor = await adminActor();
    const user = await createTestUser();
    await revokeUserSessions({ actor, userId: user.id });
    const revoke = await db.auditLog.findFirstOrThrow({ where: { action: "user.sessions.revoke", targetId: user.id } });
    expect(revoke.after).toEqual({ sessionVersion: 1 });
    await updatePreferences({ actor, input: { locale: "ja" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).locale).toBe("ja");
    const pref = await db.auditLog.findFirstOrThrow({ where: { action: "user.preferences.update", targetId: actor.id } });
    expect(pref.before).toEqual({ locale: null });
    expect(pref.after).toEqual({ locale: "ja" });
  });
});
