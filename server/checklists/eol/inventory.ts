import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { AppError } from "@/server/http/app-error";
import { cycleStatus, findProduct, matchVersion } from "./catalog";
import {
  EOL_BUCKETS, ZInventoryInput, type TBucketCounts, type TEolBucket, type TEolSource, type TInventoryGroup,
  type TInventoryInput, type TInventoryList, type TInventoryQuery, type TInventoryRow,
} from "./inventory.types";

type TItem = Prisma.EolInventoryItemGetPayload<object>;

/** "Today" for EOL status: a UTC calendar day. Kanshi has no application clock, so this is the real date. */
export function eolToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Where a product cycle stands today, from the catalog; no product or cycle = "no EOL data". */
export function itemStatus(product: string | null, cycle: string | null, today: string) {
  const found = product && cycle ? findProduct(product)?.cycles.find((c) => c.cycle === cycle) : undefined;
  if (!found) return { status: "unknown" as TEolBucket, eolDate: null, eoasDate: null, daysLeft: null };
  const s = cycleStatus(found, today);
  return { status: s.state, eolDate: s.eolDate, eoasDate: typeof found.eoas === "string" ? found.eoas : null, daysLeft: s.daysLeft };
}

export function emptyCounts(): TBucketCounts {
  return { eol: 0, eol30: 0, eol90: 0, eol180: 0, supported: 0, unknown: 0, total: 0 };
}

/** The product slug (or free text), its display name and the matched cycle for an entry. */
export function resolveProduct(product: TInventoryInput["product"], version: string): { product: string | null; productName: string; cycle: string | null } {
  if (product.kind === "free") return { product: null, productName: product.name.trim(), cycle: null };
  const found = findProduct(product.slug);
  if (!found) throw new AppError("BAD_REQUEST", `product: "${product.slug}" is not in the EOL catalog; pick a catalog product or enter it as free text.`);
  return { product: found.slug, productName: found.title, cycle: matchVersion(found.slug, version.trim())?.cycle ?? null };
}

function where(query: TInventoryQuery): Prisma.EolInventoryItemWhereInput {
  const and: Prisma.EolInventoryItemWhereInput[] = [];
  if (!query.gone) and.push({ goneAt: null });
  if (query.product) and.push(query.product.startsWith("free:") ? { product: null, productName: query.product.slice(5) } : { product: query.product });
  if (query.account) and.push(query.account === "none" ? { accountId: null } : { accountId: query.account });
  if (query.source) and.push({ source: query.source });
  if (query.q) {
    const contains = { contains: query.q, mode: "insensitive" as const };
    and.push({ OR: [{ productName: contains }, { version: contains }, { resourceId: contains }, { resourceName: contains }, { systemName: contains }, { ownerName: contains }, { notes: contains }, { accountId: contains }] });
  }
  return { AND: and };
}

const STATUS_ORDER = Object.fromEntries(EOL_BUCKETS.map((b, i) => [b, i])) as Record<TEolBucket, number>;

function toRow(item: TItem, today: string, accountNames: Map<string, string>): TInventoryRow {
  return {
    id: item.id, product: item.product, productName: item.productName, version: item.version, cycle: item.cycle,
    ...itemStatus(item.product, item.cycle, today),
    accountId: item.accountId, accountName: item.accountId ? (accountNames.get(item.accountId) ?? null) : null,
    region: item.region, resourceId: item.resourceId, resourceName: item.resourceName, systemName: item.systemName,
    ownerName: item.ownerName, notes: item.notes, source: item.source as TEolSource, discoverySource: item.discoverySource,
    lastSeenAt: item.lastSeenAt?.toISOString() ?? null, goneAt: item.goneAt?.toISOString() ?? null, updatedAt: item.updatedAt.toISOString(),
  };
}

function groups(rows: TInventoryRow[], key: (r: TInventoryRow) => [string, string]): TInventoryGroup[] {
  const map = new Map<string, TInventoryGroup>();
  for (const row of rows) {
    const [k, label] = key(row);
    const group = map.get(k) ?? { key: k, label, counts: emptyCounts() };
    group.counts[row.status]++;
    group.counts.total++;
    map.set(k, group);
  }
  // Worst first: most past EOL, then due soonest.
  return [...map.values()].sort((a, b) => b.counts.eol - a.counts.eol || b.counts.eol30 - a.counts.eol30 || b.counts.eol90 - a.counts.eol90 || a.label.localeCompare(b.label));
}

