import { z } from "zod";
import { BASELINE_CHECKS, BASELINE_STATUSES } from "./baseline.types";

// Query parameters of the baseline matrix and cell (shared by the API routes and the page).

const empty = (v: unknown) => (v === "" ? undefined : v);

export const ZBaselineFilter = z.object({
  ou: z.preprocess(empty, z.string().regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32})$/, "ou must be an organizational unit id (ou-… or r-…)").optional()),
  account: z.preprocess(empty, z.string().regex(/^\d{12}$/, "account must be a 12-digit AWS account id").optional()),
  status: z.preprocess((v) => (typeof v === "string" ? empty(v.toUpperCase()) : v), z.enum(BASELINE_STATUSES, { message: `status must be one of ${BASELINE_STATUSES.join(", ")}` }).optional()),
});

export const ZBaselineCellParams = z.object({
  accountId: z.string().regex(/^\d{12}$/, "accountId must be a 12-digit AWS account id"),
  check: z.enum(BASELINE_CHECKS, { message: `check must be one of ${BASELINE_CHECKS.join(", ")}` }),
});

/** The first value of each search parameter (page searchParams or URLSearchParams). */
export function firstParams(params: Record<string, string | string[] | undefined> | URLSearchParams): Record<string, string | undefined> {
  if (params instanceof URLSearchParams) return Object.fromEntries(params.entries());
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
