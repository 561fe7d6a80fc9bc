import { apiFetch } from "@/components/lib/api-client";
import type { TChecklistItemView, TChecklistView, TCompletionResult, TItemState } from "@/server/checklists/recurring/checklists.types";

// The recurring checklists API as seen from the browser; the shapes are server/checklists/recurring/checklists.types.ts.

export type { TCompletionResult, TItemSource, TItemState } from "@/server/checklists/recurring/checklists.types";
export type TChecklistItem = TChecklistItemView;
export type TChecklist = TChecklistView;

export type TCompleteItem = { periodKey: string; result: TCompletionResult; note?: string; link?: string };

export const checklistKeys = {
  all: ["checklists"] as const,
  list: () => [...checklistKeys.all, "list"] as const,
};

export function fetchChecklists(signal?: AbortSignal): Promise<{ items: TChecklist[] }> {
  return apiFetch<{ items: TChecklist[] }>("/api/checklists", { signal });
}

export function postCompletion(itemId: string, input: TCompleteItem) {
  return apiFetch<{ id: string; periodKey: string; result: TCompletionResult; completedAt: string }>(
    `/api/checklists/items/${encodeURIComponent(itemId)}/complete`,
    { method: "POST", body: input },
  );
}

const STATE_ORDER: Record<TItemState, number> = { overdue: 0, due: 1, upcoming: 2, done: 3 };

/** Overdue first, then due soon, upcoming, done; the checklist's own order within each. */
export function sortItems(items: TChecklistItem[]): TChecklistItem[] {
  return items.map((item, index) => ({ item, index }))
    .sort((a, b) => STATE_ORDER[a.item.state] - STATE_ORDER[b.item.state] || a.index - b.index)
    .map(({ item }) => item);
}

const WEEK_MS = 7 * 86_400_000;

/** The summary line's counts: open items past their period, and open items due within the next 7 days. */
export function summarize(checklists: TChecklist[], now: string): { overdue: number; dueThisWeek: number } {
  const limit = Date.parse(now) + WEEK_MS;
  let overdue = 0;
  let dueThisWeek = 0;
  for (const item of checklists.flatMap((c) => c.items)) {
    if (item.state === "overdue") overdue++;
    else if (item.state !== "done" && Date.parse(item.period.due) <= limit) dueThisWeek++;
  }
  return { overdue, dueThisWeek };
}

/** Where the data behind a non-manual item lives. */
export const SOURCE_LINKS = {
  patches: "/checklists?tab=patches",
  findings: "/findings?sla=overdue",
  eol: "/checklists?tab=eol",
} as const;
export type TLinkedSource = keyof typeof SOURCE_LINKS;

export function linkedSource(source: string): TLinkedSource | null {
  return Object.hasOwn(SOURCE_LINKS, source) ? (source as TLinkedSource) : null;
}
