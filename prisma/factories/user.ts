import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import type { TRole } from "@/server/auth/roles.types";

export const TEST_PASSWORD = "correct horse battery staple";

/** A user with a random e-mail, so tests can run in parallel on one database. */
export async function createTestUser(overrides: { role?: TRole; email?: string; disabled?: boolean; password?: string | null } = {}) {
  const email = overrides.email ?? `user-${randomUUID()}@test.kanshi`;
  const password = overrides.password === undefined ? TEST_PASSWORD : overrides.password;
  return db.user.create({
    data: {
      email,
      role: overrides.role ?? "ANALYST",
      disabled: overrides.disabled ?? false,
      passwordHash: password ? await hashPassword(password) : null,
    },
  });
}

export function randomIp(): string {
  const b = () => Math.floor(Math.random() * 254) + 1;
  return `10.${b()}.${b()}.${b()}`;
}
