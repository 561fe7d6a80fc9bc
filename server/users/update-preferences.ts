import "server-only";
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { LOCALES } from "@/server/i18n/locales.types";

export const ZPreferences = z.object({ locale: z.enum(LOCALES, { message: `must be one of ${LOCALES.join(", ")}` }).nullable() }).strict();

/** A user's own settings (today: the language; null = follow the browser). */
export async function updatePreferences(options: { actor: TSessionUser; input: z.infer<typeof ZPreferences>; ip?: string | null }) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: options.actor.id }, select: { locale: true } });
    const after = await tx.user.update({ where: { id: options.actor.id }, data: { locale: options.input.locale }, select: { locale: true } });
    await recordAudit(
      { actor: options.actor, action: "user.preferences.update", target: { type: "user", id: options.actor.id }, before, after, ip: options.ip },
      tx,
    );
    return after;
  });
}
