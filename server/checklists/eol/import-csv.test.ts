import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { importInventoryCsv, MAX_CSV_ROWS } from "./import-csv";
import { analystUser, datedCycle, testTag } from "./eol-test-helpers";

const count = (tag: string) => db.eolInventoryItem.count({ where: { systemName: tag } });

describe("EOL inventory CSV import (PostgreSQL)", () => {
  it("imports every row in one transaction with one audit entry, matching catalog cycles", async () => {
    const user = await analystUser();
    const tag = testTag();
    const { slug, title, cycle } = datedCycle();
    const csv = `Product,Product Name,Version,Account ID,Region,System,Owner,Notes\n${slug},,${cycle},111122223333,us-east-1,${tag},ops,\n${title.toUpperCase()},,${cycle},,,${tag},,"quoted, with comma"\n,Legacy CRM,4.1 SP2,,,${tag},sales,\n`;
    expect(await importInventoryCsv({ csv, fileName: "inv.csv" }, { user, ip: null })).toEqual({ ok: true, imported: 3 });
    const rows = await db.eolInventoryItem.findMany({ where: { systemName: tag }, orderBy: { productName: "asc" } });
    expect(rows.map((r) => [r.product, r.cycle, r.source]).sort()).toEqual([[null, null, "csv"], [slug, cycle, "csv"], [slug, cycle, "csv"]].sort());
    expect(rows.find((r) => r.notes)?.notes).toBe("quoted, with comma");
    const audit = await db.auditLog.findFirst({ where: { action: "eol.inventory.import", actorId: user.id } });
    expect(audit?.after).toMatchObject({ fileName: "inv.csv", rows: 3 });
  });

  it("lists every bad row with its line number and reason, and stores nothing", async () => {
    const user = await analystUser();
    const tag = testTag();
    const { slug, cycle } = datedCycle();
    const csv = [
      "product,product_name,version,account_id,region,system",
      `${slug},,${cycle},111122223333,us-east-1,${tag}`,
      `${slug},,??bad,,,${tag}`,
      `${slug},,${cycle},12345,,${tag}`,
      `not-a-product,,1.0,,,${tag}`,
      `,,1.0,,mars-1,${tag}`,
      `${slug},,${cycle},,,${tag}`,
    ].join("\n");
    const result = await importInventoryCsv({ csv }, { user, ip: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/4 of 6 rows are invalid; nothing was imported/);
    expect(result.rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(result.rows[0]!.errors.join()).toMatch(/^version:/);
    expect(result.rows[1]!.errors.join()).toMatch(/account_id: "12345" must be a 12-digit AWS account id/);
    expect(result.rows[2]!.errors.join()).toMatch(/not-a-product" is not in the EOL catalog/);
    expect(result.rows[3]!.errors).toEqual(["product: a product or product_name is required", expect.stringMatching(/^region: "mars-1"/)]);
    expect(await count(tag)).toBe(0);
  });

  it("rejects a header without the required columns, unknown columns, and too many rows", async () => {
    const user = await analystUser();
    const tag = testTag();
    const missing = await importInventoryCsv({ csv: `product,system\npython,${tag}\n` }, { user, ip: null });
    expect(missing).toMatchObject({ ok: false, rows: [{ line: 1, errors: ['missing column "version"'] }] });
    const unknown = await importInventoryCsv({ csv: `product,version,colour\npython,3.12,red\n` }, { user, ip: null });
    expect(unknown).toMatchObject({ ok: false, rows: [{ line: 1, errors: [expect.stringMatching(/unknown column\(s\) "colour"/)] }] });
    const tooMany = await importInventoryCsv({ csv: `product_name,version,system\n${`App,1.0,${tag}\n`.repeat(MAX_CSV_ROWS + 1)}` }, { user, ip: null });
    expect(tooMany).toMatchObject({ ok: false, message: expect.stringMatching(/at most 5000/) });
    expect(await importInventoryCsv({ csv: "" }, { user, ip: null })).toMatchObject({ ok: false });
    expect(await count(tag)).toBe(0);
  });
});
