import { ZCreateChecklist, type TCreateChecklist } from "@/server/checklists/recurring/checklist-input.schema";
import type { TCadence } from "@/server/checklists/recurring/cadence.schema";
import type { TChecklist, TItemSource } from "../checklists-api";

// The checklist editor's form state and how it maps to the API (create: one POST; edit: the item
// changes, the new items, then one PATCH of the checklist with the final item order).

export type TCadenceKind = TCadence["kind"];
export type TDraftItem = { key: string; id?: string; title: string; source: TItemSource; archived: boolean; original?: { title: string; source: string } };
export type TDraft = {
  name: string;
  description: string;
  kind: TCadenceKind;
  weekday: number;
  day: string; // "1".."31" | "last"
  quarterMonth: number;
  expression: string;
  timeZone: string;
  ownerId: string; // "" = no owner
  items: TDraftItem[];
};

let counter = 0;
export const draftKey = () => `new-${++counter}`;

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function emptyDraft(): TDraft {
  return {
    name: "", description: "", kind: "weekly", weekday: 1, day: "1", quarterMonth: 1, expression: "0 9 * * 1", timeZone: browserTimeZone(), ownerId: "",
    items: [{ key: draftKey(), title: "", source: "manual", archived: false }],
  };
}

export function draftFrom(checklist: TChecklist): TDraft {
  const { cadence, timeZone } = checklist.schedule;
  const draft: TDraft = {
    ...emptyDraft(), name: checklist.name, description: checklist.description ?? "", kind: cadence.kind, timeZone, ownerId: checklist.owner?.id ?? "",
    items: checklist.items.map((item) => ({ key: item.id, id: item.id, title: item.title, source: item.source as TItemSource, archived: false, original: { title: item.title, source: item.source } })),
  };
  if (cadence.kind === "weekly") draft.weekday = cadence.weekday;
  if (cadence.kind === "monthly") draft.day = String(cadence.day);
  if (cadence.kind === "quarterly") Object.assign(draft, { day: String(cadence.day), quarterMonth: cadence.month });
  if (cadence.kind === "cron") draft.expression = cadence.expression;
  return draft;
}

export function cadenceOf(draft: TDraft): unknown {
  const day = draft.day === "last" ? "last" : Number(draft.day);
  switch (draft.kind) {
    case "weekly":
      return { kind: "weekly", weekday: draft.weekday };
    case "monthly":
      return { kind: "monthly", day };
    case "quarterly":
      return { kind: "quarterly", month: draft.quarterMonth, day };
    case "cron":
      return { kind: "cron", expression: draft.expression.trim() };
  }
}

export function createInput(draft: TDraft): TCreateChecklist {
  return {
    name: draft.name, description: draft.description, cadence: cadenceOf(draft) as TCadence, timeZone: draft.timeZone.trim(), ownerId: draft.ownerId || null,
    items: draft.items.filter((i) => !i.archived).map((i) => ({ title: i.title, source: i.source })),
  };
}

export type TFieldErrors = Partial<Record<"name" | "description" | "cadence" | "timeZone" | "ownerId" | "items", string>> & { itemTitles?: Record<number, string> };

/** The same validation as the API, as messages per field (items by their index among the active items). */
export function validate(draft: TDraft): TFieldErrors | null {
  const result = ZCreateChecklist.safeParse(createInput(draft));
  if (result.success) return null;
  const errors: TFieldErrors = {};
  for (const issue of result.error.issues) {
    const [field, index] = issue.path;
    if (field === "items" && typeof index === "number") {
      errors.itemTitles = { ...errors.itemTitles, [index]: issue.message };
    } else if (typeof field === "string" && field in { name: 1, description: 1, cadence: 1, timeZone: 1, ownerId: 1, items: 1 }) {
      errors[field as keyof Omit<TFieldErrors, "itemTitles">] ??= issue.message;
    }
  }
  return errors;
}
