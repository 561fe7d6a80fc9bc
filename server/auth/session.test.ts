import { describe, expect, it } from "vitest";
import { createTestUser } from "@/prisma/factories/user";
import { revokeUserSessions } from "@/server/users/revoke-user-sessions";
import { updateUser } from "@/server/users/update-user";
import { resolveSessionUser } from "./session";

async function admin() {
  const user = await createTestUser({ role: "ADMIN" });
  return { id: user.id, email: user.email, name: null, role: "ADMIN" as const, locale: null };
}

describe("session checks against the database", () => {
  it("accepts a session of an active user with the current session version", async () => {
    const user = await createTestUser({ role: "VIEWER" });
    const state = await resolveSessionUser({ uid: user.id, sv: 0 });
    expect(state).toEqual({ status: "active", user: { id: user.id, email: user.email, name: null, role: "VIEWER", locale: null } });
  });

  it("has no user without ids", async () => {
    expect(await resolveSessionUser(null)).toEqual({ status: "anonymous" });
    expect(await resolveSessionUser({})).toEqual({ status: "anonymous" });
  });

  it("ends the session of a user an admin disabled, at the next request", async () => {
    const user = await createTestUser();
    await updateUser({ actor: await admin(), userId: user.id, input: { disabled: true } });
    expect(await resolveSessionUser({ uid: user.id, sv: 0 })).toEqual({ status: "ended" });
  });

  it("ends sessions an admin revoked, while a session issued afterwards works", async () => {
    const user = await createTestUser();
    const { sessionVersion } = await revokeUserSessions({ actor: await admin(), userId: user.id });
    expect(sessionVersion).toBe(1);
    expect(await resolveSessionUser({ uid: user.id, sv: 0 })).toEqual({ status: "ended" });
    expect((await resolveSessionUser({ uid: user.id, sv: 1 })).status).toBe("active");
  });

  it("picks up a role change at the next request", async () => {
    const user = await createTestUser({ role: "VIEWER" });
    await updateUser({ actor: await admin(), userId: user.id, input: { role: "ANALYST" } });
    const state = await resolveSessionUser({ uid: user.id, sv: 0 });
    expect(state.status === "active" && state.user.role).toBe("ANALYST");
  });
});
