import "server-only";
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { ROLES, type TSessionUser } from "@/server/auth/roles.types";
import { AppError } from "@/server/http/app-error";

export const ZUpdateUser = z
  .object({
    role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }).optional(),
    disabled: z.boolean({ message: "must be true or false" }).optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Give at least one of role, disabled." });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

/**
 * An admin changes a user's role or disables/enables them. Admins cannot lower or disable
 * themselves, and the last active admin cannot be lowered or disabled: the console would lock out.
 */
export async function updateUser(options: { actor: TSessionUser; userId: string; input: TUpdateUser; ip?: string | null }) {
  const { actor, userId, input } = options;
  if (userId === actor.id && ((input.role && input.role !== "ADMIN") || input.disabled)) {
    throw new AppError("CONFLICT", "You cannot remove your own admin role or disable yourself; ask another admin.");
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabled: true } });
    if (!before) throw new AppError("NOT_FOUND", `No user with id ${userId}.`);
    const losesAdmin = before.role === "ADMIN" && !before.disabled && ((input.role && input.role !== "ADMIN") || input.disabled);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "ADMIN", disabled: false } });
      if (admins <= 1) throw new AppError("CONFLICT", "This is the last active admin; make another user admin first.");
    }
    const after = await tx.user.update({
      where: { id: userId },
      data: { role: input.role, disabled: input.disabled },
      select: { id: true, email: true, role: true, disabled: true },
    });
    await recordAudit(
      {
        actor,
        action: "user.update",
        target: { type: "user", id: userId },
        before: { role: before.role, disabled: before.disabled },
        after: { role: after.role, disabled: after.disabled },
        ip: options.ip,
      },
      tx,
    );
    return after;
  });
}
