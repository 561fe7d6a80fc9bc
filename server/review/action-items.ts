import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import { hasRole } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { draftForUpdate, type TActor } from "./draft-lock";
import { ZActionItemInput, ZActionItemPatch, type TActionItemView } from "./review.types";

// Action items of a review. Added, edited and removed by analysts while the review is DRAFT; the owner
// (whatever their role) and analysts may mark an item done or open again, also once the review is FINAL.

type TItemRow = NonNullable<Awaited<ReturnType<typeof db.reviewActionItem.findUnique>>>;
const toDate = (day: string | null | undefined) => (day ? new Date(`${day}T00:00:00.000Z`) : day === null ? null : undefined);

export async function userLabels(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name ? `${u.name} <${u.email}>` : u.email]));
}

export function actionItemView(row: TItemRow, labels: Map<string, string>, today = new Date().toISOString().slice(0, 10)): TActionItemView {
  const dueDate = row.dueDate?.toISOString().slice(0, 10) ?? null;
  return {
    id: row.id, reviewId: row.reviewId, title: row.title, ownerId: row.ownerId, ownerEmail: row.ownerId ? labels.get(row.ownerId) ?? row.ownerId : null,
    dueDate, status: row.status as "open" | "done", link: row.link, createdAt: row.createdAt.toISOString(), doneAt: row.doneAt?.toISOString() ?? null,
    overdue: row.status === "open" && !!dueDate && dueDate < today,
  };
}

export async function loadActionItems(where: { reviewId: string }): Promise<TItemRow[]> {
  return db.reviewActionItem.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

async function viewOf(id: string): Promise<TActionItemView> {
  const row = await db.reviewActionItem.findUniqueOrThrow({ where: { id } });
  return actionItemView(row, await userLabels(row.ownerId ? [row.ownerId] : []));
}

async function checkOwner(ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const user = await db.user.findUnique({ where: { id: ownerId }, select: { disabled: true } });
  if (!user || user.disabled) throw new AppError("BAD_REQUEST", `ownerId: user ${ownerId.slice(0, 40)} does not exist or is disabled.`);
}

export async function createActionItem(reviewId: string, raw: unknown, { user, ip }: TActor): Promise<TActionItemView> {
  const input = ZActionItemInput.parse(raw);
  await checkOwner(input.ownerId);
  const id = await db.$transaction(async (tx) => {
    await draftForUpdate(tx, reviewId);
    const row = await tx.reviewActionItem.create({
      data: { reviewId, title: input.title, ownerId: input.ownerId ?? null, dueDate: toDate(input.dueDate) ?? null, link: input.link ?? null, createdById: user.id },
    });
    await recordAudit({ actor: { id: user.id, email: user.email }, action: "review.action.create", target: { type: "review_action_item", id: row.id }, after: { reviewId, ...input }, ip }, tx);
    return row.id;
  });
  return viewOf(id);
}

export async function updateActionItem(id: string, raw: unknown, { user, ip }: TActor): Promise<TActionItemView> {
  const input = ZActionItemPatch.parse(raw);
  const onlyStatus = Object.keys(input).every((k) => k === "status");
  await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM review_action_items WHERE id = ${id} FOR UPDATE`;
    if (!locked.length) throw new AppError("NOT_FOUND", `Action item ${id.slice(0, 40)} does not exist.`);
    const before = await tx.reviewActionItem.findUniqueOrThrow({ where: { id } });
    const analyst = hasRole(user.role, "ANALYST");
    if (!analyst && !(onlyStatus && before.ownerId === user.id)) throw new AppError("FORBIDDEN", "Only the owner of an action item or an analyst may change it.");
    // Marking done stays possible once the review is final; any other edit needs a DRAFT review.
    if (onlyStatus) {
      if (!(await tx.review.findUnique({ where: { id: before.reviewId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "The review of this action item no longer exists.");
    } else {
      await draftForUpdate(tx, before.reviewId);
      await checkOwner(input.ownerId);
    }
    const done = input.status === "done" && before.status !== "done";
    await tx.reviewActionItem.update({
      where: { id },
      data: {
        title: input.title, ownerId: input.ownerId, dueDate: toDate(input.dueDate), link: input.link, status: input.status,
        ...(done ? { doneAt: new Date(), doneById: user.id } : input.status === "open" ? { doneAt: null, doneById: null } : {}),
      },
    });
    await recordAudit({
      actor: { id: user.id, email: user.email }, action: "review.action.update", target: { type: "review_action_item", id }, ip,
      before: { title: before.title, ownerId: before.ownerId, dueDate: before.dueDate, status: before.status, link: before.link }, after: input,
    }, tx);
  });
  return viewOf(id);
}

export async function deleteActionItem(id: string, { user, ip }: TActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.reviewActionItem.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", `Action item ${id.slice(0, 40)} does not exist.`);
    await draftForUpdate(tx, before.reviewId);
    await tx.reviewActionItem.delete({ where: { id } });
    await recordAudit({ actor: { id: user.id, email: user.email }, action: "review.action.delete", target: { type: "review_action_item", id }, before, ip }, tx);
  });
}

/** The owner's queue: their open action items across reviews, due soonest first. */
export async function myActionItems(userId: string): Promise<TActionItemView[]> {
  const rows = await db.reviewActionItem.findMany({ where: { ownerId: userId, status: "open" }, orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], take: 200 });
  const reviews = await db.review.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.reviewId))] } }, select: { id: true, periodEnd: true } });
  const ends = new Map(reviews.map((r) => [r.id, r.periodEnd.toISOString()]));
  const labels = await userLabels([userId]);
  return rows.map((r) => ({ ...actionItemView(r, labels), reviewPeriodEnd: ends.get(r.reviewId) }));
}
