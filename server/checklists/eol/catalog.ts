import "server-only";
import generated from "./catalog.generated.json";
import { mapAwsRuntimeWith, type TAwsRuntimeKind, type TEolRef } from "./aws-runtime";
import { ZEolCatalog, type TCycleStatus, type TEolCatalog, type TEolCycle, type TEolProduct } from "./eol.types";
import { matchCycleName } from "./match-version";

export type { TAwsRuntimeKind, TEolRef } from "./aws-runtime";

const DAY_MS = 86_400_000;

let loaded: { catalog: TEolCatalog; bySlug: Map<string, TEolProduct> } | null = null;

function load() {
  if (!loaded) {
    // Validated once: the file is generated, but a hand edit or a bad merge should fail loudly here.
    const catalog = ZEolCatalog.parse(generated);
    loaded = { catalog, bySlug: new Map(catalog.products.map((p) => [p.slug, p])) };
  }
  return loaded;
}

/** The shipped catalog (endoflife.date data, MIT licensed; see LICENSE-endoflife.txt). */
export function getCatalog(): TEolCatalog {
  return load().catalog;
}

export function findProduct(slug: string): TEolProduct | null {
  return load().bySlug.get(slug) ?? null;
}

function utcDay(value: Date | string): number {
  const iso = typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * Where a cycle stands on `today` (UTC calendar days). The eol date is the first day without support:
 * on and after it the state is "eol". `eol: true` means ended without a known date, `false` means no
 * end announced (supported), a missing value means we do not know.
 */
export function cycleStatus(cycle: Pick<TEolCycle, "eol">, today: Date | string = new Date()): TCycleStatus {
  const eol = cycle.eol;
  if (eol === true) return { state: "eol", daysLeft: null, eolDate: null };
  if (eol === false) return { state: "supported", daysLeft: null, eolDate: null };
  if (eol === null) return { state: "unknown", daysLeft: null, eolDate: null };
  const daysLeft = Math.round((utcDay(eol) - utcDay(today)) / DAY_MS);
  if (Number.isNaN(daysLeft)) return { state: "unknown", daysLeft: null, eolDate: eol };
  const state = daysLeft <= 0 ? "eol" : daysLeft <= 30 ? "eol30" : daysLeft <= 90 ? "eol90" : daysLeft <= 180 ? "eol180" : "supported";
  return { state, daysLeft, eolDate: eol };
}

/**
 * The cycle of `productSlug` that `version` belongs to ("3.10.12" -> python "3.10"), or null when the
 * product is unknown or no cycle fits: the caller shows "no EOL data" and keeps the item.
 */
export function matchVersion(productSlug: string, version: string): TEolCycle | null {
  const product = findProduct(productSlug);
  if (!product) return null;
  const name = matchCycleName(productSlug, version, product.cycles.map((c) => c.cycle));
  return name === null ? null : (product.cycles.find((c) => c.cycle === name) ?? null);
}

/** Maps an AWS discovery value (Lambda runtime, RDS engine, EKS version, SSM OS name) to a catalog product. */
export function mapAwsRuntime(kind: TAwsRuntimeKind, value: string, version?: string): TEolRef | null {
  return mapAwsRuntimeWith((slug) => findProduct(slug) !== null, kind, value, version);
}
