import { describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/prisma/factories/user";
import type { TSessionState } from "@/server/auth/session";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { getChecklistHistory } from "./checklist-history";
import { completeItem, listArchivedChecklists, listChecklists } from "./checklists";
import { addItem, createChecklist, updateChecklist, updateItem } from "./edit-checklists";

// The routes run with a signed-in user: next-auth's session itself is not what is tested here.
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));
const checklistsRoute = await import("@/app/api/checklists/route");
const checklistRoute = await import("@/app/api/checklists/[id]/route");
const itemsRoute = await import("@/app/api/checklists/[id]/items/route");
const itemRoute = await import("@/app/api/checklists/items/[id]/route");
const historyRoute = await import("@/app/api/checklists/[id]/history/route");
const usersRoute = await import("@/app/api/users/options/route");

async function user(role: "ADMIN" | "ANALYST" | "VIEWER" = "ANALYST"): Promise<TSessionUser> {
  const u = await createTestUser({ role });
  return { id: u.id, email: u.email, name: null, role, locale: null };
}
async function signIn(role: "ADMIN" | "ANALYST" | "VIEWER") {
  const u = await user(role);
  session.state = { status: "active", user: u };
  return u;
}
const json = (url: string, method: string, body: unknown) =>
  new Request(`http://localhost${url}`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const ctx = <P,>(params: P) => ({ params: Promise.resolve(params) });
const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

const weekly = (weekday = 1) => ({ kind: "weekly" as const, weekday });

describe("POST /api/checklists and PATCH: validation names the field", () => {
  it("answers 400 naming the field for a bad cron, an unknown time zone, an empty name and an owner who is not a user", async () => {
    await signIn("ANALYST");
    const base = { name: "Weekly review", cadence: weekly(), timeZone: "UTC", items: [{ title: "A" }] };
    const post = (body: unknown) => checklistsRoute.POST(json("/api/checklists", "POST", body), ctx({}));
    const cases: [unknown, RegExp][] = [
      [{ ...base, cadence: { kind: "cron", expression: "61 * * * *" } }, /^cadence\.expression: Invalid cron expression "61 \* \* \* \*"/],
      [{ ...base, cadence: { kind: "cron", expression: "0 9 * *" } }, /^cadence\.expression: Cron expression must have 5 fields/],
      [{ ...base, timeZone: "Mars/Olympus_Mons" }, /^timeZone: Unknown time zone "Mars\/Olympus_Mons"/],
      [{ ...base, name: "   " }, /^name: must not be empty/],
      [{ ...base, ownerId: "nobody-with-this-id" }, /^ownerId: no user with id "nobody-with-this-id"/],
      [{ ...base, items: [{ title: "x", source: "weather" }] }, /^items\.0\.source: must be one of manual, patches, findings, eol/],
      [{ ...base, cadence: { kind: "monthly", day: 32 } }, /^cadence\.day/],
    ];
    for (const [body, expected] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await message(response)).toMatch(expected);
    }
    const created = await post({ ...base, name: `Valid ${Math.random()}` });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const patch = await checklistRoute.PATCH(json(`/api/checklists/${id}`, "PATCH", { timeZone: "Asia/Tokio" }), ctx({ id }));
    expect(patch.status).toBe(400);
    expect(await message(patch)).toMatch(/^timeZone: Unknown time zone "Asia\/Tokio"/);
    const empty = await checklistRoute.PATCH(json(`/api/checklists/${id}`, "PATCH", {}), ctx({ id }));
    expect(await message(empty)).toMatch(/nothing to change/);
    const missing = await checklistRoute.PATCH(json("/api/checklists/nope", "PATCH", { name: "x" }), ctx({ id: "nope" }));
    expect(missing.status).toBe(404);
  });

  it("validates items by field, and lists active users for the owner picker to analysts only", async () => {
    const analyst = await signIn("ANALYST");
    const { id, items } = await createChecklist({ name: `Items ${Math.random()}`, cadence: weekly(), timeZone: "UTC", items: [{ title: "A" }] }, { actor: analyst, ip: null });
    const add = await itemsRoute.POST(json(`/api/checklists/${id}/items`, "POST", { title: " ", source: "manual" }), ctx({ id }));
    expect(add.status).toBe(400);
    expect(await message(add)).toMatch(/^title: must not be empty/);
    const rename = await itemRoute.PATCH(json(`/api/checklists/items/${items[0]!.id}`, "PATCH", { source: "weather" }), ctx({ id: items[0]!.id }));
    expect(await message(rename)).toMatch(/^source: must be one of/);
    const added = await itemsRoute.POST(json(`/api/checklists/${id}/items`, "POST", { title: "B", source: "patches" }), ctx({ id }));
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ title: "B", position: 1 });

    const disabled = await createTestUser({ disabled: true });
    const options = (await (await usersRoute.GET(new Request("http://localhost/api/users/options"), ctx({}))).json()) as { items: { id: string; email: string }[] };
    expect(options.items.some((u) => u.id === analyst.id)).toBe(true);
    expect(options.items.some((u) => u.id === disabled.id)).toBe(false);
    expect(Object.keys(options.items[0]!).sort()).toEqual(["email", "id", "name"]);
    const owner = await checklistRoute.PATCH(json(`/api/checklists/${id}`, "PATCH", { ownerId: disabled.id }), ctx({ id }));
    expect(await message(owner)).toMatch(/^ownerId: .*disabled/);
    await signIn("VIEWER");
    expect((await usersRoute.GET(new Request("http://localhost/api/users/options"), ctx({}))).status).toBe(403);
  });

  it("lets a viewer read but not change anything (403), and only an admin restore", async () => {
    const analyst = await user("ANALYST");
    const { id, items } = await createChecklist({ name: `Roles ${Math.random()}`, cadence: weekly(), timeZone: "UTC", items: [{ title: "A" }] }, { actor: analyst, ip: null });
    await signIn("VIEWER");
    expect((await checklistsRoute.GET(new Request("http://localhost/api/checklists"), ctx({}))).status).toBe(200);
    expect((await historyRoute.GET(new Request(`http://localhost/api/checklists/${id}/history`), ctx({ id }))).status).toBe(200);
    expect((await checklistsRoute.POST(json("/api/checklists", "POST", { name: "x", cadence: weekly(), timeZone: "UTC" }), ctx({}))).status).toBe(403);
    expect((await checklistRoute.PATCH(json(`/api/checklists/${id}`, "PATCH", { name: "y" }), ctx({ id }))).status).toBe(403);
    expect((await itemsRoute.POST(json(`/api/checklists/${id}/items`, "POST", { title: "z" }), ctx({ id }))).status).toBe(403);
    expect((await itemRoute.PATCH(json(`/api/checklists/items/${items[0]!.id}`, "PATCH", { title: "z" }), ctx({ id: items[0]!.id }))).status).toBe(403);

    await signIn("ANALYST");
    expect((await checklistRoute.PATCH(json(`/api/checklists/${id}`, "PATCH", { archived: true }), ctx({ id }))).status).toBe(200);
    const restore = await checklistRoute.PATCH(json(`/api/checklists/${id}`, "PATCH", { archived: false }), ctx({ id }));
    expect(restore.status).toBe(403);
    expect(await message(restore)).toMatch(/ADMIN/);
    const archived = await checklistsRoute.GET(new Request("http://localhost/api/checklists?archived=true"), ctx({}));
    expect(((await archived.json()) as { items: { id: string }[] }).items.map((c) => c.id)).toContain(id);
    await signIn("ADMIN");
    expect((await checklistRoute.PATCH(json(`/api/checklists/${id}`, "PATCH", { archived: false }), ctx({ id }))).status).toBe(200);
    expect((await listChecklists()).some((c) => c.id === id)).toBe(true);
  });
});

