import { describe, expect, it } from "vitest";
import { createTestUser } from "@/prisma/factories/user";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { completeItem, ensureDefaultChecklists, listChecklists, ZCompleteItem } from "./checklists";
import { TEMPLATES } from "./templates";

// Wednesday 2026-11-25 12:00 UTC: the weekly (Monday) period due 2026-11-23 has ended, the next is due 2026-11-30.
const NOW = new Date("2026-11-25T12:00:00.000Z");

async function analyst(): Promise<TSessionUser> {
  const u = await createTestUser({ role: "ANALYST" });
  return { id: u.id, email: u.email, name: null, role: "ANALYST", locale: null };
}

async function weeklyChecklist() {
  return db.checklist.create({
    data: {
      name: `Weekly ${Math.random()}`,
      schedule: { cadence: { kind: "weekly", weekday: 1 }, timeZone: "UTC" },
      items: { create: [
        { title: "A", position: 0, createdAt: new Date("2026-11-01T00:00:00Z") },
        { title: "B", position: 1, createdAt: new Date("2026-11-01T00:00:00Z") },
        { title: "C (added this week)", position: 2, createdAt: new Date("2026-11-24T00:00:00Z") },
      ] },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
}

const view = async (id: string, now = NOW) => (await listChecklists(now)).find((c) => c.id === id)!;

describe("recurring checklists (PostgreSQL)", () => {
  it("ships the default templates once", async () => {
    await ensureDefaultChecklists();
    expect(await ensureDefaultChecklists()).toBe(0);
    const keys = (await db.checklist.findMany({ where: { templateKey: { not: null } }, select: { templateKey: true } })).map((c) => c.templateKey);
    expect(keys.sort()).toEqual(TEMPLATES.map((t) => t.key).sort());
  });

  it("flags an item overdue when its previous period ended undone, until it is completed for that period", async () => {
    const checklist = await weeklyChecklist();
    const [a, b, c] = checklist.items;
    const before = await view(checklist.id);
    expect(before.period).toMatchObject({ key: "2026-W49", due: "2026-11-30T23:59:59.999Z" });
    expect(before.items.map((i) => [i.title, i.state, i.period.key, i.daysOverdue])).toEqual([
      ["A", "overdue", "2026-W48", 2],
      ["B", "overdue", "2026-W48", 2],
      ["C (added this week)", "upcoming", "2026-W49", 0],
    ]);

    const user = await analyst();
    await completeItem(a!.id, { periodKey: "2026-W48", result: "ISSUE", note: "ALB policy still TLS 1.0: ticket NET-12" }, user, "10.0.0.9", NOW);
    const after = await view(checklist.id);
    expect(after.items.find((i) => i.id === a!.id)).toMatchObject({ state: "upcoming", period: { key: "2026-W49" }, completion: null });
    expect(after.items.find((i) => i.id === b!.id)!.state).toBe("overdue");
    // Within three days of the due day it is "due"; completing it makes it done, with who and the result.
    await completeItem(c!.id, { periodKey: "2026-W49", result: "OK" }, user, null, NOW);
    const friday = await view(checklist.id, new Date("2026-11-28T09:00:00Z"));
    expect(friday.items.find((i) => i.id === c!.id)).toMatchObject({ state: "done", completion: { by: user.email, result: "OK" } });
    expect(friday.items.find((i) => i.id === a!.id)!.state).toBe("due");

    const audit = await db.auditLog.findMany({ where: { action: "checklist.item.complete", targetId: a!.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, ip: "10.0.0.9", after: { periodKey: "2026-W48", result: "ISSUE" } });
  });

  it("refuses closed periods, a second completion and an issue without evidence", async () => {
    const checklist = await weeklyChecklist();
    const user = await analyst();
    const item = checklist.items[0]!;
    const closed = await completeItem(item.id, { periodKey: "2026-W40", result: "OK" }, user, null, NOW).catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(AppError);
    expect((closed as AppError).status).toBe(400);
    expect((closed as AppError).message).toMatch(/2026-W49.*2026-W48/);
    await completeItem(item.id, { periodKey: "2026-W49", result: "OK" }, user, null, NOW);
    const again = await completeItem(item.id, { periodKey: "2026-W49", result: "OK" }, user, null, NOW).catch((e: unknown) => e);
    expect((again as AppError).status).toBe(409);
    expect(ZCompleteItem.safeParse({ periodKey: "2026-W49", result: "ISSUE" }).success).toBe(false);
    expect(ZCompleteItem.safeParse({ periodKey: "2026-W49", result: "OK", link: "javascript:alert(1)" }).success).toBe(false);
  });
});
