import "server-only";
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { parseFindingFilter } from "./filters";

export type TSavedView = { id: string; name: string; query: string; shared: boolean; owner: { id: string; email: string }; mine: boolean; createdAt: string };

export const ZCreateView = z.object({
  name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
  query: z.string().max(4000, "must be at most 4,000 characters"),
  shared: z.boolean().default(false),
}).strict();

/** The user's own views and the team's shared ones. */
export async function listViews(user: TSessionUser): Promise<TSavedView[]> {
  const views = await db.savedView.findMany({
    where: { OR: [{ ownerId: user.id }, { shared: true }] },
    include: { owner: { select: { id: true, email: true } } },
    orderBy: [{ name: "asc" }],
  });
  return views.map((v) => ({ id: v.id, name: v.name, query: v.query, shared: v.shared, owner: v.owner, mine: v.ownerId === user.id, createdAt: v.createdAt.toISOString() }));
}

/** Saves a view; its query must be a valid findings filter. */
export async function createView(input: z.infer<typeof ZCreateView>, user: TSessionUser, ip: string | null): Promise<TSavedView> {
  const query = input.query.replace(/^\?/, "");
  const params = new URLSearchParams(query);
  for (const key of ["cursor", "finding"]) params.delete(key);
  parseFindingFilter(params);
  const view = await db.$transaction(async (tx) => {
    const created = await tx.savedView.create({ data: { name: input.name, query: params.toString(), shared: input.shared, ownerId: user.id } });
    await recordAudit({ actor: user, action: "view.create", target: { type: "savedView", id: created.id }, after: { name: created.name, query: created.query, shared: created.shared }, ip }, tx);
    return created;
  });
  return { id: view.id, name: view.name, query: view.query, shared: view.shared, owner: { id: user.id, email: user.email }, mine: true, createdAt: view.createdAt.toISOString() };
}

/** Deletes a view: its owner, or an admin for a shared view. */
export async function deleteView(id: string, user: TSessionUser, ip: string | null): Promise<void> {
  const view = await db.savedView.findUnique({ where: { id } });
  // Another user's private view does not exist, as far as this user can tell.
  if (!view || (!view.shared && view.ownerId !== user.id)) throw new AppError("NOT_FOUND", "No such saved view.");
  if (view.ownerId !== user.id && !(view.shared && user.role === "ADMIN")) throw new AppError("FORBIDDEN", "Only its owner (or an admin, for a shared view) can delete this view.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.savedView.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such saved view (it was just deleted).");
    await recordAudit({ actor: user, action: "view.delete", target: { type: "savedView", id }, before: { name: view.name, query: view.query, shared: view.shared }, ip }, tx);
  });
}