describe("editing checklists (PostgreSQL)", () => {
  it("audits every change with before and after, and reorders, renames and archives items", async () => {
    const analyst = await user();
    const owner = await user("VIEWER");
    const ip = "10.1.2.3";
    const { id, items } = await createChecklist({ name: `Audit ${Math.random()}`, cadence: weekly(5), timeZone: "Asia/Tokyo", ownerId: owner.id, items: [{ title: "A" }, { title: "B", source: "findings" }] }, { actor: analyst, ip });
    const [a, b] = items;
    const c = await addItem(id, { title: "C", source: "eol" }, { actor: analyst, ip });
    await updateChecklist(id, { name: "Renamed", itemOrder: [c.id, a!.id, b!.id], ownerId: null }, { actor: analyst, ip });
    await updateItem(a!.id, { title: "A renamed" }, { actor: analyst, ip });
    await updateItem(b!.id, { archived: true }, { actor: analyst, ip });
    await updateChecklist(id, { archived: true }, { actor: analyst, ip });

    const audit = await db.auditLog.findMany({ where: { targetId: { in: [id, a!.id, b!.id, c.id] } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((e) => e.action)).toEqual(["checklist.create", "checklist.item.create", "checklist.update", "checklist.item.update", "checklist.item.archive", "checklist.archive"]);
    expect(audit.every((e) => e.actorId === analyst.id && e.ip === ip)).toBe(true);
    expect(audit[2]).toMatchObject({ before: { name: expect.stringMatching(/^Audit/), ownerId: owner.id, itemOrder: [a!.id, b!.id, c.id] }, after: { name: "Renamed", ownerId: null, itemOrder: [c.id, a!.id, b!.id] } });
    expect(audit[3]).toMatchObject({ before: { title: "A" }, after: { title: "A renamed" } });

    const rows = await db.checklistItem.findMany({ where: { checklistId: id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.title, r.archivedAt !== null])).toEqual([["C", false], ["A renamed", false], ["B", true]]);
    // Archived: gone from the list, listed as archived, and closed for edits until an admin restores it.
    expect((await listChecklists()).some((x) => x.id === id)).toBe(false);
    expect((await listArchivedChecklists()).find((x) => x.id === id)).toMatchObject({ name: "Renamed", itemCount: 2 });
    await expect(addItem(id, { title: "D" }, { actor: analyst, ip })).rejects.toMatchObject({ status: 409 });
    await expect(completeItem(c.id, { periodKey: (await getChecklistHistory(id)).periods[0]!.key, result: "OK" }, analyst, null)).rejects.toMatchObject({ status: 409 });
    const badOrder = await updateChecklist(id, { archived: false, itemOrder: [a!.id] }, { actor: await user("ADMIN"), ip }).catch((e: unknown) => e);
    expect((badOrder as AppError).message).toMatch(/^itemOrder:/);
  });
});

describe("history", () => {
  it("shows every period across a month end and a DST change, newest first, with completions and missed items", async () => {
    const analyst = await user();
    // Sunday checks in New York, created Wednesday 25 February 2026; clocks go forward on Sunday 8 March.
    const { id, items } = await createChecklist(
      { name: `History ${Math.random()}`, cadence: weekly(7), timeZone: "America/New_York", items: [{ title: "A" }, { title: "B" }] },
      { actor: analyst, ip: null, now: new Date("2026-02-25T15:00:00Z") },
    );
    const [a, b] = items;
    await completeItem(a!.id, { periodKey: "2026-W10", result: "OK" }, analyst, null, new Date("2026-03-05T12:00:00Z"));
    await completeItem(b!.id, { periodKey: "2026-W11", result: "ISSUE", note: "late" }, analyst, null, new Date("2026-03-17T12:00:00Z"));

    const history = await getChecklistHistory(id, { now: new Date("2026-03-18T12:00:00Z") });
    const rows = history.periods.map((p) => [p.key, p.due, p.closed, p.entries.map((e) => `${e.title}:${e.state}`).join(" ")]);
    expect(rows).toEqual([
      ["2026-W12", "2026-03-23T03:59:59.999Z", false, "A:open B:open"],
      ["2026-W11", "2026-03-16T03:59:59.999Z", true, "A:missed B:done"],
      ["2026-W10", "2026-03-09T03:59:59.999Z", true, "A:done B:missed"], // 23:59:59.999 EDT
      ["2026-W09", "2026-03-02T04:59:59.999Z", true, "A:missed B:missed"], // 23:59:59.999 EST, across the month end
    ]);
    expect(history.periods[1]!.entries[1]!.completion).toMatchObject({ by: analyst.email, result: "ISSUE", note: "late" });
    expect(history.periods[3]).toMatchObject({ start: "2026-02-23T05:00:00.000Z", missed: 2, done: 0 });
    expect(history).toMatchObject({ page: 1, totalPages: 1, totalPeriods: 4, truncated: false });

    // Archiving an item and then the checklist keeps everything recorded; the item leaves later periods only.
    await updateItem(b!.id, { archived: true }, { actor: analyst, ip: null, now: new Date("2026-03-18T12:00:00Z") });
    await updateChecklist(id, { archived: true }, { actor: analyst, ip: null, now: new Date("2026-03-26T12:00:00Z") });
    const later = await getChecklistHistory(id, { now: new Date("2026-05-01T00:00:00Z") });
    expect(later.checklist.archivedAt).toBe("2026-03-26T12:00:00.000Z");
    expect(later.periods.map((p) => [p.key, p.entries.map((e) => `${e.title}:${e.state}`).join(" ")])).toEqual([
      ["2026-W13", "A:open"],
      ["2026-W12", "A:missed B:missed"],
      ["2026-W11", "A:missed B:done"],
      ["2026-W10", "A:done B:missed"],
      ["2026-W09", "A:missed B:missed"],
    ]);
  });

  it("keeps the periods and completions of the old cadence when the cadence changes", async () => {
    const analyst = await user();
    const { id, items } = await createChecklist(
      { name: `Cadence change ${Math.random()}`, cadence: weekly(1), timeZone: "UTC", items: [{ title: "A" }] },
      { actor: analyst, ip: null, now: new Date("2026-10-14T00:00:00Z") },
    );
    const item = items[0]!;
    await completeItem(item.id, { periodKey: "2026-W43", result: "OK" }, analyst, null, new Date("2026-10-19T08:00:00Z"));
    const change = await updateChecklist(id, { cadence: { kind: "monthly", day: 15 } }, { actor: analyst, ip: null, now: new Date("2026-11-04T00:00:00Z") });
    expect(change.scheduleChanged).toBe(true);
    // After the change, the weekly period that ended before it is not owed any more.
    const view = (await listChecklists(new Date("2026-11-05T00:00:00Z"))).find((c) => c.id === id)!;
    expect(view.items[0]).toMatchObject({ state: "upcoming", period: { key: "2026-11" } });

    const history = await getChecklistHistory(id, { now: new Date("2026-11-20T00:00:00Z") });
    expect(history.periods.map((p) => [p.key, p.schedule.cadence.kind, p.entries.map((e) => e.state).join(" ")])).toEqual([
      ["2026-12", "monthly", "open"],
      ["2026-11", "monthly", "missed"],
      // W46 (due Monday 9 November) was still running at the change and had nothing recorded: dropped.
      ["2026-W45", "weekly", "missed"],
      ["2026-W44", "weekly", "missed"],
      ["2026-W43", "weekly", "done"],
    ]);
    expect(await db.checklistCompletion.count({ where: { itemId: item.id } })).toBe(1);
    const audit = await db.auditLog.findFirst({ where: { targetId: id, action: "checklist.update" } });
    expect(audit).toMatchObject({ before: { schedule: { cadence: { kind: "weekly" } } }, after: { schedule: { cadence: { kind: "monthly", day: 15 } } } });
  });

  it("pages through long histories, newest first", async () => {
    const analyst = await user();
    const { id } = await createChecklist({ name: `Long ${Math.random()}`, cadence: weekly(3), timeZone: "UTC", items: [{ title: "A" }] }, { actor: analyst, ip: null, now: new Date("2026-01-01T00:00:00Z") });
    const now = new Date("2026-11-25T12:00:00Z");
    const first = await getChecklistHistory(id, { now });
    // Wednesdays 7 January (W02, the first due after the creation) to 25 November (W48).
    expect(first).toMatchObject({ totalPeriods: 47, totalPages: 5 });
    expect(first.periods.map((p) => p.key).slice(0, 2)).toEqual(["2026-W48", "2026-W47"]);
    const last = await getChecklistHistory(id, { now, page: 5 });
    expect(last.periods.map((p) => p.key)).toEqual(["2026-W08", "2026-W07", "2026-W06", "2026-W05", "2026-W04", "2026-W03", "2026-W02"]);
    await signIn("VIEWER");
    expect((await historyRoute.GET(new Request(`http://localhost/api/checklists/${id}/history?page=0`), ctx({ id }))).status).toBe(400);
  });
});
