import "server-only";
import { expireSuppressions } from "./expire-suppressions";
import { applySuppressionRules } from "./suppression-rules";

/**
 * The worker's every-minute triage upkeep, also run after each sync: suppressions that ran out go
 * back to the queue, and suppression rules reach findings that appeared since. Both write through
 * the outbox, so the drain that follows sends them to AWS.
 */
export async function runTriageMaintenance(now = new Date()): Promise<{ expired: number; suppressed: number }> {
  const expired = await expireSuppressions(now);
  const { suppressed } = await applySuppressionRules(now);
  if (expired + suppressed > 0) console.log(`[triage] ${expired} suppression(s) expired, ${suppressed} finding(s) suppressed by rules`);
  return { expired, suppressed };
}
