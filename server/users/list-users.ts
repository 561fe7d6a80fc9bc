import "server-only";
import { db } from "@/server/db";
import type { TRole } from "@/server/auth/roles.types";

export type TUserListItem = {
  id: string;
  email: string;
  name: string | null;
  role: TRole;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

export async function listUsers(): Promise<TUserListItem[]> {
  return db.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, disabled: true, lastLoginAt: true, createdAt: true },
  });
}
