import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/server/auth/roles.types";
import { useOwnDatabase } from "@/server/testing/own-database";
import { overdueOnly, parseRecurringState, recurringHref, summarize, type TChecklist, type TChecklistItem } from "./checklists-api";

// The Recurring tab's overdue view (?state=overdue): the filter itself, then against PostgreSQL that it shows exactly
// the items the summary, the overview's "overdue checklist items" and the weekly review's checklists section count,
// and that both links lead to it. Own database: the overview and the agenda count every checklist.

const item = (id: string, state: TChecklistItem["state"]): TChecklistItem => ({
  id, title: id, description: null, source: "manual", state, daysOverdue: state === "overdue" ? 2 : 0,
  period: { key: "2026-W48", due: "2026-11-23T23:59:59.999Z" }, completion: null,
});
const checklist = (id: string, items: TChecklistItem[]): TChecklist => ({
  id, templateKey: null, name: id, description: null, owner: null,
  schedule: { cadence: { kind: "weekly", weekday: 1 }, timeZone: "UTC" } as TChecklist["schedule"],
  period: { key: "2026-W49", start: "2026-11-24T00:00:00.000Z", due: "2026-11-30T23:59:59.999Z" }, items,
});

describe("the overdue view's filter", () => {
  it("keeps the checklists with an overdue item and, in them, only the overdue items, in their order", () => {
    const list = [
      checklist("a", [item("a1", "done"), item("a2", "overdue"), item("a3", "due"), item("a4", "overdue")]),
      checklist("b", [item("b1", "due"), item("b2", "upcoming"), item("b3", "done")]),
      checklist("c", []),
      checklist("d", [item("d1", "overdue")]),
    ];
    const shown = overdueOnly(list);
    expect(shown.map((c) => [c.id, c.items.map((i) => i.id)])).toEqual([["a", ["a2", "a4"]], ["d", ["d1"]]]);
    // The count shown above the list is the number of items listed.
    expect(summarize(list, "2026-11-25T12:00:00.000Z").overdue).toBe(shown.flatMap((c) => c.items).length);
    // The input is left as it was (the full list stays in the query cache).
    expect(list[0]!.items).toHaveLength(4);
  });

  it("shows nothing when nothing is overdue", () => {
    expect(overdueOnly([checklist("b", [item("b1", "due"), item("b2", "done")])])).toEqual([]);
    expect(overdueOnly([])).toEqual([]);
  });

  it("reads the filter from the URL and writes it into the tab's links", () => {
    expect(parseRecurringState("overdue")).toBe("overdue");
    expect(parseRecurringState(["overdue", "all"])).toBe("overdue");
    expect(parseRecurringState("OVERDUE")).toBeNull();
    expect(parseRecurringState("due")).toBeNull();
    expect(parseRecurringState(undefined)).toBeNull();
    expect(recurringHref({ state: "overdue" })).toBe("/checklists?tab=recurring&state=overdue");
    expect(recurringHref()).toBe("/checklists?tab=recurring");
    expect(recurringHref({ checklist: "c1", view: "history", page: 2 })).toBe("/checklists?tab=recurring&checklist=c1&view=history&page=2");
  });
});

type Mods = {
  db: typeof import("@/server/db").db;
  listChecklists: typeof import("@/server/checklists/recurring/checklists").listChecklists;
  completeItem: typeof import("@/server/checklists/recurring/checklists").completeItem;
  getOverview: typeof import("@/server/overview/get-overview").getOverview;
  buildAgenda: typeof import("@/server/review/agenda").buildAgenda;
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_chk_overdue`);
  m = {
    db: (await import("@/server/db")).db,
    ...(await import("@/server/checklists/recurring/checklists")),
    getOverview: (await import("@/server/overview/get-overview")).getOverview,
    buildAgenda: (await import("@/server/review/agenda")).buildAgenda,
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
});

afterAll(async () => {
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

// Wednesday 2026-11-25 12:00 UTC: the weekly (Monday) period due 2026-11-23 has ended, the next is due 2026-11-30.
const NOW = new Date("2026-11-25T12:00:00.000Z");
const OLD = new Date("2026-11-01T00:00:00Z");
const NEW = new Date("2026-11-24T00:00:00Z");

async function weekly(name: string, items: { title: string; createdAt: Date }[]) {
  return m.db.checklist.create({
    data: {
      name, schedule: { cadence: { kind: "weekly", weekday: 1 }, timeZone: "UTC" },
      items: { create: items.map((i, position) => ({ ...i, position })) },
    },
    include: { items: { orderBy: { position: "asc" } } },
  });
}

describe("the overdue view against PostgreSQL", () => {
  it("lists exactly the items the summary, the overview and the weekly review count, and both link to it", async () => {
    // A: two items owed for the ended week, one added this week. B: only this week's item. C: owed, completed.
    const a = await weekly("A weekly", [{ title: "A1", createdAt: OLD }, { title: "A2 (new)", createdAt: NEW }, { title: "A3", createdAt: OLD }]);
    await weekly("B weekly", [{ title: "B1 (new)", createdAt: NEW }]);
    const c = await weekly("C weekly", [{ title: "C1", createdAt: OLD }]);
    const u = await m.createTestUser({ role: "ANALYST" });
    const actor: TSessionUser = { id: u.id, email: u.email, name: null, role: "ANALYST", locale: null };
    await m.completeItem(c.items[0]!.id, { periodKey: "2026-W48", result: "OK" }, actor, null, NOW);

    const all = await m.listChecklists(NOW);
    const shown = overdueOnly(all);
    expect(shown.map((x) => [x.name, x.items.map((i) => i.title)])).toEqual([["A weekly", ["A1", "A3"]]]);
    const ids = shown.flatMap((x) => x.items.map((i) => i.id));
    expect(ids).toEqual([a.items[0]!.id, a.items[2]!.id]);

    expect(summarize(all, NOW.toISOString()).overdue).toBe(2);
    const overview = await m.getOverview({ now: NOW });
    expect(overview.kpis.overdueChecklistItems).toBe(ids.length);
    const agenda = await m.buildAgenda({ periodStart: new Date(NOW.getTime() - 7 * 86_400_000), periodEnd: NOW, recordedFrom: new Date(NOW.getTime() - 7 * 86_400_000), recordedTo: NOW });
    const section = agenda.sections.find((s) => s.key === "checklists")!;
    expect(section.count).toBe(ids.length);
    expect(section.items.map((i) => i.id)).toEqual(ids);
    const overdueHref = recurringHref({ state: "overdue" });
    expect(section.href).toBe(overdueHref);
    expect(section.items.map((i) => i.href)).toEqual(ids.map(() => overdueHref));

    // Completing the overdue items empties the view, and every count goes to zero with it.
    for (const id of ids) await m.completeItem(id, { periodKey: "2026-W48", result: "OK" }, actor, null, NOW);
    const after = await m.listChecklists(NOW);
    expect(overdueOnly(after)).toEqual([]);
    expect(summarize(after, NOW.toISOString()).overdue).toBe(0);
    expect((await m.getOverview({ now: NOW })).kpis.overdueChecklistItems).toBe(0);
  });
});
