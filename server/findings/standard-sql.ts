import "server-only";
import { AppError } from "@/server/http/app-error";
import { STANDARDS, type TStandardKey } from "./findings.types";

// The "standard" filter of findings lists and the compliance drill-down, on the findings.standards column (filled
// by the sync from Compliance.AssociatedStandards or the generator id, see normalize.ts findingStandards): a
// consolidated control finding counts for every standard it is associated with, so it matches each of them.

/**
 * SQL condition "the finding counts for one of `keys`" on a text[] column, e.g. `f."standards" && $3::text[]`.
 * `add` registers a parameter and returns its placeholder. Unknown keys are refused (they come from validated
 * input, and a 400 here backs that up); no key matches nothing.
 */
export function standardWhere(column: string, keys: TStandardKey[], add: (v: unknown) => string): string {
  const unknown = keys.find((k) => !Object.hasOwn(STANDARDS, k));
  if (unknown !== undefined) throw new AppError("BAD_REQUEST", `Unknown standard "${String(unknown).slice(0, 60)}": use ${Object.keys(STANDARDS).join(", ")}.`);
  if (keys.length === 0) return "FALSE";
  return `${column} && ${add([...new Set(keys)])}::text[]`;
}
