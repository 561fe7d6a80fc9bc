// Recurring checklists API contracts. Pure: safe to import from client components.
import type { TSchedule } from "./cadence.schema";

export type TItemState = "done" | "due" | "overdue" | "upcoming";
export type TItemSource = "manual" | "patches" | "findings" | "eol";
export type TCompletionResult = "OK" | "ISSUE";

export type TChecklistItemView = {
  id: string;
  title: string;
  description: string | null;
  source: string;
  state: TItemState;
  daysOverdue: number;
  /** the period this state is about: the previous one while it is open and overdue, else the current one */
  period: { key: string; due: string };
  completion: { at: string; by: string | null; result: TCompletionResult; note: string | null; link: string | null } | null;
};

/** GET /api/checklists → { items: TChecklistView[] } */
export type TChecklistView = {
  id: string;
  /** the shipped template it was created from, if any */
  templateKey: string | null;
  name: string;
  description: string | null;
  schedule: TSchedule;
  owner: { id: string; email: string } | null;
  period: { key: string; start: string; due: string };
  items: TChecklistItemView[];
};
