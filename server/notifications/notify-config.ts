import "server-only";
import type { TEnv } from "@/server/env";

// Where digests go and how they are retried, from the KANSHI_NOTIFY_* settings (server/env.ts).

export type TNotifyConfig = {
  webhookUrl: string | null;
  email: { smtpUrl: string; from: string; to: string[] } | null;
  /** base URL of the console for links (NEXTAUTH_URL, default http://localhost:$PORT) */
  consoleUrl: string;
  intervalMinutes: number;
  maxAttempts: number;
  /** wait after the first failed send; doubled after each further failure, at most an hour */
  backoffSeconds: number;
  /** per send: the webhook's request and the SMTP connection / socket */
  timeoutMs: number;
};

export type TChannel = "webhook" | "email";

export function notifyConfigFromEnv(env: TEnv): TNotifyConfig {
  const email = env.KANSHI_NOTIFY_SMTP_URL && env.KANSHI_NOTIFY_EMAIL_FROM && env.KANSHI_NOTIFY_EMAIL_TO
    ? { smtpUrl: env.KANSHI_NOTIFY_SMTP_URL, from: env.KANSHI_NOTIFY_EMAIL_FROM, to: env.KANSHI_NOTIFY_EMAIL_TO }
    : null;
  return {
    webhookUrl: env.KANSHI_NOTIFY_WEBHOOK_URL ?? null,
    email,
    consoleUrl: (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    intervalMinutes: env.KANSHI_NOTIFY_INTERVAL_MINUTES,
    maxAttempts: env.KANSHI_NOTIFY_MAX_ATTEMPTS,
    backoffSeconds: 60,
    timeoutMs: 15_000,
  };
}

export function channelsOf(config: TNotifyConfig): TChannel[] {
  return [...(config.webhookUrl ? (["webhook"] as const) : []), ...(config.email ? (["email"] as const) : [])];
}
