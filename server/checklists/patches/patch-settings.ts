import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { STALE_DAYS_DEFAULT, ZStaleSetting, type TPatchSettingView } from "./patches.types";

// The patch settings (one row): after how many days without a scan or install an instance is stale.

/** The setting (the default when the row is missing). */
export async function getPatchSetting(tx: DbTx = db): Promise<TPatchSettingView> {
  const row = await tx.patchSetting.findUnique({ where: { id: 1 } });
  if (!row) return { staleDays: STALE_DAYS_DEFAULT, updatedAt: null, updatedBy: null };
  return { staleDays: row.staleDays, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
}

/** Changes the stale threshold (ADMIN; the route checks the role), audited in the same transaction. */
export async function updatePatchSetting(body: unknown, actor: { user: TSessionUser; ip?: string | null; userAgent?: string | null }): Promise<TPatchSettingView> {
  const parsed = ZStaleSetting.safeParse(body ?? {});
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => (i.code === "unrecognized_keys" ? `unknown field "${String(i.keys[0]).slice(0, 40)}" (use staleDays)` : i.message)).join("; ");
    throw new AppError("BAD_REQUEST", `Invalid patch setting: ${message}.`);
  }
  return db.$transaction(async (tx) => {
    const before = await getPatchSetting(tx);
    const row = await tx.patchSetting.upsert({
      where: { id: 1 },
      create: { id: 1, staleDays: parsed.data.staleDays, updatedBy: actor.user.email },
      update: { staleDays: parsed.data.staleDays, updatedBy: actor.user.email },
    });
    await recordAudit({
      actor: actor.user, action: "patches.settings.update", target: { type: "patch_settings", id: "1" },
      before: { staleDays: before.staleDays }, after: { staleDays: row.staleDays }, ip: actor.ip, userAgent: actor.userAgent,
    }, tx);
    return { staleDays: row.staleDays, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy };
  });
}
