import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { getEnv } from "@/server/env";
import { AppError } from "@/server/http/app-error";
import type { TRenderedDigest } from "./digest";
import type { TTestResponse, TTestResult } from "./notifications.types";
import { channelsOf, notifyConfigFromEnv, type TChannel, type TNotifyConfig } from "./notify-config";
import { describeNotifySettings } from "./list-deliveries";
import { sendDigest } from "./send";

// "Send test message": a short message to every configured channel, now, once (no retry, nothing
// stored but the audit entry). A channel that fails is reported with its error, never thrown: the
// admin wants to read why it failed.

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function renderTestMessage(options: { actorEmail: string; consoleUrl: string; now: Date }): TRenderedDigest {
  const subject = "[Kanshi] Test message";
  const body = `This is a test message from Kanshi, sent by ${options.actorEmail} at ${options.now.toISOString()}. Digests of new CRITICAL findings and overdue items will arrive here.`;
  return {
    subject,
    text: `${subject}\n\n${body}\n\nKanshi: ${options.consoleUrl}/settings/notifications`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:14px"><h2 style="font-size:18px">${escapeHtml(subject)}</h2><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(options.consoleUrl)}/settings/notifications">Kanshi</a></p></body></html>`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: subject } },
      { type: "section", text: { type: "mrkdwn", text: body.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") } },
    ],
  };
}

function targetOf(channel: TChannel, config: TNotifyConfig): string {
  const settings = describeNotifySettings(config);
  return channel === "webhook" ? (settings.webhook?.host ?? "") : `${settings.email?.to.join(", ") ?? ""} via ${settings.email?.host ?? ""}`;
}

export async function sendTestMessage(options: {
  actor: TSessionUser;
  ip?: string | null;
  /** default: from the KANSHI_NOTIFY_* settings */
  config?: TNotifyConfig;
  now?: Date;
}): Promise<TTestResponse> {
  const config = options.config ?? notifyConfigFromEnv(getEnv());
  const channels = channelsOf(config);
  if (channels.length === 0) {
    throw new AppError("CONFLICT", "No notification channel is configured: set KANSHI_NOTIFY_WEBHOOK_URL and/or KANSHI_NOTIFY_SMTP_URL, KANSHI_NOTIFY_EMAIL_FROM and KANSHI_NOTIFY_EMAIL_TO, then restart Kanshi.");
  }
  const message = renderTestMessage({ actorEmail: options.actor.email, consoleUrl: config.consoleUrl, now: options.now ?? new Date() });
  const results = await Promise.all(
    channels.map(async (channel): Promise<TTestResult> => {
      const started = Date.now();
      const outcome = await sendDigest(channel, config, message);
      return { channel, target: targetOf(channel, config), ok: outcome.ok, error: outcome.ok ? null : outcome.error, durationMs: Date.now() - started };
    }),
  );
  await recordAudit({
    actor: options.actor,
    action: "notification.test",
    target: { type: "notification", id: channels.join(",") },
    after: { results: results.map(({ channel, target, ok, error }) => ({ channel, target, ok, error })) },
    ip: options.ip,
  });
  return { results };
}
