import "server-only";
import type { TFeedStatus } from "@/server/checklists/recurring/feed.types";
import { getPatchSummary } from "./get-patch-summary";

/**
 * The state of patch compliance for the "patch status" checklist item: ok when no instance is non-compliant
 * or stale (rules in patches.types.ts); null before the first collection. The link opens the non-compliant list.
 */
export async function patchFeedStatus(): Promise<TFeedStatus> {
  const summary = await getPatchSummary();
  const href = "/checklists?tab=patches&state=noncompliant";
  if (!summary.asOf) return { source: "patches", ok: null, counts: {}, href, asOf: null };
  const o = summary.organization;
  return {
    source: "patches",
    ok: o.nonCompliant === 0 && o.stale === 0,
    counts: { instances: o.instances, compliant: o.compliant, nonCompliant: o.nonCompliant, stale: o.stale, critical: o.critical },
    href,
    asOf: summary.asOf,
  };
}
