import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import { clientInfo } from "@/server/http/client-info";
import { checkLoginThrottle } from "./login-throttle";

/**
 * For POST /api/auth/callback/credentials: a 429 when this e-mail and IP have too many recent
 * failures, before the password is even checked. The body keeps next-auth's `url` so its
 * client's signIn() reports `error: "Throttled"`.
 */
export async function refuseIfThrottled(request: Request): Promise<Response | null> {
  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase();
  if (!email) return null;
  const { ip, userAgent } = clientInfo(request.headers);
  const verdict = await checkLoginThrottle({ email, ip });
  if (!verdict.throttled) return null;
  await recordAudit({ actor: null, actorEmail: email, action: "auth.signin.throttled", target: { type: "user", id: email }, ip, userAgent });
  const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
  const message = `Too many failed sign-in attempts for ${email} from this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask an admin.`;
  // `url` as next-auth answers, so its client's signIn() reports `error: "Throttled"`.
  return Response.json(
    { error: { code: "THROTTLED", message }, url: new URL("/login?error=Throttled", request.url).toString() },
    { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
  );
}
