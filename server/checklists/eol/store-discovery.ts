import "server-only";
import { db } from "@/server/db";
import { findProduct } from "./catalog";
import type { TDiscoveredSoftware, TDiscoveryResult, TDiscoveryScope } from "./discovery.types";

export type TStoreCounts = { found: number; inserted: number; updated: number; gone: number };

/** Which discovered sources a scope's service covers (RDS reads Aurora clusters too). */
const SOURCES_OF: Record<TDiscoveryScope["service"], string[]> = { lambda: ["lambda"], rds: ["rds", "aurora"], eks: ["eks"], ssm: ["ssm"] };

function fields(item: TDiscoveredSoftware) {
  const product = item.product && findProduct(item.product) ? item.product : null;
  return {
    product,
    productName: (product ? findProduct(product)?.title : null) ?? (item.rawName || item.source),
    version: item.rawVersion || item.rawName || "unknown",
    cycle: product ? item.cycle : null,
    accountId: item.accountId, region: item.region, resourceId: item.resourceId, resourceName: item.resourceName,
    discoverySource: item.source,
  };
}

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => a[k] === b[k]);

/**
 * Stores what a discovery run found: new software is inserted, known software (by sourceKey) updated
 * and marked seen. Software no longer found in a scope that was read successfully is marked gone
 * (kept, hidden by default); scopes that failed leave their rows as they were.
 */
export async function storeDiscovery(result: TDiscoveryResult, now = new Date()): Promise<TStoreCounts> {
  const counts: TStoreCounts = { found: result.items.length, inserted: 0, updated: 0, gone: 0 };
  const byKey = new Map(result.items.map((i) => [i.sourceKey, i]));
  const keys = [...byKey.keys()];
  await db.$transaction(async (tx) => {
    const existing = new Map<string, Record<string, unknown> & { id: string; goneAt: Date | null }>();
    for (let i = 0; i < keys.length; i += 5_000) {
      const rows = await tx.eolInventoryItem.findMany({ where: { sourceKey: { in: keys.slice(i, i + 5_000) } } });
      for (const row of rows) existing.set(row.sourceKey!, row);
    }
    const inserts = [];
    for (const [sourceKey, item] of byKey) {
      const data = fields(item);
      const row = existing.get(sourceKey);
      if (!row) {
        inserts.push({ ...data, sourceKey, source: "discovered", lastSeenAt: now });
      } else if (!same(data, row) || row.goneAt) {
        await tx.eolInventoryItem.update({ where: { id: row.id }, data: { ...data, lastSeenAt: now, goneAt: null } });
        counts.updated++;
      }
    }
    if (inserts.length) counts.inserted = (await tx.eolInventoryItem.createMany({ data: inserts })).count;
    for (let i = 0; i < keys.length; i += 5_000) {
      await tx.eolInventoryItem.updateMany({ where: { sourceKey: { in: keys.slice(i, i + 5_000) } }, data: { lastSeenAt: now } });
    }
    // Everything found now has lastSeenAt = now: older rows of a scope read in full are gone.
    for (const scope of result.scopes.filter((s) => s.ok)) {
      const gone = await tx.eolInventoryItem.updateMany({
        where: { source: "discovered", accountId: scope.accountId, region: scope.region, discoverySource: { in: SOURCES_OF[scope.service] }, goneAt: null, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: now } }] },
        data: { goneAt: now },
      });
      counts.gone += gone.count;
    }
  }, { timeout: 120_000 });
  return counts;
}
