import "server-only";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";

export const SIGNIN_FAILURE = "auth.signin.failure";
export const SIGNIN_SUCCESS = "auth.signin.success";

export type TThrottleVerdict = { throttled: false } | { throttled: true; retryAfterSeconds: number };

/**
 * Failed sign-ins are counted per e-mail and IP from the audit log, over the last
 * LOGIN_FAILURE_WINDOW_MINUTES and since the last success; LOGIN_MAX_FAILURES of them lock that pair.
 */
export async function checkLoginThrottle(options: { email: string; ip: string | null; now?: Date }): Promise<TThrottleVerdict> {
  const env = getEnv();
  const now = options.now ?? new Date();
  const windowStart = new Date(now.getTime() - env.LOGIN_FAILURE_WINDOW_MINUTES * 60_000);
  const email = options.email.trim().toLowerCase();
  const lastSuccess = await db.auditLog.findFirst({
    where: { action: SIGNIN_SUCCESS, targetId: email, ip: options.ip, at: { gte: windowStart } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const failures = await db.auditLog.findMany({
    where: { action: SIGNIN_FAILURE, targetId: email, ip: options.ip, at: { gt: since } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: env.LOGIN_MAX_FAILURES,
  });
  if (failures.length < env.LOGIN_MAX_FAILURES) return { throttled: false };
  // Unlocks when the oldest counted failure leaves the window.
  const oldest = failures[0]!.at.getTime();
  const unlockAt = oldest + env.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
  return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 1000)) };
}
