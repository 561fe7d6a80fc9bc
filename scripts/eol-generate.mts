// npm run eol:generate: reads the endoflife.date product files (default /work/shared/data/endoflife/products,
// or the folder given as the first argument) and writes server/checklists/eol/catalog.generated.json.
// Odd files are reported on stderr and skipped; the run only fails when nothing at all could be read.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const { parseProductFile } = await import("@/server/checklists/eol/parse");
const { writeCatalog } = await import("@/server/checklists/eol/write-catalog");

const dir = path.resolve(process.argv[2] ?? "/work/shared/data/endoflife/products");
let files: string[];
try {
  files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
} catch (error) {
  console.error(`[eol:generate] cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const products = [];
let skipped = 0;
let warnings = 0;
for (const file of files) {
  const slug = file.slice(0, -".md".length);
  let source: string;
  try {
    source = readFileSync(path.join(dir, file), "utf8");
  } catch (error) {
    console.error(`[eol:generate] skipped ${slug}: ${error instanceof Error ? error.message : String(error)}`);
    skipped += 1;
    continue;
  }
  const result = parseProductFile(slug, source);
  if (!result.ok) {
    console.error(`[eol:generate] skipped ${result.error}`);
    skipped += 1;
    continue;
  }
  for (const w of result.warnings) console.error(`[eol:generate] note ${w}`);
  warnings += result.warnings.length;
  products.push(result.product);
}

if (products.length === 0) {
  console.error(`[eol:generate] no product could be read from ${dir}; catalog left unchanged`);
  process.exit(1);
}
const { file, bytes } = writeCatalog(root, { dataAsOf: "2026-08", products });
const cycles = products.reduce((n, p) => n + p.cycles.length, 0);
console.log(`[eol:generate] ${products.length} products, ${cycles} cycles, ${skipped} skipped, ${warnings} notes -> ${path.relative(root, file)} (${(bytes / 1024).toFixed(0)} KiB)`);
