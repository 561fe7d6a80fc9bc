import "server-only";
import { readPool } from "@/server/db-pool";
import { applyTriage } from "./triage";

const BATCH = 1_000;

/**
 * Suppressions whose expiry has passed: the finding returns to the queue as NEW, marked
 * "suppression expired", and the change is written back to AWS like any triage action.
 */
export async function expireSuppressions(now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await readPool().query<{ id: string }>(
      `SELECT id FROM findings WHERE "workflowStatus" = 'SUPPRESSED' AND "suppressedUntil" <= $1::timestamp ORDER BY id LIMIT ${BATCH}`,
      [now.toISOString()],
    );
    if (rows.length === 0) return total;
    const result = await applyTriage(rows.map((r) => r.id), { action: "unsuppress", note: "Suppression expired", expired: true, asOf: now.toISOString() }, {
      actor: null, origin: "system", auditAction: "finding.suppression.expired",
    });
    total += result.affected;
    if (rows.length < BATCH) return total;
  }
}
