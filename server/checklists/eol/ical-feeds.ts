import "server-only";
import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { cycleEvents } from "./calendar";
import { eolToday, loadInventory, type TActor } from "./inventory";
import type { TIcalFeedView } from "./inventory.types";

/** Past end dates stay in the feed this long, so a calendar still shows what recently ended. */
const PAST_WINDOW_DAYS = 365;

export const ZCreateFeed = z.object({ name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters") }).strict();

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const icalPath = (token: string) => `/api/eol/ical/${token}`;

function view(feed: { id: string; name: string; createdAt: Date; createdByEmail: string | null; lastUsedAt: Date | null }): TIcalFeedView {
  return { id: feed.id, name: feed.name, createdAt: feed.createdAt.toISOString(), createdByEmail: feed.createdByEmail, lastUsedAt: feed.lastUsedAt?.toISOString() ?? null };
}

/** A new secret feed URL; the token is shown once (only its hash is stored). */
export async function createIcalFeed(input: z.infer<typeof ZCreateFeed>, { user, ip }: TActor): Promise<TIcalFeedView & { token: string; path: string }> {
  const token = randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    const feed = await tx.eolIcalFeed.create({ data: { name: input.name, tokenHash: hashToken(token), createdById: user.id, createdByEmail: user.email } });
    await recordAudit({ actor: user, action: "eol.ical.create", target: { type: "eolIcalFeed", id: feed.id }, after: { name: feed.name }, ip }, tx);
    return { ...view(feed), token, path: icalPath(token) };
  });
}

/** Active feeds with their creation info only (the URL cannot be shown again). */
export async function listIcalFeeds(): Promise<TIcalFeedView[]> {
  const feeds = await db.eolIcalFeed.findMany({ where: { revokedAt: null }, orderBy: { createdAt: "desc" } });
  return feeds.map(view);
}

export async function revokeIcalFeed(id: string, { user, ip }: TActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const feed = await tx.eolIcalFeed.findUnique({ where: { id } });
    if (!feed || feed.revokedAt) throw new AppError("NOT_FOUND", "No such active feed.");
    await tx.eolIcalFeed.update({ where: { id }, data: { revokedAt: new Date(), revokedById: user.id } });
    await recordAudit({ actor: user, action: "eol.ical.revoke", target: { type: "eolIcalFeed", id }, before: { name: feed.name, createdAt: feed.createdAt }, ip }, tx);
  });
}

/**
 * The calendar behind a feed token: one all-day event per product cycle end date (end of life and end of
 * active support) of the inventory, upcoming and up to a year past. null for an unknown or revoked token.
 */
export async function icalForToken(token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await db.eolIcalFeed.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!feed || feed.revokedAt) return null;
  await db.eolIcalFeed.update({ where: { id: feed.id }, data: { lastUsedAt: now } });
  const today = eolToday(now);
  const { rows } = await loadInventory({ page: 1, pageSize: 1 }, today);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - PAST_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const calendar = ical({ name: `Kanshi EOL: ${feed.name}`, prodId: { company: "Kanshi", product: "EOL inventory", language: "EN" }, ttl: 3600 });
  for (const event of cycleEvents(rows).filter((e) => e.date >= from)) {
    const start = new Date(`${event.date}T00:00:00Z`);
    const what = event.kind === "eol" ? "end of life" : "end of active support";
    calendar.createEvent({
      id: `eol-${event.kind}-${event.product}-${event.cycle.replace(/[^A-Za-z0-9._-]/g, "_")}@kanshi`,
      start, end: new Date(start.getTime() + 86_400_000), allDay: true, timezone: "UTC",
      summary: `${event.productName} ${event.cycle}: ${what}`,
      description: `${event.productName} ${event.cycle} reaches ${what} on ${event.date}. ${event.items} inventory item(s) run it.`,
      stamp: now,
    });
  }
  return calendar.toString();
}
