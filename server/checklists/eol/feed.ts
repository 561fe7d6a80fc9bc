import "server-only";
import type { TFeedStatus } from "@/server/checklists/recurring/feed.types";

/** The state of the EOL inventory for the "support end dates" checklist item (no data until the inventory exists). */
export async function eolFeedStatus(): Promise<TFeedStatus> {
  return { source: "eol", ok: null, counts: {}, href: "/checklists?tab=eol", asOf: null };
}
