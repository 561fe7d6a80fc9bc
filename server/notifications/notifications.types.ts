// Pure: what the notifications admin page and its API exchange (client code may import this file).
import { z } from "zod";

export type TNotifyChannel = "webhook" | "email";

/** A delivery as the admin sees it: sent; pending (not tried yet); retrying (failed, next attempt scheduled); failed (given up). */
export type TDeliveryStatus = "sent" | "pending" | "retrying" | "failed";

export type TDeliveryListItem = {
  id: string;
  channel: TNotifyChannel;
  status: TDeliveryStatus;
  attempts: number;
  /** when the next attempt is due (pending and retrying only) */
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  updatedAt: string;
  /** a worker or another admin's "Retry now" holds its lease right now: Retry now would be refused */
  sending: boolean;
};

export type TDigestListItem = {
  id: string;
  windowStart: string;
  windowEnd: string;
  subject: string;
  itemCount: number;
  createdAt: string;
  deliveries: TDeliveryListItem[];
};

export type TDigestPage = {
  items: TDigestListItem[];
  nextCursor: string | null;
  /** over every stored digest, not just this page */
  counts: { failed: number; retrying: number };
};

/** The settings without their secrets: the webhook's host (its path carries the token), the SMTP host, never a password. */
export type TNotifySettings = {
  webhook: { host: string } | null;
  email: { host: string; port: number | null; secure: boolean; from: string; to: string[] } | null;
  intervalMinutes: number;
  maxAttempts: number;
};

export type TTestResult = { channel: TNotifyChannel; target: string; ok: boolean; error: string | null; durationMs: number };
export type TTestResponse = { results: TTestResult[] };

/** The settings a channel needs (the reason a delivery of an unconfigured channel cannot be retried). */
export const CHANNEL_SETTINGS: Record<TNotifyChannel, string> = {
  webhook: "KANSHI_NOTIFY_WEBHOOK_URL",
  email: "KANSHI_NOTIFY_SMTP_URL, KANSHI_NOTIFY_EMAIL_FROM and KANSHI_NOTIFY_EMAIL_TO",
};

export type TRetryResponse = { outcome: "sent" | "retried" | "failed"; delivery: TDeliveryListItem };

/** `<windowEnd ms>.<digest id>`: the last digest of the previous page. */
export const CURSOR_PATTERN = /^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/;

export const ZDigestListQuery = z
  .object({
    cursor: z.string().regex(CURSOR_PATTERN, "must be the nextCursor of a previous page").optional(),
    limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(25),
    failed: z
      .enum(["true", "false", "1", "0"], { message: "must be true or false" })
      .optional()
      .transform((v) => v === "true" || v === "1"),
  })
  .strict();
export type TDigestListQuery = z.infer<typeof ZDigestListQuery>;

export const ZDeliveryId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a delivery id");
