import "server-only";
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { requestOutboxDrain } from "./request-outbox-drain";
import { retryFailedWriteBacks } from "./retry-write-backs";

export const MAX_RETRY_FINDINGS = 10_000;

/** POST /api/findings/write-back/retry: no findingIds = every failed write-back. */
export const ZRetryWriteBacks = z
  .object({
    findingIds: z
      .array(z.string({ message: "must be finding ids (strings)" }).min(1, "must not be empty").max(100, "is not a finding id"), { message: "must be an array of finding ids" })
      .min(1, "must name at least one finding; leave it out to retry every failed write-back")
      .max(MAX_RETRY_FINDINGS, `can name at most ${MAX_RETRY_FINDINGS.toLocaleString("en")} findings at once`)
      .optional(),
  })
  .strict();
export type TRetryWriteBacks = z.infer<typeof ZRetryWriteBacks>;

/** "Retry write-back": requeues failed items, audits who asked, and wakes the drain. */
export async function requestWriteBackRetry(options: { actor: TSessionUser; input: TRetryWriteBacks; ip?: string | null }): Promise<{ retried: number }> {
  const { findingIds } = options.input;
  const retried = await retryFailedWriteBacks({ findingIds });
  const target = findingIds?.length === 1 ? { type: "finding", id: findingIds[0]! } : { type: "outbox", id: findingIds ? `${findingIds.length} findings` : "all" };
  await recordAudit({ actor: options.actor, action: "finding.writeback.retry", target, after: { retried, findingIds: findingIds ?? "all failed" }, ip: options.ip });
  if (retried > 0) await requestOutboxDrain();
  return { retried };
}
