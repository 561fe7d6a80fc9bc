import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { eolFeedStatus } from "./feed";
import { createInventoryItem, deleteInventoryItem, itemStatus, listInventory, updateInventoryItem } from "./inventory";
import { ZInventoryQuery } from "./inventory.types";
import { analystUser, datedCycle, daysBefore, testTag } from "./eol-test-helpers";

const query = (q: string, extra: Record<string, string> = {}) => ZInventoryQuery.parse({ q, ...extra });

describe("EOL inventory (PostgreSQL)", () => {
  it("buckets a cycle by days to its end of life across the 0/30/90/180-day boundaries", () => {
    const { slug, cycle, eol } = datedCycle();
    const at = (days: number) => itemStatus(slug, cycle, daysBefore(eol, days));
    expect([-5, 0, 1, 30, 31, 90, 91, 180, 181].map((d) => [d, at(d).status, at(d).daysLeft])).toEqual([
      [-5, "eol", -5], [0, "eol", 0], [1, "eol30", 1], [30, "eol30", 30], [31, "eol90", 31], [90, "eol90", 90],
      [91, "eol180", 91], [180, "eol180", 180], [181, "supported", 181],
    ]);
    expect(at(10).eolDate).toBe(eol);
    expect(itemStatus(null, null, "2026-11-27").status).toBe("unknown");
    expect(itemStatus(slug, "no-such-cycle", "2026-11-27").status).toBe("unknown");
  });

  it("creates, edits and deletes manual entries, each change audited; free text is kept as no EOL data", async () => {
    const user = await analystUser();
    const tag = testTag();
    const { slug, title, cycle, eol } = datedCycle();
    const created = await createInventoryItem({ product: { kind: "catalog", slug }, version: cycle, accountId: "111122223333", region: "ap-northeast-1", systemName: `billing ${tag}`, ownerName: "team-a" }, { user, ip: "10.0.0.1" }, daysBefore(eol, 45));
    expect(created).toMatchObject({ product: slug, productName: title, cycle, status: "eol90", daysLeft: 45, source: "manual" });
    const free = await createInventoryItem({ product: { kind: "free", name: `In-house ERP ${tag}` }, version: "7.2" }, { user, ip: null });
    expect(free).toMatchObject({ product: null, cycle: null, status: "unknown" });

    const list = await listInventory(query(tag), daysBefore(eol, 45));
    expect(list.total).toBe(2);
    expect(list.summary).toMatchObject({ eol90: 1, unknown: 1, total: 2 });
    expect(list.byProduct.map((g) => g.label).sort()).toEqual([title, `In-house ERP ${tag}`].sort());
    expect((await listInventory(query(tag, { status: "eol90" }), daysBefore(eol, 45))).items.map((i) => i.id)).toEqual([created.id]);
    // several buckets at once (the overview's "within 90 days" is eol30 + eol90); an unknown bucket is refused
    expect((await listInventory(query(tag, { status: "eol30,eol90,unknown" }), daysBefore(eol, 45))).items.map((i) => i.id).sort()).toEqual([created.id, free.id].sort());
    expect((await listInventory(query(tag, { status: "eol30" }), daysBefore(eol, 45))).items).toEqual([]);
    expect(ZInventoryQuery.safeParse({ status: "eol90,later" }).success).toBe(false);
    expect((await listInventory(query(tag, { account: "111122223333" }), daysBefore(eol, 45))).items.map((i) => i.id)).toEqual([created.id]);

    const edited = await updateInventoryItem(created.id, { product: { kind: "catalog", slug }, version: cycle, notes: "upgrade planned" }, { user, ip: null });
    expect(edited).toMatchObject({ notes: "upgrade planned", accountId: null });
    await deleteInventoryItem(free.id, { user, ip: null });
    expect(await db.eolInventoryItem.findUnique({ where: { id: free.id } })).toBeNull();

    const audit = await db.auditLog.findMany({ where: { targetId: { in: [created.id, free.id] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["eol.inventory.create", user.id], ["eol.inventory.create", user.id], ["eol.inventory.update", user.id], ["eol.inventory.delete", user.id],
    ]);
    expect(audit[2]!.before).toMatchObject({ accountId: "111122223333" });
  });

  it("refuses unknown catalog products, missing versions and bad account ids", async () => {
    const user = await analystUser();
    await expect(createInventoryItem({ product: { kind: "catalog", slug: "no-such-product" }, version: "1" }, { user, ip: null })).rejects.toThrow(AppError);
    await expect(createInventoryItem({ product: { kind: "free", name: "X" }, version: "" }, { user, ip: null })).rejects.toThrow(/version/);
    await expect(createInventoryItem({ product: { kind: "free", name: "X" }, version: "1", accountId: "12345" }, { user, ip: null })).rejects.toThrow(/12-digit/);
    await expect(updateInventoryItem("missing", { product: { kind: "free", name: "X" }, version: "1" }, { user, ip: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("feeds the support-end-dates checklist item: not ok while something is past end of life", async () => {
    const user = await analystUser();
    const { slug, cycle, eol } = datedCycle();
    await createInventoryItem({ product: { kind: "catalog", slug }, version: cycle, systemName: testTag() }, { user, ip: null });
    // The first dated cycle of the catalog ended long ago, or a day after its end date it has.
    const feed = await eolFeedStatus(new Date(`${daysBefore(eol, -1)}T00:00:00Z`));
    expect(feed).toMatchObject({ source: "eol", ok: false, href: "/checklists?tab=eol&status=eol" });
    expect(feed.counts.pastEol).toBeGreaterThanOrEqual(1);
    expect(feed.asOf).not.toBeNull();
  });
});
