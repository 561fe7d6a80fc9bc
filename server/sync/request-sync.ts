import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { AppError } from "@/server/http/app-error";
import { enqueueSync } from "./sync-queue";

/** "Sync now": queues a full sync for the worker and audits who asked. */
export async function requestSync(options: { actor: TSessionUser; ip?: string | null }): Promise<{ jobId: string }> {
  const jobId = await enqueueSync({ trigger: "manual", requestedBy: options.actor.email });
  if (!jobId) throw new AppError("CONFLICT", "A sync is already queued and will start when the running one ends.");
  await recordAudit({ actor: options.actor, action: "sync.request", target: { type: "sync", id: jobId }, ip: options.ip });
  return { jobId };
}
