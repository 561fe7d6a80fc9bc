import "server-only";
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { itemState, periodAt, previousPeriod, type TPeriod } from "./cadence";
import { ZSchedule } from "./cadence.schema";
import type { TArchivedChecklist, TChecklistItemView, TChecklistView } from "./checklists.types";
import type { TScheduleChange } from "./edit-checklists";
import { feedStatuses, isFeedSource } from "./feeds";
import { TEMPLATES } from "./templates";

export type { TChecklistItemView, TChecklistView };

const iso = (d: Date) => d.toISOString();

/** Creates the shipped default checklists once (by template key); later edits are kept. */
export async function ensureDefaultChecklists(): Promise<number> {
  let created = 0;
  for (const template of TEMPLATES) {
    const exists = await db.checklist.findUnique({ where: { templateKey: template.key }, select: { id: true } });
    if (exists) continue;
    await db.checklist.create({
      data: {
        name: template.name, description: template.description, schedule: template.schedule, templateKey: template.key,
        items: { create: template.items.map((item, position) => ({ ...item, position })) },
      },
    });
    created++;
  }
  return created;
}

/**
 * Every checklist with its current period and each item's state. An item whose previous period
 * ended without a completion is overdue (for that period) until someone completes it.
 */
export async function listChecklists(now = new Date()): Promise<TChecklistView[]> {
  const checklists = await db.checklist.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    include: { owner: { select: { id: true, email: true } }, items: { where: { archivedAt: null }, orderBy: { position: "asc" } } },
  });
  // Each checklist's current and previous period, then every completion of those periods in one query.
  const periods = checklists.map((checklist) => {
    const schedule = ZSchedule.parse(checklist.schedule);
    const current = periodAt(schedule.cadence, schedule.timeZone, now);
    return { schedule, current, previous: previousPeriod(schedule.cadence, schedule.timeZone, current) };
  });
  const completions = await db.checklistCompletion.findMany({
    where: {
      OR: checklists.map((checklist, i) => ({
        itemId: { in: checklist.items.map((item) => item.id) },
        periodKey: { in: [periods[i]!.current.key, periods[i]!.previous.key] },
      })),
    },
    include: { completedBy: { select: { email: true } } },
  });
  const done = new Map(completions.map((c) => [`${c.itemId}|${c.periodKey}`, c]));
  const feeds = await feedStatuses(checklists.flatMap((c) => c.items.map((item) => item.source)), now);
  const views = checklists.map((checklist, i): TChecklistView => {
    const { schedule, current, previous } = periods[i]!;
    // The schedule in effect since its last change: a period of it that ended before the change is not owed.
    const history = (checklist.scheduleHistory as TScheduleChange[] | null) ?? [];
    const since = history.length ? new Date(history.at(-1)!.until) : null;
    const items = checklist.items.map((item): TChecklistItemView => {
      // The previous period counts only for items that existed before it was due.
      const owed = item.createdAt < previous.due && (!since || since < previous.due);
      const open = owed && !done.has(`${item.id}|${previous.key}`) ? previous : current;
      const completion = done.get(`${item.id}|${open.key}`) ?? null;
      const state = itemState({ cadence: schedule.cadence, tz: schedule.timeZone, now, period: open, completedAt: completion?.completedAt ?? null });
      return {
        id: item.id, title: item.title, description: item.description, source: item.source,
        state: state.state, daysOverdue: state.daysOverdue, period: { key: open.key, due: iso(open.due) },
        completion: completion ? { at: iso(completion.completedAt), by: completion.completedBy?.email ?? null, result: completion.result, note: completion.note, link: completion.link } : null,
        ...(isFeedSource(item.source) && feeds.has(item.source) ? { feed: feeds.get(item.source)! } : {}),
      };
    });
    return {
      id: checklist.id, templateKey: checklist.templateKey, name: checklist.name, description: checklist.description, schedule, owner: checklist.owner,
      period: { key: current.key, start: iso(current.start), due: iso(current.due) }, items,
    };
  });
  return views;
}

/** Archived checklists, most recently archived first (an admin restores them). */
export async function listArchivedChecklists(): Promise<TArchivedChecklist[]> {
  const rows = await db.checklist.findMany({
    where: { archivedAt: { not: null } },
    orderBy: { archivedAt: "desc" },
    include: { _count: { select: { items: { where: { archivedAt: null } } } } },
  });
  return rows.map((c) => ({
    id: c.id, name: c.name, description: c.description, schedule: ZSchedule.parse(c.schedule), archivedAt: iso(c.archivedAt!), itemCount: c._count.items,
  }));
}

export const ZCompleteItem = z.object({
  periodKey: z.string().min(1).max(40),
  result: z.enum(["OK", "ISSUE"]),
  note: z.string().trim().max(2000, "must be at most 2,000 characters").optional(),
  link: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2000).optional(),
}).strict().refine((v) => v.result === "OK" || v.note || v.link, { message: "an issue needs a note or a link as evidence", path: ["note"] });

/** Records an item as done for its current or previous period (who, when, result, evidence), audited. */
export async function completeItem(itemId: string, input: z.infer<typeof ZCompleteItem>, actor: TSessionUser, ip: string | null, now = new Date()) {
  const item = await db.checklistItem.findUnique({ where: { id: itemId }, include: { checklist: true } });
  if (!item || item.archivedAt) throw new AppError("NOT_FOUND", "No such checklist item.");
  if (item.checklist.archivedAt) throw new AppError("CONFLICT", "This checklist is archived; an admin restores it before its items can be completed.");
  const schedule = ZSchedule.parse(item.checklist.schedule);
  const current = periodAt(schedule.cadence, schedule.timeZone, now);
  const previous = previousPeriod(schedule.cadence, schedule.timeZone, current);
  const period: TPeriod | undefined = [current, previous].find((p) => p.key === input.periodKey);
  if (!period) throw new AppError("BAD_REQUEST", `Period "${input.periodKey}" is not open: complete the current period (${current.key}) or the previous one (${previous.key}).`);
  return db.$transaction(async (tx) => {
    const existing = await tx.checklistCompletion.findUnique({ where: { itemId_periodKey: { itemId, periodKey: period.key } }, include: { completedBy: { select: { email: true } } } });
    if (existing) throw new AppError("CONFLICT", `Already completed for ${period.key} by ${existing.completedBy?.email ?? "someone"} at ${iso(existing.completedAt)}.`);
    const completion = await tx.checklistCompletion.create({
      data: { itemId, periodKey: period.key, periodDue: period.due, completedAt: now, completedById: actor.id, result: input.result, note: input.note ?? null, link: input.link ?? null },
    });
    await recordAudit({ actor, action: "checklist.item.complete", target: { type: "checklistItem", id: itemId }, after: { periodKey: period.key, result: input.result, note: input.note, link: input.link }, ip }, tx);
    return { id: completion.id, periodKey: completion.periodKey, result: completion.result, completedAt: iso(completion.completedAt) };
  });
}
