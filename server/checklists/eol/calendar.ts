import "server-only";
import { eolToday, loadInventory } from "./inventory";
import type { TCalendarEvent, TInventoryQuery, TInventoryRow } from "./inventory.types";

/** One event per product cycle and end date (end of life, end of active support) with how many inventory items run it. */
export function cycleEvents(rows: TInventoryRow[]): TCalendarEvent[] {
  const events = new Map<string, TCalendarEvent>();
  for (const row of rows) {
    if (!row.product || !row.cycle) continue;
    for (const [kind, date] of [["eol", row.eolDate], ["eoas", row.eoasDate]] as const) {
      if (!date) continue;
      const key = `${kind}|${row.product}|${row.cycle}`;
      const event = events.get(key) ?? { date, kind, product: row.product, productName: row.productName, cycle: row.cycle, items: 0 };
      event.items++;
      events.set(key, event);
    }
  }
  return [...events.values()].sort((a, b) => a.date.localeCompare(b.date) || a.productName.localeCompare(b.productName) || a.cycle.localeCompare(b.cycle));
}

/** The events of one month ("2026-12"), for the calendar view; the inventory filters apply. */
export async function calendarMonth(month: string, query: TInventoryQuery, today = eolToday()): Promise<{ month: string; today: string; events: TCalendarEvent[] }> {
  const { rows } = await loadInventory({ ...query, status: undefined }, today);
  return { month, today, events: cycleEvents(rows).filter((e) => e.date.startsWith(`${month}-`)) };
}
