import "server-only";
import { db } from "@/server/db";
import type { TUserOption } from "./checklists.types";

/** Active users for the owner picker (no roles or sign-in data: analysts see this list). */
export async function listUserOptions(): Promise<TUserOption[]> {
  return db.user.findMany({ where: { disabled: false }, orderBy: { email: "asc" }, select: { id: true, email: true, name: true }, take: 1000 });
}
