import "server-only";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ZEolCatalog, type TEolProduct } from "./eol.types";

export const CATALOG_RELATIVE_PATH = "server/checklists/eol/catalog.generated.json";

/**
 * Validates and writes the catalog, one product per line so a refresh shows up as a readable diff.
 * Shared by eol:generate and eol:refresh.
 */
export function writeCatalog(root: string, input: { dataAsOf: string; products: TEolProduct[] }): { file: string; bytes: number } {
  const catalog = ZEolCatalog.parse({
    source: "https://endoflife.date",
    license: "MIT, Copyright 2020 endoflife.date contributors (see LICENSE-endoflife.txt)",
    dataAsOf: input.dataAsOf,
    generatedAt: new Date().toISOString(),
    products: [...input.products].sort((a, b) => a.slug.localeCompare(b.slug)),
  });
  const { products, ...header } = catalog;
  const head = JSON.stringify(header).slice(0, -1);
  const text = `${head},"products":[\n${products.map((p) => JSON.stringify(p)).join(",\n")}\n]}\n`;
  const file = path.join(root, CATALOG_RELATIVE_PATH);
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}
