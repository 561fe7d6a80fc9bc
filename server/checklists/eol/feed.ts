import "server-only";
import type { TFeedStatus } from "@/server/checklists/recurring/feed.types";
import { db } from "@/server/db";
import { eolToday, loadInventory } from "./inventory";

/**
 * The state of the EOL inventory for the "support end dates" checklist item: ok when nothing is past
 * end of life or within 90 days of it; null while the inventory is empty.
 */
export async function eolFeedStatus(now = new Date()): Promise<TFeedStatus> {
  const { rows } = await loadInventory({ page: 1, pageSize: 1 }, eolToday(now));
  // Names as the recurring tab's messages know them (checklists.feed.counts.eol.*); within90Days counts every entry ending in 1–90 days.
  const counts = { pastEol: 0, within90Days: 0, noData: 0, products: new Set(rows.map((r) => r.product ?? `free:${r.productName}`)).size };
  let within30 = 0;
  for (const row of rows) {
    if (row.status === "eol") counts.pastEol++;
    else if (row.status === "eol30" || row.status === "eol90") counts.within90Days++;
    else if (row.status === "unknown") counts.noData++;
    if (row.status === "eol30") within30++;
  }
  const latest = await db.eolInventoryItem.aggregate({ _max: { updatedAt: true } });
  const attention = counts.pastEol + counts.within90Days;
  const href = attention === 0 ? "/checklists?tab=eol" : counts.pastEol > 0 ? "/checklists?tab=eol&status=eol" : within30 > 0 ? "/checklists?tab=eol&status=eol30" : "/checklists?tab=eol&status=eol90";
  return { source: "eol", ok: rows.length === 0 ? null : attention === 0, counts, href, asOf: latest._max.updatedAt?.toISOString() ?? null };
}
