import { apiFetch } from "@/components/lib/api-client";
import type { TCreateChecklist, TNewItem, TUpdateChecklist, TUpdateItem } from "@/server/checklists/recurring/checklist-input.schema";
import type {
  TArchivedChecklist, TChecklistHistory, TChecklistItemView, TChecklistView, TCompletionResult, TItemState, TUserOption,
} from "@/server/checklists/recurring/checklists.types";

// The recurring checklists API as seen from the browser; the shapes are server/checklists/recurring/checklists.types.ts.

export type { TArchivedChecklist, TChecklistHistory, TCompletionResult, TItemSource, TItemState, TUserOption } from "@/server/checklists/recurring/checklists.types";
export type { TFeedStatus } from "@/server/checklists/recurring/feed.types";
export type { TCreateChecklist, TNewItem, TUpdateChecklist, TUpdateItem };
export type TChecklistItem = TChecklistItemView;
export type TChecklist = TChecklistView;

export type TCompleteItem = { periodKey: string; result: TCompletionResult; note?: string; link?: string };

export const checklistKeys = {
  all: ["checklists"] as const,
  list: () => [...checklistKeys.all, "list"] as const,
  archived: () => [...checklistKeys.all, "archived"] as const,
  history: (id: string, page: number) => [...checklistKeys.all, "history", id, page] as const,
  users: () => ["users", "options"] as const,
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

export function fetchArchivedChecklists(signal?: AbortSignal): Promise<{ items: TArchivedChecklist[] }> {
  return apiFetch<{ items: TArchivedChecklist[] }>("/api/checklists?archived=true", { signal });
}

export function fetchHistory(id: string, page: number, signal?: AbortSignal): Promise<TChecklistHistory> {
  return apiFetch<TChecklistHistory>(`/api/checklists/${encodeURIComponent(id)}/history?page=${page}`, { signal });
}

export function fetchUserOptions(signal?: AbortSignal): Promise<{ items: TUserOption[] }> {
  return apiFetch<{ items: TUserOption[] }>("/api/users/options", { signal });
}

export function postChecklist(input: TCreateChecklist) {
  return apiFetch<{ id: string; items: { id: string; title: string }[] }>("/api/checklists", { method: "POST", body: input });
}

export function patchChecklist(id: string, input: TUpdateChecklist) {
  return apiFetch<{ id: string; archived: boolean; scheduleChanged: boolean }>(`/api/checklists/${encodeURIComponent(id)}`, { method: "PATCH", body: input });
}

export function postItem(checklistId: string, input: TNewItem) {
  return apiFetch<{ id: string; title: string; position: number }>(`/api/checklists/${encodeURIComponent(checklistId)}/items`, { method: "POST", body: input });
}

export function patchItem(itemId: string, input: TUpdateItem) {
  return apiFetch<{ id: string; archived: boolean }>(`/api/checklists/items/${encodeURIComponent(itemId)}`, { method: "PATCH", body: input });
}

/** The Recurring list's filter in the URL (?state=overdue); absent: every checklist and item. */
export type TRecurringState = "overdue";

export function parseRecurringState(value: string | string[] | undefined): TRecurringState | null {
  return (Array.isArray(value) ? value[0] : value) === "overdue" ? "overdue" : null;
}

/**
 * The Recurring tab's URL: ?tab=recurring, plus the list's filter (state=overdue: the link behind the overview's
 * and the weekly review's overdue figure), or the checklist whose history is open and its page.
 */
export function recurringHref(options: { state?: TRecurringState; checklist?: string; view?: "history"; page?: number } = {}): string {
  const params = new URLSearchParams({ tab: "recurring" });
  if (options.state) params.set("state", options.state);
  if (options.checklist) params.set("checklist", options.checklist);
  if (options.view) params.set("view", options.view);
  if (options.page && options.page > 1) params.set("page", String(options.page));
  return `/checklists?${params}`;
}

const STATE_ORDER: Record<TItemState, number> = { overdue: 0, due: 1, upcoming: 2, done: 3 };

/** Overdue first, then due soon, upcoming, done; the checklist's own order within each. */
export function sortItems(items: TChecklistItem[]): TChecklistItem[] {
  return items.map((item, index) => ({ item, index }))
    .sort((a, b) => STATE_ORDER[a.item.state] - STATE_ORDER[b.item.state] || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The overdue view: the checklists with an overdue item, each with only its overdue items. The same rule as the
 * summary's count, the overview's "overdue checklist items" and the weekly review's section (state === "overdue"),
 * so the items shown are exactly the items counted.
 */
export function overdueOnly(checklists: TChecklist[]): TChecklist[] {
  return checklists
    .map((checklist) => ({ ...checklist, items: checklist.items.filter((item) => item.state === "overdue") }))
    .filter((checklist) => checklist.items.length > 0);
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
