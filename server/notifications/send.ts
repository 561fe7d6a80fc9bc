import "server-only";
import nodemailer from "nodemailer";
import type { TRenderedDigest } from "./digest";
import type { TChannel, TNotifyConfig } from "./notify-config";

// One send of a digest to one channel. Never throws: the outcome says whether it went out and, if
// not, whether a later attempt may succeed (network errors, timeouts, HTTP 429 and 5xx, SMTP 4xx) or
// not (other HTTP 4xx, SMTP 5xx such as a refused login or recipient).

export type TSendOutcome = { ok: true } | { ok: false; retryable: boolean; error: string };

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function sendWebhook(url: string, digest: TRenderedDigest, timeoutMs: number): Promise<TSendOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Slack shows the blocks and uses the text for notifications; text-only webhooks show the text.
      body: JSON.stringify({ text: digest.text, blocks: digest.blocks }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    // The URL is a secret (it carries the webhook's token): errors name the host only.
    return { ok: false, retryable: true, error: timedOut ? `webhook did not answer within ${timeoutMs} ms` : `webhook request failed${cause || `: ${message(error)}`}` };
  }
  const body = await response.text().catch(() => "");
  if (response.ok) return { ok: true };
  const retryable = response.status === 429 || response.status >= 500;
  return { ok: false, retryable, error: clip(`webhook answered HTTP ${response.status}${body ? `: ${body.trim()}` : ""}`) };
}

export async function sendEmail(email: NonNullable<TNotifyConfig["email"]>, digest: TRenderedDigest, timeoutMs: number): Promise<TSendOutcome> {
  const transport = nodemailer.createTransport({ url: email.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as nodemailer.TransportOptions);
  try {
    await transport.sendMail({ from: email.from, to: email.to, subject: digest.subject, text: digest.text, html: digest.html });
    return { ok: true };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    // SMTP 5xx replies are permanent (bad credentials, unknown recipient); 4xx and connection problems are not.
    const retryable = code === undefined || code < 500;
    return { ok: false, retryable, error: clip(`e-mail not sent: ${message(error)}`) };
  } finally {
    transport.close();
  }
}

export async function sendDigest(channel: TChannel, config: TNotifyConfig, digest: TRenderedDigest): Promise<TSendOutcome> {
  if (channel === "webhook") {
    if (!config.webhookUrl) return { ok: false, retryable: false, error: "KANSHI_NOTIFY_WEBHOOK_URL is no longer set" };
    return sendWebhook(config.webhookUrl, digest, config.timeoutMs);
  }
  if (!config.email) return { ok: false, retryable: false, error: "the e-mail settings (KANSHI_NOTIFY_SMTP_URL, _EMAIL_FROM, _EMAIL_TO) are no longer set" };
  return sendEmail(config.email, digest, config.timeoutMs);
}
