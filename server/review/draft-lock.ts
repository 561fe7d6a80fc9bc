import "server-only";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/app-error";

export type TActor = { user: TSessionUser; ip: string | null };
export type TReviewRow = NonNullable<Awaited<ReturnType<typeof db.review.findUnique>>>;

/** The review locked for a change; a FINAL one is a 409. */
export async function draftForUpdate(tx: DbTx, id: string): Promise<TReviewRow> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM reviews WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", `Review ${id.slice(0, 40)} does not exist.`);
  const row = await tx.review.findUniqueOrThrow({ where: { id } });
  if (row.status === "FINAL") throw new AppError("CONFLICT", "This review is final and can no longer be changed.");
  return row;
}

