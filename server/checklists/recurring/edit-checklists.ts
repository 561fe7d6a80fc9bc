import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import { hasRole, type TSessionUser } from "@/server/auth/roles.types";
import { db, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { ZSchedule, type TSchedule } from "./cadence.schema";
import { MAX_ITEMS, ZCreateChecklist, ZNewItem, ZUpdateChecklist, ZUpdateItem } from "./checklist-input.schema";

// Creating and editing recurring checklists and their items (ANALYST+; restoring a checklist is ADMIN).
// Every change is audited in the same transaction. Completions are never touched: a new cadence only
// applies from now on, and the schedules used before are kept so the history shows their periods.

type TActor = { actor: TSessionUser; ip: string | null; now?: Date };
export type TScheduleChange = { schedule: TSchedule; until: string };

async function assertOwner(tx: DbTx, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const user = await tx.user.findUnique({ where: { id: ownerId }, select: { disabled: true } });
  if (!user) throw new AppError("BAD_REQUEST", `ownerId: no user with id "${ownerId.slice(0, 60)}".`);
  if (user.disabled) throw new AppError("BAD_REQUEST", `ownerId: the user "${ownerId}" is disabled; choose an active user.`);
}

async function findChecklist(tx: DbTx, id: string) {
  const checklist = await tx.checklist.findUnique({ where: { id }, include: { items: { orderBy: { position: "asc" } } } });
  if (!checklist) throw new AppError("NOT_FOUND", "No such checklist.");
  return checklist;
}

const summary = (c: { name: string; description: string | null; schedule: unknown; ownerId: string | null; archivedAt: Date | null }) => ({
  name: c.name, description: c.description, schedule: c.schedule, ownerId: c.ownerId, archived: c.archivedAt !== null,
});

export async function createChecklist(input: z.input<typeof ZCreateChecklist>, { actor, ip, now = new Date() }: TActor) {
  const data = ZCreateChecklist.parse(input);
  return db.$transaction(async (tx) => {
    await assertOwner(tx, data.ownerId);
    const schedule: TSchedule = { cadence: data.cadence, timeZone: data.timeZone };
    const created = await tx.checklist.create({
      data: {
        name: data.name, description: data.description, schedule, ownerId: data.ownerId, createdAt: now,
        items: { create: data.items.map((item, position) => ({ ...item, position, createdAt: now })) },
      },
      include: { items: { orderBy: { position: "asc" } } },
    });
    await recordAudit({ actor, action: "checklist.create", target: { type: "checklist", id: created.id }, after: { ...summary(created), items: data.items }, ip }, tx);
    return { id: created.id, items: created.items.map((i) => ({ id: i.id, title: i.title })) };
  });
}

export async function updateChecklist(id: string, input: z.input<typeof ZUpdateChecklist>, { actor, ip, now = new Date() }: TActor) {
  const patch = ZUpdateChecklist.parse(input);
  return db.$transaction(async (tx) => {
    const before = await findChecklist(tx, id);
    if (patch.archived === false && before.archivedAt && !hasRole(actor.role, "ADMIN")) {
      throw new AppError("FORBIDDEN", "Restoring an archived checklist needs the ADMIN role.");
    }
    if (before.archivedAt && patch.archived !== false) throw new AppError("CONFLICT", "This checklist is archived; an admin restores it before it can be edited.");
    if (patch.ownerId !== undefined) await assertOwner(tx, patch.ownerId);

    const current = ZSchedule.parse(before.schedule);
    const schedule: TSchedule = { cadence: patch.cadence ?? current.cadence, timeZone: patch.timeZone ?? current.timeZone };
    const scheduleChanged = JSON.stringify(schedule) !== JSON.stringify(current);
    const history = (before.scheduleHistory as TScheduleChange[] | null) ?? [];

    if (patch.itemOrder) {
      const active = before.items.filter((i) => !i.archivedAt).map((i) => i.id);
      const given = new Set(patch.itemOrder);
      if (given.size !== patch.itemOrder.length || active.length !== given.size || active.some((i) => !given.has(i))) {
        throw new AppError("BAD_REQUEST", "itemOrder: give every active item's id exactly once.");
      }
      for (const [position, itemId] of patch.itemOrder.entries()) await tx.checklistItem.update({ where: { id: itemId }, data: { position } });
    }
    const archivedAt = patch.archived === undefined ? before.archivedAt : patch.archived ? (before.archivedAt ?? now) : null;
    const after = await tx.checklist.update({
      where: { id },
      data: {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
        ...(scheduleChanged ? { schedule, scheduleHistory: [...history, { schedule: current, until: now.toISOString() }] } : {}),
        archivedAt,
      },
    });
    const action = patch.archived === true && !before.archivedAt ? "checklist.archive" : patch.archived === false && before.archivedAt ? "checklist.restore" : "checklist.update";
    await recordAudit({
      actor, action, target: { type: "checklist", id }, ip,
      before: { ...summary(before), ...(patch.itemOrder ? { itemOrder: before.items.filter((i) => !i.archivedAt).map((i) => i.id) } : {}) },
      after: { ...summary(after), ...(patch.itemOrder ? { itemOrder: patch.itemOrder } : {}) },
    }, tx);
    return { id, archived: after.archivedAt !== null, scheduleChanged };
  });
}

export async function addItem(checklistId: string, input: z.input<typeof ZNewItem>, { actor, ip, now = new Date() }: TActor) {
  const data = ZNewItem.parse(input);
  return db.$transaction(async (tx) => {
    const checklist = await findChecklist(tx, checklistId);
    if (checklist.archivedAt) throw new AppError("CONFLICT", "This checklist is archived; an admin restores it before it can be edited.");
    if (checklist.items.filter((i) => !i.archivedAt).length >= MAX_ITEMS) throw new AppError("BAD_REQUEST", `items: a checklist holds at most ${MAX_ITEMS} items.`);
    const position = Math.max(-1, ...checklist.items.map((i) => i.position)) + 1;
    const item = await tx.checklistItem.create({ data: { ...data, checklistId, position, createdAt: now } });
    await recordAudit({ actor, action: "checklist.item.create", target: { type: "checklistItem", id: item.id }, after: { checklistId, ...data, position }, ip }, tx);
    return { id: item.id, title: item.title, position };
  });
}

export async function updateItem(itemId: string, input: z.input<typeof ZUpdateItem>, { actor, ip, now = new Date() }: TActor) {
  const patch = ZUpdateItem.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.checklistItem.findUnique({ where: { id: itemId }, include: { checklist: { select: { archivedAt: true } } } });
    if (!before) throw new AppError("NOT_FOUND", "No such checklist item.");
    if (before.checklist.archivedAt) throw new AppError("CONFLICT", "This checklist is archived; an admin restores it before it can be edited.");
    const archivedAt = patch.archived === undefined ? before.archivedAt : patch.archived ? (before.archivedAt ?? now) : null;
    const after = await tx.checklistItem.update({
      where: { id: itemId },
      data: {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.source !== undefined ? { source: patch.source } : {}),
        archivedAt,
      },
    });
    const pick = (i: typeof after) => ({ title: i.title, description: i.description, source: i.source, archived: i.archivedAt !== null });
    const action = patch.archived === true && !before.archivedAt ? "checklist.item.archive" : "checklist.item.update";
    await recordAudit({ actor, action, target: { type: "checklistItem", id: itemId }, before: pick(before), after: pick(after), ip }, tx);
    return { id: itemId, archived: after.archivedAt !== null };
  });
}
