import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/eol/ical/[token]/route";
import { db } from "@/server/db";
import { createIcalFeed, icalForToken, listIcalFeeds, revokeIcalFeed } from "./ical-feeds";
import { createInventoryItem } from "./inventory";
import { analystUser, datedCycle, daysBefore, testTag } from "./eol-test-helpers";

const fetchFeed = (token: string) => GET(new Request(`http://localhost/api/eol/ical/${token}`), { params: Promise.resolve({ token }) });

describe("EOL iCal feeds (PostgreSQL)", () => {
  it("serves one all-day event per cycle end date with stable UIDs, stores only the token's hash, and 404s once revoked", async () => {
    const user = await analystUser();
    const { slug, title, cycle, eol, eoas } = datedCycle(true);
    await createInventoryItem({ product: { kind: "catalog", slug }, version: cycle, systemName: testTag() }, { user, ip: null });
    await createInventoryItem({ product: { kind: "catalog", slug }, version: cycle, systemName: testTag() }, { user, ip: null });

    const feed = await createIcalFeed({ name: "Ops team calendar" }, { user, ip: null });
    expect(feed.path).toBe(`/api/eol/ical/${feed.token}`);
    const stored = await db.eolIcalFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(stored.tokenHash).not.toContain(feed.token);
    expect((await listIcalFeeds()).find((f) => f.id === feed.id)).toEqual({ id: feed.id, name: "Ops team calendar", createdAt: expect.any(String), createdByEmail: user.email, lastUsedAt: null });

    // A day before the end of support: both dates are in the feed's window.
    const text = await icalForToken(feed.token, new Date(`${daysBefore(eoas!, 1)}T12:00:00Z`));
    const calendar = new ICAL.Component(ICAL.parse(text!));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const mine = events.filter((e) => e.uid.startsWith(`eol-`) && e.uid.includes(`-${slug}-`));
    const eolEvent = mine.find((e) => e.uid === `eol-eol-${slug}-${cycle.replace(/[^A-Za-z0-9._-]/g, "_")}@kanshi`);
    expect(eolEvent?.summary).toBe(`${title} ${cycle}: end of life`);
    expect(eolEvent?.startDate.isDate).toBe(true);
    expect(eolEvent?.startDate.toString()).toBe(eol);
    expect(eolEvent?.description).toMatch(/[2-9]\d* inventory item\(s\)|\d{2,} inventory item\(s\)/);
    expect(mine.find((e) => e.uid.startsWith("eol-eoas-"))?.startDate.toString()).toBe(eoas);

    const ok = await fetchFeed(feed.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await ok.text()).toMatch(/^BEGIN:VCALENDAR/);

    await revokeIcalFeed(feed.id, { user, ip: "10.1.1.1" });
    expect(await icalForToken(feed.token)).toBeNull();
    expect((await fetchFeed(feed.token)).status).toBe(404);
    expect((await fetchFeed("not-a-real-token-not-a-real-token")).status).toBe(404);
    await expect(revokeIcalFeed(feed.id, { user, ip: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await db.auditLog.findMany({ where: { targetId: feed.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["eol.ical.create", "eol.ical.revoke"]);
  });
});
