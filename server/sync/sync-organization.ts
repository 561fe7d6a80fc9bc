import "server-only";
import { db } from "@/server/db";
import type { TOrgTree } from "@/server/aws/organizations";

/** Replaces the stored OU tree and account list with what Organizations returned. */
export async function storeOrganization(tree: TOrgTree): Promise<{ units: number; accounts: number }> {
  const now = new Date();
  await db.$transaction(async (tx) => {
    // Parents first, so every OU's parent exists when it is written.
    const ordered: TOrgTree["units"] = [];
    const placed = new Set<string>();
    let pending = [...tree.units];
    while (pending.length) {
      const ready = pending.filter((u) => !u.parentId || placed.has(u.parentId) || !tree.units.some((p) => p.id === u.parentId));
      if (!ready.length) break;
      for (const u of ready) {
        ordered.push(u);
        placed.add(u.id);
      }
      pending = pending.filter((u) => !placed.has(u.id));
    }
    for (const unit of ordered) {
      await tx.organizationalUnit.upsert({
        where: { id: unit.id },
        create: { id: unit.id, name: unit.name, parentId: unit.parentId },
        update: { name: unit.name, parentId: unit.parentId },
      });
    }
    for (const a of tree.accounts) {
      const data = { name: a.name, email: a.email, status: a.status, ouId: a.parentId, joinedAt: a.joinedAt, tags: a.tags, inOrganization: true, lastSyncedAt: now };
      await tx.awsAccount.upsert({ where: { id: a.id }, create: { id: a.id, ...data }, update: data });
    }
    await tx.awsAccount.updateMany({ where: { id: { notIn: tree.accounts.map((a) => a.id) } }, data: { inOrganization: false } });
  });
  return { units: tree.units.length, accounts: tree.accounts.length };
}
