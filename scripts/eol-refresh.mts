// npm run eol:refresh: fetches current data for every catalog product from the endoflife.date API and
// rewrites server/checklists/eol/catalog.generated.json. When the API cannot be reached the shipped
// catalog is left untouched and the exit code is 1. Products the API fails on keep their shipped data.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const { ZEolCatalog } = await import("@/server/checklists/eol/eol.types");
const { CATALOG_RELATIVE_PATH, writeCatalog } = await import("@/server/checklists/eol/write-catalog");
const { EolUnreachableError, fetchProduct } = await import("@/server/checklists/eol/refresh-catalog");

const TIMEOUT_MS = 15_000;
const CONCURRENCY = 6;

const shipped = ZEolCatalog.parse(JSON.parse(readFileSync(path.join(root, CATALOG_RELATIVE_PATH), "utf8")));
const warn = (message: string) => console.error(`[eol:refresh] note ${message}`);
const asOf = new Date(`${shipped.dataAsOf.slice(0, 7)}-01T00:00:00Z`);
const asOfText = Number.isNaN(asOf.getTime())
  ? shipped.dataAsOf
  : asOf.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const unreachable = (reason: string): never => {
  console.error(`[eol:refresh] Could not reach endoflife.date (${reason}): the shipped catalog (data as of ${asOfText}) stays in use`);
  process.exit(1);
};

// One request first, so an offline machine gets one clear message instead of hundreds of failures.
const [first, ...rest] = shipped.products;
if (!first) unreachable("the shipped catalog is empty");
const updated = new Map<string, (typeof shipped.products)[number]>();
const failed: string[] = [];

async function refreshOne(product: (typeof shipped.products)[number]) {
  try {
    const fresh = await fetchProduct(product, { timeoutMs: TIMEOUT_MS, warn });
    if (fresh) updated.set(product.slug, fresh);
    else failed.push(`${product.slug} (not in the API)`);
  } catch (error) {
    if (error instanceof EolUnreachableError && updated.size === 0) throw error;
    failed.push(`${product.slug} (${error instanceof Error ? error.message : String(error)})`);
  }
}

try {
  if (first) await refreshOne(first);
  const queue = [...rest];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await refreshOne(next);
    }),
  );
} catch (error) {
  unreachable(error instanceof Error ? error.message : String(error));
}

if (updated.size === 0) unreachable(`no product could be fetched: ${failed.slice(0, 3).join("; ")}`);
for (const f of failed) console.error(`[eol:refresh] kept shipped data for ${f}`);
const products = shipped.products.map((p) => updated.get(p.slug) ?? p);
const { file, bytes } = writeCatalog(root, { dataAsOf: new Date().toISOString().slice(0, 10), products });
console.log(`[eol:refresh] ${updated.size} of ${products.length} products refreshed -> ${path.relative(root, file)} (${(bytes / 1024).toFixed(0)} KiB)`);
