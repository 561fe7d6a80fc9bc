// Shapes of the shipped end-of-life catalog (data from endoflife.date, MIT; see LICENSE-endoflife.txt).
// Pure: client code may import these types.
import { z } from "zod";

export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A support end: a date, true (already ended, date unknown), false (no end announced), null (no data). */
export const ZEolEnd = z.union([ZIsoDate, z.boolean()]).nullable();

export const ZEolCycle = z.object({
  cycle: z.string().min(1),
  releaseDate: ZIsoDate.nullable(),
  eoas: ZEolEnd,
  eol: ZEolEnd,
  latest: z.string().nullable(),
  latestReleaseDate: ZIsoDate.nullable(),
  lts: z.union([z.boolean(), ZIsoDate]),
});

export const ZEolProduct = z.object({
  slug: z.string().min(1),
  title: z.string().min(1),
  category: z.string().nullable(),
  cycles: z.array(ZEolCycle),
});

export const ZEolCatalog = z.object({
  source: z.string(),
  license: z.string(),
  dataAsOf: z.string(),
  generatedAt: z.string(),
  products: z.array(ZEolProduct),
});

export type TEolEnd = z.infer<typeof ZEolEnd>;
export type TEolCycle = z.infer<typeof ZEolCycle>;
export type TEolProduct = z.infer<typeof ZEolProduct>;
export type TEolCatalog = z.infer<typeof ZEolCatalog>;

export type TEolState = "eol" | "eol30" | "eol90" | "eol180" | "supported" | "unknown";

export type TCycleStatus = {
  state: TEolState;
  /** Days from today to the end-of-life date; negative once passed; null without a date. */
  daysLeft: number | null;
  eolDate: string | null;
};
