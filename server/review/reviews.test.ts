import { PDFParse } from "pdf-parse";
import { describe, expect, it, vi } from "vitest";
import { createTestUser } from "@/prisma/factories/user";
import type { TSessionState } from "@/server/auth/session";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import type { TActionItemView, TReviewList, TReviewView } from "./review.types";

// The review API as the console calls it: start, edit, action items, finalize (then 409), roles, audit, exports.
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));
const reviewsRoute = await import("@/app/api/reviews/route");
const reviewRoute = await import("@/app/api/reviews/[id]/route");
const finalizeRoute = await import("@/app/api/reviews/[id]/finalize/route");
const refreshRoute = await import("@/app/api/reviews/[id]/refresh/route");
const itemsRoute = await import("@/app/api/reviews/[id]/action-items/route");
const itemRoute = await import("@/app/api/reviews/action-items/[itemId]/route");
const mineRoute = await import("@/app/api/reviews/action-items/mine/route");
const exportRoute = await import("@/app/api/reviews/[id]/export/route");

async function signIn(role: "ADMIN" | "ANALYST" | "VIEWER"): Promise<TSessionUser> {
  const u = await createTestUser({ role });
  const user: TSessionUser = { id: u.id, email: u.email, name: null, role, locale: null };
  session.state = { status: "active", user };
  return user;
}
const as = (user: TSessionUser) => { session.state = { status: "active", user }; };
const req = (url: string, method = "GET", body?: unknown) =>
  new Request(`http://localhost${url}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": "application/json" } });
const ctx = <P,>(params: P) => ({ params: Promise.resolve(params) });

async function startDraft(): Promise<TReviewView> {
  const response = await reviewsRoute.POST(req("/api/reviews", "POST"), ctx({}));
  expect(response.status).toBe(201);
  return (await response.json()) as TReviewView;
}

describe("reviews API", () => {
  it("starts a review after the previous one, records the meeting, finalizes it and then refuses every change with 409", async () => {
    const analyst = await signIn("ANALYST");
    const review = await startDraft();
    expect(review.status).toBe("DRAFT");
    expect(review.agenda.sections).toHaveLength(9);
    const next = await startDraft();
    expect(next.periodStart).toBe(review.periodEnd);

    const patch = await reviewRoute.PATCH(req(`/api/reviews/${review.id}`, "PATCH", { attendees: [{ userId: analyst.id }, { name: "Guest Auditor" }], notes: "議事録: all good", decisions: ["Rotate keys"] }), ctx({ id: review.id }));
    expect(patch.status).toBe(200);
    const saved = (await patch.json()) as TReviewView;
    expect(saved.attendees.map((a) => a.label)).toEqual([analyst.email, "Guest Auditor"]);
    expect(saved).toMatchObject({ notes: "議事録: all good", decisions: ["Rotate keys"] });

    const bad = await reviewRoute.PATCH(req(`/api/reviews/${review.id}`, "PATCH", { decisions: [""] }), ctx({ id: review.id }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^decisions\.0: must not be empty/);
    const badItem = await itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "x", dueDate: "next week" }), ctx({ id: review.id }));
    expect(badItem.status).toBe(400);

    const created = await itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "Patch the bastion", ownerId: analyst.id, dueDate: "2026-12-04" }), ctx({ id: review.id }));
    expect(created.status).toBe(201);
    const item = (await created.json()) as TActionItemView;
    const mine = (await (await mineRoute.GET(req("/api/reviews/action-items/mine"), ctx({}))).json()) as { items: TActionItemView[] };
    expect(mine.items.map((i) => i.id)).toContain(item.id);

    expect((await refreshRoute.POST(req(`/api/reviews/${review.id}/refresh`, "POST"), ctx({ id: review.id }))).status).toBe(200);
    const final = await finalizeRoute.POST(req(`/api/reviews/${review.id}/finalize`, "POST"), ctx({ id: review.id }));
    expect(final.status).toBe(200);
    const frozen = (await final.json()) as TReviewView;
    expect(frozen.status).toBe("FINAL");

    const conflicts = await Promise.all([
      reviewRoute.PATCH(req(`/api/reviews/${review.id}`, "PATCH", { notes: "rewritten" }), ctx({ id: review.id })),
      refreshRoute.POST(req(`/api/reviews/${review.id}/refresh`, "POST"), ctx({ id: review.id })),
      finalizeRoute.POST(req(`/api/reviews/${review.id}/finalize`, "POST"), ctx({ id: review.id })),
      itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "late" }), ctx({ id: review.id })),
      itemRoute.PATCH(req(`/api/reviews/action-items/${item.id}`, "PATCH", { title: "renamed" }), ctx({ itemId: item.id })),
      itemRoute.DELETE(req(`/api/reviews/action-items/${item.id}`, "DELETE"), ctx({ itemId: item.id })),
    ]);
    expect(conflicts.map((r) => r.status)).toEqual([409, 409, 409, 409, 409, 409]);
    const after = (await (await reviewRoute.GET(req(`/api/reviews/${review.id}`), ctx({ id: review.id }))).json()) as TReviewView;
    expect({ ...after, actionItems: undefined }).toEqual({ ...frozen, actionItems: undefined });

    // The owner still completes their item on a final review; it leaves their queue.
    const done = await itemRoute.PATCH(req(`/api/reviews/action-items/${item.id}`, "PATCH", { status: "done" }), ctx({ itemId: item.id }));
    expect(done.status).toBe(200);
    expect(((await done.json()) as TActionItemView).status).toBe("done");
    const queue = (await (await mineRoute.GET(req("/api/reviews/action-items/mine"), ctx({}))).json()) as { items: TActionItemView[] };
    expect(queue.items.map((i) => i.id)).not.toContain(item.id);

    const audit = await db.auditLog.findMany({ where: { actorId: analyst.id }, orderBy: { id: "asc" }, select: { action: true, targetId: true } });
    expect(audit.map((a) => a.action)).toEqual(["review.start", "review.start", "review.update", "review.action.create", "review.refresh", "review.finalize", "review.action.update"]);

    const list = (await (await reviewsRoute.GET(req("/api/reviews?page=1"), ctx({}))).json()) as TReviewList;
    expect(list.items[0]!.periodEnd >= list.items[1]!.periodEnd).toBe(true);
    expect(list.items.find((r) => r.id === review.id)).toMatchObject({ status: "FINAL", actionItems: 1, openActionItems: 0 });
  });

  it("lets a viewer read and export but answers 403 to every change; an owner who is a viewer may complete only their own item", async () => {
    const analyst = await signIn("ANALYST");
    const review = await startDraft();
    const viewer = await signIn("VIEWER");
    as(analyst);
    const forViewer = (await (await itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "Read the runbook", ownerId: viewer.id }), ctx({ id: review.id }))).json()) as TActionItemView;
    const other = (await (await itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "Someone else's" }), ctx({ id: review.id }))).json()) as TActionItemView;

    as(viewer);
    expect((await reviewRoute.GET(req(`/api/reviews/${review.id}`), ctx({ id: review.id }))).status).toBe(200);
    expect((await reviewsRoute.GET(req("/api/reviews"), ctx({}))).status).toBe(200);
    const denied = await Promise.all([
      reviewsRoute.POST(req("/api/reviews", "POST"), ctx({})),
      reviewRoute.PATCH(req(`/api/reviews/${review.id}`, "PATCH", { notes: "x" }), ctx({ id: review.id })),
      finalizeRoute.POST(req(`/api/reviews/${review.id}/finalize`, "POST"), ctx({ id: review.id })),
      refreshRoute.POST(req(`/api/reviews/${review.id}/refresh`, "POST"), ctx({ id: review.id })),
      itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "x" }), ctx({ id: review.id })),
      itemRoute.DELETE(req(`/api/reviews/action-items/${forViewer.id}`, "DELETE"), ctx({ itemId: forViewer.id })),
      itemRoute.PATCH(req(`/api/reviews/action-items/${forViewer.id}`, "PATCH", { title: "mine now" }), ctx({ itemId: forViewer.id })),
      itemRoute.PATCH(req(`/api/reviews/action-items/${other.id}`, "PATCH", { status: "done" }), ctx({ itemId: other.id })),
    ]);
    expect(denied.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    const own = await itemRoute.PATCH(req(`/api/reviews/action-items/${forViewer.id}`, "PATCH", { status: "done" }), ctx({ itemId: forViewer.id }));
    expect(own.status).toBe(200);
    expect(await db.review.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({ notes: "", status: "DRAFT" });
  });

  it("exports CSV with the sections and action items (formulas neutralized) and a readable PDF", async () => {
    const analyst = await signIn("ANALYST");
    const review = await startDraft();
    await itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "=HYPERLINK(\"http://evil\")", ownerId: analyst.id }), ctx({ id: review.id }));
    await itemsRoute.POST(req(`/api/reviews/${review.id}/action-items`, "POST", { title: "Renew the WAF certificate", ownerId: analyst.id, dueDate: "2026-12-11" }), ctx({ id: review.id }));
    await reviewRoute.PATCH(req(`/api/reviews/${review.id}`, "PATCH", { attendees: [{ name: "Alice Example" }], decisions: ["Adopt CIS 1.4"] }), ctx({ id: review.id }));
    await signIn("VIEWER");

    const csv = await exportRoute.GET(req(`/api/reviews/${review.id}/export?format=csv`), ctx({ id: review.id }));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("kind,section,count,id,title,detail,owner,due,status,link");
    expect(lines.filter((l) => l.startsWith("section,"))).toHaveLength(9);
    expect(lines.find((l) => l.includes("HYPERLINK"))).toMatch(/^action,,,\w+,"'=HYPERLINK\(""http:\/\/evil""\)",,/);
    expect(lines.find((l) => l.includes("Renew the WAF"))).toMatch(new RegExp(`^action,,,\\w+,Renew the WAF certificate,,${analyst.email.replace(/[.+]/g, "\\$&")},2026-12-11,open,$`));
    expect(lines).toContain("decision,,,,Adopt CIS 1.4,,,,,");

    const pdf = await exportRoute.GET(req(`/api/reviews/${review.id}/export?format=pdf`), ctx({ id: review.id }));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const parsed = (await parser.getText()).text;
    await parser.destroy();
    expect(parsed).toContain("Kanshi weekly review");
    expect(parsed).toContain(`Period: ${review.periodStart.slice(0, 16).replace("T", " ")} UTC - ${review.periodEnd.slice(0, 16).replace("T", " ")} UTC`);
    expect(parsed).toContain("Renew the WAF certificate");
    expect(parsed).toContain("Alice Example");
    expect(parsed).toContain("New CRITICAL/HIGH findings");

    const unknown = await exportRoute.GET(req(`/api/reviews/${review.id}/export?format=docx`), ctx({ id: review.id }));
    expect(unknown.status).toBe(400);
  });
});
