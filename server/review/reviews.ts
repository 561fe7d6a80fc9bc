import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/http/app-error";
import { readSourceClock } from "@/server/checklists/patches/source-clock";
import { syncConfigFromEnv } from "@/server/sync/sync-config";
import { buildAgenda } from "./agenda";
import { withSectionLinks } from "./agenda-predicates";
import { actionItemView, loadActionItems, userLabels } from "./action-items";
import { draftForUpdate, type TActor, type TReviewRow } from "./draft-lock";
import {
  ZReviewUpdate, type TAgenda, type TAttendee, type TReviewList, type TReviewStatus, type TReviewView,
} from "./review.types";

// Weekly reviews: started with a frozen agenda for the period since the previous review, edited while DRAFT,
// immutable once FINAL (every change → 409).

const DAY = 86_400_000;
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
const actorOf = (u: TSessionUser) => ({ id: u.id, email: u.email });

async function toView(row: TReviewRow): Promise<TReviewView> {
  const attendees = row.attendees as TAttendee[];
  const items = await loadActionItems({ reviewId: row.id });
  const ids = [...attendees.flatMap((a) => ("userId" in a ? [a.userId] : [])), row.createdById, row.finalizedById].filter((x): x is string => !!x);
  const labels = await userLabels(ids);
  return {
    id: row.id, status: row.status as TReviewStatus, periodStart: row.periodStart.toISOString(), periodEnd: row.periodEnd.toISOString(),
    agenda: withSectionLinks(row.agenda as unknown as TAgenda, row.id), agendaAt: row.agendaAt.toISOString(),
    attendees: attendees.map((a) => ({ ...a, label: "userId" in a ? labels.get(a.userId) ?? a.userId : a.name })),
    notes: row.notes, decisions: row.decisions as string[],
    createdBy: row.createdByEmail, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
    finalizedBy: row.finalizedById ? labels.get(row.finalizedById) ?? row.finalizedById : null, finalizedAt: row.finalizedAt?.toISOString() ?? null,
    actionItems: items.map((i) => actionItemView(i, labels)),
  };
}

export async function listReviews(options: { page?: number; pageSize?: number } = {}): Promise<TReviewList> {
  const page = Math.max(1, options.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 20));
  const [rows, total] = await Promise.all([
    db.review.findMany({ orderBy: [{ periodEnd: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize,
      select: { id: true, status: true, periodStart: true, periodEnd: true, createdByEmail: true, createdAt: true, finalizedAt: true } }),
    db.review.count(),
  ]);
  const counts = rows.length
    ? await db.reviewActionItem.groupBy({ by: ["reviewId", "status"], where: { reviewId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  return {
    page, pageSize, total,
    items: rows.map((r) => {
      const mine = counts.filter((c) => c.reviewId === r.id);
      return {
        id: r.id, status: r.status as TReviewStatus, periodStart: r.periodStart.toISOString(), periodEnd: r.periodEnd.toISOString(),
        createdBy: r.createdByEmail, createdAt: r.createdAt.toISOString(), finalizedAt: r.finalizedAt?.toISOString() ?? null,
        actionItems: mine.reduce((n, c) => n + c._count._all, 0), openActionItems: mine.filter((c) => c.status === "open").reduce((n, c) => n + c._count._all, 0),
      };
    }),
  };
}

export async function getReview(id: string): Promise<TReviewView> {
  const row = await db.review.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", `Review ${id.slice(0, 40)} does not exist.`);
  return toView(row);
}

/** "Now" on the source's clock: the simulator's in demo mode (it can be moved forward), else the wall clock. */
async function sourceNow(): Promise<Date> {
  try {
    return await readSourceClock(syncConfigFromEnv().connection.endpoint);
  } catch {
    return new Date();
  }
}

/**
 * Starts a review of the period since the previous one (or the last 7 days for the first). The period ends
 * now on the source's clock; the same span on Kanshi's own clock is kept for what Kanshi timestamps itself.
 */
export async function startReview({ user, ip }: TActor, options: { sourceNow?: Date; wallNow?: Date } = {}): Promise<TReviewView> {
  const wallNow = options.wallNow ?? new Date();
  const now = options.sourceNow ?? (await sourceNow());
  const id = await db.$transaction(async (tx) => {
    // One review start at a time, so two never cover the same period.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kanshi.review.start'))`;
    const previous = await tx.review.findFirst({ orderBy: { periodEnd: "desc" }, select: { periodEnd: true, recordedTo: true } });
    const window = previous && previous.periodEnd < now && previous.recordedTo < wallNow
      ? { periodStart: previous.periodEnd, periodEnd: now, recordedFrom: previous.recordedTo, recordedTo: wallNow }
      : { periodStart: new Date(now.getTime() - 7 * DAY), periodEnd: now, recordedFrom: new Date(wallNow.getTime() - 7 * DAY), recordedTo: wallNow };
    const agenda = await buildAgenda(window);
    const row = await tx.review.create({
      data: { ...window, agenda: json(agenda), agendaAt: new Date(agenda.builtAt), createdById: user.id, createdByEmail: user.email },
    });
    // The id is known only now: the stored agenda's finding sections link to their review's lists.
    await tx.review.update({ where: { id: row.id }, data: { agenda: json(withSectionLinks(agenda, row.id)) } });
    await recordAudit({ actor: actorOf(user), action: "review.start", target: { type: "review", id: row.id }, after: window, ip }, tx);
    return row.id;
  }, { timeout: 60_000 });
  return getReview(id);
}

export async function updateReview(id: string, raw: unknown, { user, ip }: TActor): Promise<TReviewView> {
  const input = ZReviewUpdate.parse(raw);
  await db.$transaction(async (tx) => {
    const before = await draftForUpdate(tx, id);
    const data: Prisma.ReviewUpdateInput = {};
    if (input.attendees) data.attendees = json(input.attendees);
    if (input.notes !== undefined) data.notes = input.notes;
    if (input.decisions) data.decisions = json(input.decisions);
    await tx.review.update({ where: { id }, data });
    await recordAudit({
      actor: actorOf(user), action: "review.update", target: { type: "review", id }, ip,
      before: { attendees: before.attendees, notes: before.notes, decisions: before.decisions }, after: input,
    }, tx);
  });
  return getReview(id);
}

/** Rebuilds a DRAFT review's agenda for its period (figures that arrived since it was started). */
export async function refreshAgenda(id: string, { user, ip }: TActor): Promise<TReviewView> {
  await db.$transaction(async (tx) => {
    const row = await draftForUpdate(tx, id);
    const agenda = await buildAgenda(row, id);
    await tx.review.update({ where: { id }, data: { agenda: json(agenda), agendaAt: new Date(agenda.builtAt) } });
    await recordAudit({ actor: actorOf(user), action: "review.refresh", target: { type: "review", id }, ip }, tx);
  }, { timeout: 60_000 });
  return getReview(id);
}

export async function finalizeReview(id: string, { user, ip }: TActor): Promise<TReviewView> {
  await db.$transaction(async (tx) => {
    await draftForUpdate(tx, id);
    const finalizedAt = new Date();
    await tx.review.update({ where: { id }, data: { status: "FINAL", finalizedAt, finalizedById: user.id } });
    await recordAudit({ actor: actorOf(user), action: "review.finalize", target: { type: "review", id }, after: { status: "FINAL", finalizedAt }, ip }, tx);
  });
  return getReview(id);
}