/** Every matching row with its status; the status filter applies after the counts, so the chips show every bucket. */
export async function loadInventory(query: TInventoryQuery, today = eolToday()): Promise<{ rows: TInventoryRow[]; all: TInventoryRow[] }> {
  const items = await db.eolInventoryItem.findMany({ where: where(query), orderBy: [{ productName: "asc" }, { version: "asc" }, { id: "asc" }] });
  const accountIds = [...new Set(items.map((i) => i.accountId).filter((a): a is string => !!a))];
  const accounts = accountIds.length ? await db.awsAccount.findMany({ where: { id: { in: accountIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const all = items.map((i) => toRow(i, today, names))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.productName.localeCompare(b.productName));
  return { all, rows: query.status ? all.filter((r) => query.status!.includes(r.status)) : all };
}

export async function listInventory(query: TInventoryQuery, today = eolToday()): Promise<TInventoryList> {
  const { all, rows } = await loadInventory(query, today);
  const summary = emptyCounts();
  for (const row of all) {
    summary[row.status]++;
    summary.total++;
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize), total: rows.length, page: query.page, pageSize: query.pageSize, summary, today,
    byProduct: groups(rows, (r) => [r.product ?? `free:${r.productName}`, r.productName]),
    byAccount: groups(rows, (r) => [r.accountId ?? "none", r.accountId ? `${r.accountName ?? r.accountId} (${r.accountId})` : ""]),
  };
}

function fields(input: ReturnType<typeof ZInventoryInput.parse>) {
  return {
    ...resolveProduct(input.product, input.version), version: input.version,
    accountId: input.accountId ?? null, region: input.region ?? null, resourceId: input.resourceId ?? null, resourceName: input.resourceName ?? null,
    systemName: input.systemName ?? null, ownerName: input.ownerName ?? null, notes: input.notes ?? null,
  };
}

function snapshot(item: TItem) {
  const { product, productName, version, cycle, accountId, region, resourceId, resourceName, systemName, ownerName, notes, source } = item;
  return { product, productName, version, cycle, accountId, region, resourceId, resourceName, systemName, ownerName, notes, source };
}

export type TActor = { user: TSessionUser; ip: string | null };

export async function createInventoryItem(raw: unknown, { user, ip }: TActor, today = eolToday()): Promise<TInventoryRow> {
  const data = fields(ZInventoryInput.parse(raw));
  return db.$transaction(async (tx) => {
    const item = await tx.eolInventoryItem.create({ data: { ...data, source: "manual", createdById: user.id, updatedById: user.id } });
    await recordAudit({ actor: user, action: "eol.inventory.create", target: { type: "eolInventoryItem", id: item.id }, after: snapshot(item), ip }, tx);
    return toRow(item, today, new Map());
  });
}

async function editable(id: string, tx: Prisma.TransactionClient) {
  const item = await tx.eolInventoryItem.findUnique({ where: { id } });
  if (!item) throw new AppError("NOT_FOUND", "No such inventory entry.");
  if (item.source === "discovered") throw new AppError("CONFLICT", "This entry was discovered in AWS and follows what AWS reports; it cannot be edited or deleted by hand.");
  return item;
}

export async function updateInventoryItem(id: string, raw: unknown, { user, ip }: TActor, today = eolToday()): Promise<TInventoryRow> {
  const data = fields(ZInventoryInput.parse(raw));
  return db.$transaction(async (tx) => {
    const before = await editable(id, tx);
    const item = await tx.eolInventoryItem.update({ where: { id }, data: { ...data, updatedById: user.id } });
    await recordAudit({ actor: user, action: "eol.inventory.update", target: { type: "eolInventoryItem", id }, before: snapshot(before), after: snapshot(item), ip }, tx);
    return toRow(item, today, new Map());
  });
}

export async function deleteInventoryItem(id: string, { user, ip }: TActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await editable(id, tx);
    await tx.eolInventoryItem.delete({ where: { id } });
    await recordAudit({ actor: user, action: "eol.inventory.delete", target: { type: "eolInventoryItem", id }, before: snapshot(before), ip }, tx);
  });
}
