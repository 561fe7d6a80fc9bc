import "server-only";
import type { TFeedStatus } from "@/server/checklists/recurring/feed.types";

/** The state of patch compliance for the "patch status" checklist item (no data until patch compliance is collected). */
export async function patchFeedStatus(): Promise<TFeedStatus> {
  return { source: "patches", ok: null, counts: {}, href: "/checklists?tab=patches", asOf: null };
}
