import { z } from "zod";

// What an outbox item carries: the kinds of write-back and the Security Hub fields they may send.
// Pure (no server-only): the triage code that enqueues items and the drain that sends them share it.

export const OUTBOX_KINDS = ["securityhub.update", "guardduty.archive", "guardduty.unarchive"] as const;
export type TOutboxKind = (typeof OUTBOX_KINDS)[number];

/** BatchUpdateFindings fields of a "securityhub.update" item, within AWS's limits. */
export const ZSecurityHubUpdatePayload = z
  .object({
    Workflow: z.object({ Status: z.enum(["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"]) }).strict().optional(),
    Note: z.object({ Text: z.string().min(1).max(512), UpdatedBy: z.string().min(1).max(512) }).strict().optional(),
    UserDefinedFields: z.record(z.string().min(1).max(128), z.string().max(1024)).optional(),
  })
  .strict()
  .refine((p) => p.Workflow || p.Note || p.UserDefinedFields, { message: "names no field to update" });
export type TSecurityHubUpdatePayload = z.infer<typeof ZSecurityHubUpdatePayload>;

export type TOutboxStatus = {
  pending: number;
  /** pending and due now (the others wait for their backoff) */
  due: number;
  failed: number;
  done: number;
  /** seconds since the oldest pending item was created; null when none is pending */
  oldestPendingSeconds: number | null;
  /** findings whose write-back is pending or failed */
  findingsPending: number;
  findingsFailed: number;
  /** the most recent error of a pending or failed item */
  lastError: { message: string; findingId: string; state: "PENDING" | "FAILED" } | null;
};
