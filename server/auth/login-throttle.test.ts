import { describe, expect, it } from "vitest";
import { createTestUser, randomIp, TEST_PASSWORD } from "@/prisma/factories/user";
import { authorizeCredentials } from "./authorize-credentials";
import { checkLoginThrottle } from "./login-throttle";

async function fail(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) await authorizeCredentials({ email, password: `wrong-${i}`, ip, userAgent: null });
}

describe("login throttling (PostgreSQL)", () => {
  it("locks an e-mail and IP after 10 failures within 15 minutes, and only that pair", async () => {
    const user = await createTestUser();
    const ip = randomIp();
    await fail(user.email, ip, 9);
    expect(await checkLoginThrottle({ email: user.email, ip })).toEqual({ throttled: false });
    await fail(user.email, ip, 1);
    const verdict = await checkLoginThrottle({ email: user.email, ip });
    expect(verdict.throttled).toBe(true);
    if (verdict.throttled) expect(verdict.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Another address, or another user from the same address, is not locked.
    expect(await checkLoginThrottle({ email: user.email, ip: randomIp() })).toEqual({ throttled: false });
    expect(await checkLoginThrottle({ email: "someone-else@test.kanshi", ip })).toEqual({ throttled: false });
  });

  it("unlocks when the failures leave the window", async () => {
    const user = await createTestUser();
    const ip = randomIp();
    await fail(user.email, ip, 10);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await checkLoginThrottle({ email: user.email, ip, now: later })).toEqual({ throttled: false });
  });

  it("counts only the failures after the last successful sign-in", async () => {
    const user = await createTestUser();
    const ip = randomIp();
    await fail(user.email, ip, 6);
    expect((await authorizeCredentials({ email: user.email, password: TEST_PASSWORD, ip, userAgent: null })).ok).toBe(true);
    await fail(user.email, ip, 6);
    expect(await checkLoginThrottle({ email: user.email, ip })).toEqual({ throttled: false });
  });
});
