// Weekly review contracts (agenda, reviews, action items). Pure: client code may import these.
import { z } from "zod";

export const AGENDA_SECTIONS = [
  "newCriticalHigh", "reopened", "resolved", "newlyOverdue", "suppressionsExpiring", "eol", "patches", "checklists", "compliance",
] as const;
export type TAgendaSectionKey = (typeof AGENDA_SECTIONS)[number];

/** One line of a section: a finding, an EOL item, a checklist item, a standard … with a link to it. */
/**
 * What an item's detail says, as values the page words in the reader's language (the `detail` text is the English
 * form, kept for exports and for agendas stored before facts existed).
 */
export type TAgendaFacts = {
  severity?: string; accountId?: string | null; date?: string | null; daysOverdue?: number;
  compliant?: number; instances?: number; standard?: string; score?: number | null; delta?: number | null;
};
export type TAgendaItem = { id: string; title: string; detail: string | null; href: string | null; facts?: TAgendaFacts };

export type TAgendaSection = {
  key: TAgendaSectionKey;
  count: number;
  /** the list behind the count */
  href: string | null;
  /** the first items (at most AGENDA_ITEM_CAP) */
  items: TAgendaItem[];
  /** a change in figures (patch compliance %, compliance scores): now vs before */
  change?: { now: number | null; before: number | null; delta: number | null };
};

export type TAgendaWindow = { periodStart: Date; periodEnd: Date; recordedFrom: Date; recordedTo: Date };

export type TAgenda = { periodStart: string; periodEnd: string; builtAt: string; sections: TAgendaSection[] };

export const AGENDA_ITEM_CAP = 50;

export const REVIEW_STATUSES = ["DRAFT", "FINAL"] as const;
export type TReviewStatus = (typeof REVIEW_STATUSES)[number];

export const ZAttendee = z.union([
  z.object({ userId: z.string().min(1).max(40) }).strict(),
  z.object({ name: z.string().trim().min(1, "is required").max(200) }).strict(),
]);
export type TAttendee = z.infer<typeof ZAttendee>;

export const ZReviewUpdate = z.object({
  attendees: z.array(ZAttendee).max(100).optional(),
  notes: z.string().max(20_000, "must be at most 20000 characters").optional(),
  decisions: z.array(z.string().trim().min(1, "must not be empty").max(2000)).max(100).optional(),
}).strict();
export type TReviewUpdate = z.infer<typeof ZReviewUpdate>;

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
/** A path in Kanshi ("/findings?…", not "//host" or "/\\host", which browsers open as another site) or an http(s) URL. */
export const isActionItemLink = (v: string): boolean => /^\/(?![/\\])/.test(v) || /^https?:\/\/[^/\\]/i.test(v);
const ZLink = z.string().trim().max(2000).refine(isActionItemLink, "must be a path in Kanshi (/findings?…) or an http(s) URL");

export const ZActionItemInput = z.object({
  title: z.string().trim().min(1, "is required").max(500, "must be at most 500 characters"),
  ownerId: z.string().min(1).max(40).nullable().optional(),
  dueDate: ZDay.nullable().optional(),
  link: ZLink.nullable().optional(),
}).strict();
export const ZActionItemPatch = ZActionItemInput.partial().extend({ status: z.enum(["open", "done"]).optional() }).strict();
export type TActionItemInput = z.infer<typeof ZActionItemInput>;
export type TActionItemPatch = z.infer<typeof ZActionItemPatch>;

export type TActionItemView = {
  id: string; reviewId: string; title: string; ownerId: string | null; ownerEmail: string | null; dueDate: string | null;
  status: "open" | "done"; link: string | null; createdAt: string; doneAt: string | null; overdue: boolean;
  /** for "my action items": the review's period end */
  reviewPeriodEnd?: string;
};

export type TAttendeeView = TAttendee & { label: string };

export type TReviewView = {
  id: string; status: TReviewStatus; periodStart: string; periodEnd: string; agenda: TAgenda; agendaAt: string;
  attendees: TAttendeeView[]; notes: string; decisions: string[];
  createdBy: string | null; createdAt: string; updatedAt: string; finalizedBy: string | null; finalizedAt: string | null;
  actionItems: TActionItemView[];
};

export type TReviewSummary = {
  id: string; status: TReviewStatus; periodStart: string; periodEnd: string; createdBy: string | null; createdAt: string;
  finalizedAt: string | null; openActionItems: number; actionItems: number;
};
export type TReviewList = { items: TReviewSummary[]; page: number; pageSize: number; total: number };
