// Inputs of the checklist editor (create / edit checklists and items). Pure: the editor validates
// with the same schemas as the API. A bad value is a 400 whose message starts with the field's path.
import { z } from "zod";
import { ZCadence, ZTimeZone } from "./cadence.schema";

export const ITEM_SOURCES = ["manual", "patches", "findings", "eol"] as const;
export const MAX_ITEMS = 50;

const ZName = z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters");
const ZDescription = z.string().trim().max(1000, "must be at most 1,000 characters").nullish()
  .transform((v) => (v ? v : null));
const ZTitle = z.string().trim().min(1, "must not be empty").max(300, "must be at most 300 characters");
const ZItemDescription = z.string().trim().max(2000, "must be at most 2,000 characters").nullish().transform((v) => (v ? v : null));
const ZSource = z.enum(ITEM_SOURCES, { error: `must be one of ${ITEM_SOURCES.join(", ")}` });
const ZUserId = z.string().trim().min(1, "must not be empty").max(60, "is not a user id");

export const ZNewItem = z.object({ title: ZTitle, description: ZItemDescription, source: ZSource.default("manual") }).strict();
export type TNewItem = z.input<typeof ZNewItem>;

/** POST /api/checklists */
export const ZCreateChecklist = z.object({
  name: ZName,
  description: ZDescription,
  cadence: ZCadence,
  timeZone: ZTimeZone,
  ownerId: ZUserId.nullish().transform((v) => v ?? null),
  items: z.array(ZNewItem).max(MAX_ITEMS, `at most ${MAX_ITEMS} items`).default([]),
}).strict();
export type TCreateChecklist = z.input<typeof ZCreateChecklist>;

/** PATCH /api/checklists/:id: any subset; `archived: false` restores an archived checklist (ADMIN). */
export const ZUpdateChecklist = z.object({
  name: ZName.optional(),
  description: ZDescription.optional(),
  cadence: ZCadence.optional(),
  timeZone: ZTimeZone.optional(),
  ownerId: ZUserId.nullable().optional(),
  archived: z.boolean().optional(),
  /** every active item's id in the new order */
  itemOrder: z.array(z.string().min(1).max(60)).max(MAX_ITEMS * 4).optional(),
}).strict().refine((v) => Object.keys(v).length > 0, { message: "nothing to change: give at least one field" });
export type TUpdateChecklist = z.input<typeof ZUpdateChecklist>;

/** PATCH /api/checklists/items/:id: rename, describe, change the source, archive or restore. */
export const ZUpdateItem = z.object({
  title: ZTitle.optional(),
  description: ZItemDescription.optional(),
  source: ZSource.optional(),
  archived: z.boolean().optional(),
}).strict().refine((v) => Object.keys(v).length > 0, { message: "nothing to change: give at least one field" });
export type TUpdateItem = z.input<typeof ZUpdateItem>;

/** GET /api/checklists/:id/history?page= */
export const HISTORY_PAGE_SIZE = 10;
