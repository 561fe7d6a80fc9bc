import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { AppError } from "@/server/http/app-error";
import { ingestCloudTrail, isIngestRunning } from "./ingest-cloudtrail";

/**
 * "Sync now" / "Backfill" from the UI: audits who asked, then runs the ingest in this process in the
 * background (it records its runs in the sync run log; progress is in GET /api/timeline/ingest).
 */
export async function requestIngest(options: { actor: TSessionUser; mode: "sync" | "backfill"; backfillDays?: number; ip?: string | null }): Promise<{ started: true }> {
  if (isIngestRunning()) throw new AppError("CONFLICT", "A CloudTrail ingest is already running; its progress is shown in the status.");
  const backfillDays = options.mode === "backfill" ? (options.backfillDays ?? 90) : 90;
  await recordAudit({ actor: options.actor, action: `timeline.ingest.${options.mode}`, target: { type: "cloudtrail-ingest", id: options.mode }, after: { backfillDays }, ip: options.ip });
  void ingestCloudTrail({ trigger: "manual", backfillDays }).catch((error: unknown) => console.error("[cloudtrail] ingest failed", error));
  return { started: true };
}
