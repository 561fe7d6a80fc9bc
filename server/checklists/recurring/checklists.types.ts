// Recurring checklists API contracts. Pure: safe to import from client components.
import type { TSchedule } from "./cadence.schema";
import type { TFeedStatus } from "./feed.types";

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
  completion: TCompletionView | null;
  /** the live state of the area a fed item (source patches | findings | eol) checks; absent for manual items */
  feed?: TFeedStatus;
};

export type TCompletionView = { at: string; by: string | null; result: TCompletionResult; note: string | null; link: string | null };

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

/** GET /api/checklists?archived=true → { items: TArchivedChecklist[] } */
export type TArchivedChecklist = { id: string; name: string; description: string | null; schedule: TSchedule; archivedAt: string; itemCount: number };

export type THistoryEntry = {
  itemId: string;
  title: string;
  source: string;
  /** the item is archived now (it still shows in the periods it was part of) */
  archived: boolean;
  /** missed: the period ended without a completion; open: the period is still running */
  state: "done" | "missed" | "open";
  completion: TCompletionView | null;
};

/** GET /api/checklists/:id/history?page=n → newest period first */
export type TChecklistHistory = {
  checklist: {
    id: string; name: string; description: string | null; schedule: TSchedule; owner: { id: string; email: string } | null;
    createdAt: string; archivedAt: string | null;
  };
  page: number;
  totalPages: number;
  totalPeriods: number;
  /** only the most recent periods are kept (the cadence has more since the checklist was created) */
  truncated: boolean;
  periods: {
    key: string; start: string; due: string;
    /** the schedule that was in effect for this period */
    schedule: TSchedule;
    /** the period has ended (or the checklist was archived) */
    closed: boolean;
    done: number; missed: number;
    entries: THistoryEntry[];
  }[];
};

/** GET /api/users/options → { items: TUserOption[] }: active users for owner pickers */
export type TUserOption = { id: string; email: string; name: string | null };
