import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { TDiscoveredSoftware, TDiscoveryScope } from "./discovery.types";
import { datedCycle, testTag } from "./eol-test-helpers";
import { storeDiscovery } from "./store-discovery";

function lambda(account: string, name: string, product: string | null, cycle: string | null): TDiscoveredSoftware {
  const arn = `arn:aws:lambda:us-east-1:${account}:function:${name}`;
  return { sourceKey: `lambda:${arn}`, source: "lambda", accountId: account, region: "us-east-1", resourceId: arn, resourceName: name, rawName: "nodejs18.x", rawVersion: "", product, cycle };
}
const scope = (accountId: string, ok = true): TDiscoveryScope => ({ accountId, region: "us-east-1", service: "lambda", ok, found: 0, ...(ok ? {} : { error: "AccessDeniedException: not authorized" }) });

describe("EOL discovery storage (PostgreSQL)", () => {
  it("upserts by sourceKey, marks software gone only in scopes read successfully, and brings it back when found again", async () => {
    const [a, b] = [`9${Date.now()}`.slice(0, 12), `8${Date.now()}`.slice(0, 12)];
    const tag = testTag();
    const { slug, cycle } = datedCycle();
    const first = [lambda(a, `${tag}-one`, slug, cycle), lambda(a, `${tag}-two`, null, null), lambda(b, `${tag}-three`, slug, cycle)];
    expect(await storeDiscovery({ items: first, scopes: [scope(a), scope(b)] }, new Date("2026-11-01T00:00:00Z"))).toEqual({ found: 3, inserted: 3, updated: 0, gone: 0 });
    const stored = await db.eolInventoryItem.findMany({ where: { resourceName: { startsWith: tag } } });
    expect(stored.map((r) => [r.resourceName, r.source, r.product, r.version]).sort()).toEqual([
      [`${tag}-one`, "discovered", slug, "nodejs18.x"], [`${tag}-three`, "discovered", slug, "nodejs18.x"], [`${tag}-two`, "discovered", null, "nodejs18.x"],
    ]);

    // Second run: "two" is gone from account a (read fine); account b failed, so "three" stays as it was.
    const second = [{ ...first[0]!, resourceName: `${tag}-one-renamed` }];
    expect(await storeDiscovery({ items: second, scopes: [scope(a), scope(b, false)] }, new Date("2026-11-02T00:00:00Z"))).toEqual({ found: 1, inserted: 0, updated: 1, gone: 1 });
    const after = new Map((await db.eolInventoryItem.findMany({ where: { accountId: { in: [a, b] } } })).map((r) => [r.sourceKey, r]));
    expect(after.get(first[0]!.sourceKey)).toMatchObject({ resourceName: `${tag}-one-renamed`, goneAt: null, lastSeenAt: new Date("2026-11-02T00:00:00Z") });
    expect(after.get(first[1]!.sourceKey)!.goneAt).toEqual(new Date("2026-11-02T00:00:00Z"));
    expect(after.get(first[2]!.sourceKey)!.goneAt).toBeNull();

    // Found again: no longer gone.
    expect(await storeDiscovery({ items: first, scopes: [scope(a), scope(b)] }, new Date("2026-11-03T00:00:00Z"))).toMatchObject({ inserted: 0, updated: 2, gone: 0 });
    expect(await db.eolInventoryItem.count({ where: { accountId: { in: [a, b] }, goneAt: { not: null } } })).toBe(0);
  });
});
