import "server-only";
import { getEnv } from "@/server/env";

type HeaderSource = { get(name: string): string | null | undefined };

/**
 * The client's IP for audit and throttling. Behind a reverse proxy (TRUST_PROXY=true) the first
 * X-Forwarded-For entry is the client; otherwise the last one, which the Next server itself added.
 */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded.split(",").map((h) => h.trim()).filter(Boolean);
    const ip = getEnv().TRUST_PROXY ? hops[0] : hops[hops.length - 1];
    if (ip) return normalizeIp(ip);
  }
  const real = headers.get("x-real-ip");
  return real ? normalizeIp(real) : null;
}

function normalizeIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}

export function clientInfo(headers: HeaderSource): { ip: string | null; userAgent: string | null } {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent")?.slice(0, 300) ?? null };
}
