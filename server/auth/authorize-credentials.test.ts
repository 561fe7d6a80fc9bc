import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createTestUser, randomIp, TEST_PASSWORD } from "@/prisma/factories/user";
import { authorizeCredentials } from "./authorize-credentials";

async function auditFor(email: string) {
  return db.auditLog.findMany({ where: { targetId: email }, orderBy: { id: "asc" } });
}

describe("authorizeCredentials (PostgreSQL)", () => {
  it("signs in with the right password, audits the success with the IP, and records the login time", async () => {
    const user = await createTestUser();
    const ip = randomIp();
    const result = await authorizeCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD, ip, userAgent: "vitest" });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email, sessionVersion: 0 } });
    const [entry] = await auditFor(user.email);
    expect(entry).toMatchObject({ action: "auth.signin.success", actorId: user.id, ip, userAgent: "vitest" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it("refuses a wrong password and audits the failure without an actor", async () => {
    const user = await createTestUser();
    const result = await authorizeCredentials({ email: user.email, password: "wrong password!", ip: "10.0.0.1", userAgent: null });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    const [entry] = await auditFor(user.email);
    expect(entry).toMatchObject({ action: "auth.signin.failure", actorId: null, actorEmail: user.email, ip: "10.0.0.1" });
    expect(entry?.after).toMatchObject({ reason: "invalid" });
  });

  it("refuses a disabled user even with the right password", async () => {
    const user = await createTestUser({ disabled: true });
    const result = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD, ip: null, userAgent: null });
    expect(result).toEqual({ ok: false, reason: "disabled" });
    expect((await auditFor(user.email))[0]?.after).toMatchObject({ reason: "disabled" });
  });

  it("refuses an unknown e-mail and an SSO-only user the same way as a wrong password", async () => {
    const unknown = await authorizeCredentials({ email: "nobody@test.kanshi", password: TEST_PASSWORD, ip: null, userAgent: null });
    const ssoOnly = await createTestUser({ password: null });
    const sso = await authorizeCredentials({ email: ssoOnly.email, password: TEST_PASSWORD, ip: null, userAgent: null });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(sso).toEqual({ ok: false, reason: "invalid" });
  });
});
