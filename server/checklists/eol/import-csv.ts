import "server-only";
import Papa from "papaparse";
import { z } from "zod";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { getCatalog } from "./catalog";
import { resolveProduct, type TActor } from "./inventory";
import { ZAccountId, ZRegion, ZVersion, type TCsvRowError } from "./inventory.types";

export const MAX_CSV_ROWS = 5_000;
export const MAX_CSV_CHARS = 2_000_000;

/** Named columns (case and spaces ignored); product or product_name and version are required. */
const COLUMNS = {
  product: "product", product_name: "productName", version: "version", account_id: "accountId", account: "accountId",
  region: "region", resource_id: "resourceId", resource_name: "resourceName", system: "systemName", system_name: "systemName",
  owner: "ownerName", notes: "notes",
} as const;
type TField = (typeof COLUMNS)[keyof typeof COLUMNS];

export const ZCsvImport = z.object({ csv: z.string().max(MAX_CSV_CHARS, `the file must be at most ${MAX_CSV_CHARS / 1_000_000} MB`), fileName: z.string().max(300).optional() }).strict();

export type TCsvImportResult = { ok: true; imported: number } | { ok: false; message: string; rows: TCsvRowError[] };

let productIndex: Map<string, string> | null = null;
/** A catalog product by slug or title, case-insensitive. */
function catalogSlug(value: string): string | null {
  productIndex ??= new Map(getCatalog().products.flatMap((p) => [[p.slug.toLowerCase(), p.slug], [p.title.toLowerCase(), p.slug]] as [string, string][]));
  return productIndex.get(value.trim().toLowerCase()) ?? null;
}

const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");
const check = (schema: z.ZodType, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]?.message ?? "is invalid";
};

/**
 * Imports inventory entries from CSV: every row is validated first; one bad row (or a bad header) and
 * nothing is stored, the answer lists each bad row with its line number and reasons. Otherwise all rows
 * are stored in one transaction with one audit entry.
 */
export async function importInventoryCsv(input: z.infer<typeof ZCsvImport>, { user, ip }: TActor): Promise<TCsvImportResult> {
  const parsed = Papa.parse<string[]>(input.csv.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const lines = parsed.data.map((cells, index) => ({ cells, line: index + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [header, ...body] = lines;
  if (!header) return { ok: false, message: "The file is empty: it needs a header row and at least one entry.", rows: [] };
  const fieldsByIndex: (TField | null)[] = [];
  const unknown: string[] = [];
  for (const h of header.cells) {
    const key = normalizeHeader(h);
    const field = Object.hasOwn(COLUMNS, key) ? COLUMNS[key as keyof typeof COLUMNS] : null;
    if (!field && key) unknown.push(h.trim());
    fieldsByIndex.push(field);
  }
  const present = new Set(fieldsByIndex);
  const headerErrors: string[] = [];
  if (!present.has("product") && !present.has("productName")) headerErrors.push('missing column "product" (a catalog product) or "product_name" (free text)');
  if (!present.has("version")) headerErrors.push('missing column "version"');
  if (unknown.length) headerErrors.push(`unknown column(s) ${unknown.map((u) => `"${u}"`).join(", ")}; allowed: ${Object.keys(COLUMNS).join(", ")}`);
  if (headerErrors.length) return { ok: false, message: "The header row is not valid; nothing was imported.", rows: [{ line: header.line, errors: headerErrors }] };
  if (body.length === 0) return { ok: false, message: "The file has a header but no entries.", rows: [] };
  if (body.length > MAX_CSV_ROWS) return { ok: false, message: `The file has ${body.length} entries; at most ${MAX_CSV_ROWS} can be imported at once. Split it and import the parts.`, rows: [] };

  const errors: TCsvRowError[] = [];
  const entries = body.map(({ cells, line }) => {
    const v: Partial<Record<TField, string>> = {};
    fieldsByIndex.forEach((field, i) => {
      const cell = cells[i]?.trim();
      if (field && cell) v[field] = cell;
    });
    const rowErrors: string[] = [];
    if (cells.length !== header.cells.length) rowErrors.push(`has ${cells.length} columns, the header has ${header.cells.length}`);
    let slug: string | null = null;
    if (v.product) {
      slug = catalogSlug(v.product);
      if (!slug) rowErrors.push(`product: "${v.product}" is not in the EOL catalog; put software without catalog data in "product_name"`);
    } else if (!v.productName) rowErrors.push("product: a product or product_name is required");
    const versionError = check(ZVersion, v.version ?? "");
    if (versionError) rowErrors.push(`version: ${versionError}`);
    if (v.accountId) {
      const e = check(ZAccountId, v.accountId);
      if (e) rowErrors.push(`account_id: "${v.accountId}" ${e}`);
    }
    if (v.region) {
      const e = check(ZRegion, v.region);
      if (e) rowErrors.push(`region: "${v.region}" ${e}`);
    }
    for (const [field, max] of [["resourceId", 2048], ["resourceName", 256], ["systemName", 200], ["ownerName", 200], ["notes", 4000], ["productName", 200]] as const) {
      if ((v[field]?.length ?? 0) > max) rowErrors.push(`${field}: must be at most ${max} characters`);
    }
    if (rowErrors.length) {
      errors.push({ line, errors: rowErrors });
      return null;
    }
    const version = v.version!;
    const product = resolveProduct(slug ? { kind: "catalog", slug } : { kind: "free", name: v.productName! }, version);
    return {
      ...product, version, accountId: v.accountId ?? null, region: v.region ?? null, resourceId: v.resourceId ?? null, resourceName: v.resourceName ?? null,
      systemName: v.systemName ?? null, ownerName: v.ownerName ?? null, notes: v.notes ?? null, source: "csv", createdById: user.id, updatedById: user.id,
    };
  });
  if (errors.length) return { ok: false, message: `${errors.length} of ${body.length} rows are invalid; nothing was imported. Fix them and import the file again.`, rows: errors.slice(0, 200) };

  const data = entries.filter((e) => e !== null);
  await db.$transaction(async (tx) => {
    await tx.eolInventoryItem.createMany({ data });
    await recordAudit({ actor: user, action: "eol.inventory.import", target: { type: "eolInventory", id: "csv" }, after: { fileName: input.fileName ?? null, rows: data.length }, ip }, tx);
  });
  return { ok: true, imported: data.length };
}
