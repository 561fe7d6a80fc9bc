import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionState } from "@/server/auth/session";
import type { TSimulator } from "@/server/simulator";
import { useOwnDatabase } from "@/server/testing/own-database";
import type { TAgendaSection, TReviewView } from "@/server/review/review.types";

// Every count of the weekly review's finding sections and of the compliance drill-down's failing controls links to a
// findings list that shows exactly the findings it counts. A week of simulated change (sync, review, clock + 7 days,
// sync) plus hand-made triage in the second review's window so that every section has members, real PostgreSQL and
// the real simulator; the lists are read through the same functions (and route) the findings page uses.
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));

type Mods = {
  db: typeof import("@/server/db").db;
  runSync: typeof import("@/server/sync/run-sync").runSync;
  SIMULATOR_CREDENTIALS: typeof import("@/server/sync/sync-config").SIMULATOR_CREDENTIALS;
  reviews: typeof import("@/server/review/reviews");
  filters: typeof import("./filters");
  list: typeof import("./list-findings");
  controls: typeof import("@/server/compliance/list-failing-controls");
  route: typeof import("@/app/api/findings/route");
  countsRoute: typeof import("@/app/api/findings/counts/route");
  exportRoute: typeof import("@/app/api/findings/export/route");
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;
let sim: TSimulator;
let userId = "";
let second: TReviewView;
const DAY = 86_400_000;
const REGIONS = ["us-east-1", "ap-northeast-1"];
const FINDING_SECTIONS = ["newCriticalHigh", "reopened", "resolved", "newlyOverdue", "suppressionsExpiring"] as const;

const sync = () => m.runSync({ connection: { endpoint: sim.url, credentials: m.SIMULATOR_CREDENTIALS, roleName: "KanshiReadRole", externalId: "kanshi-test" }, regions: REGIONS, topology: "delegated-admin", rateLimits: false }, { trigger: "cli" });

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_review_filter`);
  const { startSimulator } = await import("@/server/simulator");
  sim = await startSimulator({ seed: 23, scale: 2000 });
  process.env.KANSHI_SIM_URL = sim.url;
  m = {
    db: (await import("@/server/db")).db,
    runSync: (await import("@/server/sync/run-sync")).runSync,
    SIMULATOR_CREDENTIALS: (await import("@/server/sync/sync-config")).SIMULATOR_CREDENTIALS,
    reviews: await import("@/server/review/reviews"),
    filters: await import("./filters"),
    list: await import("./list-findings"),
    controls: await import("@/server/compliance/list-failing-controls"),
    route: await import("@/app/api/findings/route"),
    countsRoute: await import("@/app/api/findings/counts/route"),
    exportRoute: await import("@/app/api/findings/export/route"),
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
  const u = await m.createTestUser({ role: "ANALYST" });
  userId = u.id;
  session.state = { status: "active", user: { id: u.id, email: u.email, name: null, role: "ANALYST", locale: null } };
  const actor = { user: { id: u.id, email: u.email, name: null, role: "ANALYST" as const, locale: null }, ip: null };

  expect((await sync()).results.filter((r) => !r.ok)).toEqual([]);
  await m.reviews.startReview(actor);
  sim.advance(7 * DAY);
  expect((await sync()).results.filter((r) => !r.ok)).toEqual([]);
  await triageInWindow();
  // The window ends a minute from now, so the hand-made changes below are inside it.
  second = await m.reviews.startReview(actor, { wallNow: new Date(Date.now() + 60_000) });
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

/** Members for every section, with near misses that must not count: reopens, a double resolve, due dates, suppressions. */
async function triageInWindow() {
  const now = new Date();
  const open = (await m.db.finding.findMany({
    where: { recordState: "ACTIVE", workflowStatus: "NEW", severity: { in: ["MEDIUM", "LOW"] } }, orderBy: { id: "asc" }, take: 12, select: { id: true },
  })).map((f) => f.id);
  expect(open.length).toBe(12);
  const history = (findingId: string, from: string, to: string) =>
    m.db.findingHistory.create({ data: { findingId, at: now, origin: "user", actorId: userId, changes: { workflowStatus: { from, to } } } });
  // reopened: RESOLVED → NEW and SUPPRESSED → NOTIFIED; NEW → NOTIFIED is no reopen
  await history(open[0]!, "RESOLVED", "NEW");
  await history(open[1]!, "SUPPRESSED", "NOTIFIED");
  await history(open[2]!, "NEW", "NOTIFIED");
  // resolved: twice for one finding (counted once), whatever it is now
  await history(open[3]!, "NEW", "RESOLVED");
  await history(open[3]!, "NOTIFIED", "RESOLVED");
  await m.db.finding.update({ where: { id: open[3]! }, data: { workflowStatus: "RESOLVED" } });
  // newly overdue: due now (inside the window, which began when the first review was taken) while open; not when archived
  await m.db.finding.updateMany({ where: { id: { in: open.slice(4, 7) } }, data: { dueAt: now } });
  await m.db.finding.update({ where: { id: open[7]! }, data: { dueAt: now, recordState: "ARCHIVED" } });
  // suppressions expiring within 14 days after the window; one in 20 days does not count
  await m.db.finding.updateMany({ where: { id: { in: open.slice(8, 11) } }, data: { workflowStatus: "SUPPRESSED", suppressedUntil: new Date(now.getTime() + 3 * DAY), suppressionReason: "accepted" } });
  await m.db.finding.update({ where: { id: open[11]! }, data: { workflowStatus: "SUPPRESSED", suppressedUntil: new Date(now.getTime() + 20 * DAY), suppressionReason: "accepted" } });
}

const paramsOf = (href: string) => new URLSearchParams(href.split("?")[1] ?? "");
const count = async (query: string) => (await m.list.countFindings(m.filters.parseFindingFilter(paramsOf(`?${query}`)), { userId })).total;

/** Every id of the list, page by page as the page reads it. */
async function listAll(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const p = paramsOf(`?${query}&limit=40${cursor ? `&cursor=${cursor}` : ""}`);
    const page = await m.list.listFindings(m.filters.parseFindingFilter(p), m.filters.parsePaging(p), { userId });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

const call = (route: { GET: (r: Request, c: { params: Promise<Record<string, never>> }) => Promise<Response> }, query: string) =>
  route.GET(new Request(`http://localhost/api/findings?${query}`), { params: Promise.resolve({}) });
const section = (review: TReviewView, key: TAgendaSection["key"]) => review.agenda.sections.find((s) => s.key === key)!;

describe("review filter: an agenda count opens exactly the findings it counts", () => {
  it("for every finding section: same count, same findings as the section's items", async () => {
    for (const key of FINDING_SECTIONS) {
      const s = section(second, key);
      expect(s.href, key).toBe(`/findings?review=${second.id}&reviewSection=${key}&severity=all&status=all&record=all`);
      expect(s.count, `${key} has members`).toBeGreaterThan(0);
      const query = s.href!.split("?")[1]!;
      expect(await count(query), key).toBe(s.count);
      const ids = await listAll(query);
      expect(new Set(ids).size, key).toBe(ids.length);
      expect(ids.length, key).toBe(s.count);
      if (s.count <= 50) expect([...ids].sort(), key).toEqual(s.items.map((i) => i.id).sort());
      else expect(s.items.every((i) => ids.includes(i.id)), key).toBe(true);
      // through the API the page calls
      const res = await call(m.countsRoute, query);
      expect(res.status, key).toBe(200);
      expect(((await res.json()) as { total: number }).total, key).toBe(s.count);
    }
    // the near misses stay out; the list's defaults would have hidden members (resolved ones, MEDIUM / LOW)
    expect(section(second, "resolved").count).toBeGreaterThan(await count(`review=${second.id}&reviewSection=resolved`));
  });

  it("re-evaluates the section live over the review's stored period; other filters narrow it", async () => {
    const expiring = section(second, "suppressionsExpiring");
    const query = `review=${second.id}&reviewSection=suppressionsExpiring&severity=all&status=all&record=all`;
    const [first] = await listAll(query);
    await m.db.finding.update({ where: { id: first! }, data: { workflowStatus: "NEW", suppressedUntil: null } });
    expect(await count(query)).toBe(expiring.count - 1);
    expect(section(await m.reviews.getReview(second.id), "suppressionsExpiring").count).toBe(expiring.count);
    const medium = await m.db.finding.count({ where: { id: { in: await listAll(query) } , severity: "MEDIUM" } });
    expect(await count(`${query.replace("severity=all", "severity=MEDIUM")}`)).toBe(medium);
  });

  it("links a stored agenda's sections at view time and leaves a final review's record as it was", async () => {
    const old = {
      ...second.agenda,
      sections: second.agenda.sections.map((s) => (s.key === "resolved" ? { ...s, href: "/findings?severity=all&status=RESOLVED&record=all" } : s)),
    };
    const row = await m.db.review.create({
      data: {
        periodStart: new Date("2020-01-01T00:00:00Z"), periodEnd: new Date("2020-01-08T00:00:00Z"),
        recordedFrom: new Date("2020-01-01T00:00:00Z"), recordedTo: new Date("2020-01-08T00:00:00Z"),
        status: "FINAL", agenda: JSON.parse(JSON.stringify(old)), agendaAt: new Date("2020-01-08T00:00:00Z"), finalizedAt: new Date("2020-01-08T00:00:00Z"),
      },
    });
    const view = await m.reviews.getReview(row.id);
    expect(section(view, "resolved").href).toBe(`/findings?review=${row.id}&reviewSection=resolved&severity=all&status=all&record=all`);
    expect(section(view, "eol").href).toBe(section(second, "eol").href);
    const stored = (await m.db.review.findUniqueOrThrow({ where: { id: row.id } })).agenda as { sections: TAgendaSection[] };
    expect(stored.sections.find((s) => s.key === "resolved")!.href).toBe("/findings?severity=all&status=RESOLVED&record=all");
    // nothing happened in 2020: the list is empty, not an error
    expect(await count(`review=${row.id}&reviewSection=resolved&severity=all&status=all&record=all`)).toBe(0);
    // the new review's stored agenda already holds its links
    const fresh = (await m.db.review.findUniqueOrThrow({ where: { id: second.id } })).agenda as { sections: TAgendaSection[] };
    expect(fresh.sections.find((s) => s.key === "reopened")!.href).toBe(section(second, "reopened").href);
  });

  it("answers bad review parameters with 400s that name them and an unknown review with 404 (list, counts and export)", async () => {
    const cases: [string, number, RegExp][] = [
      [`review=${second.id}`, 400, /reviewSection.*newCriticalHigh, reopened, resolved, newlyOverdue, suppressionsExpiring/],
      [`review=${second.id}&reviewSection=eol`, 400, /Unknown reviewSection "eol".*newCriticalHigh, reopened, resolved, newlyOverdue, suppressionsExpiring/],
      [`reviewSection=resolved`, 400, /"reviewSection" needs "review"/],
      [`review=not%20an%20id&reviewSection=resolved`, 400, /"review" must be a review id/],
      [`review=cnosuchreview000000000000&reviewSection=resolved`, 404, /Review cnosuchreview000000000000 does not exist/],
      [`compliance=BROKEN`, 400, /Unknown compliance "BROKEN": use FAILED, WARNING, NOT_AVAILABLE, PASSED or all/],
    ];
    for (const [query, status, message] of cases) {
      for (const route of [m.route, m.countsRoute, m.exportRoute]) {
        const res = await call(route, query);
        expect(res.status, query).toBe(status);
        expect(((await res.json()) as { error: { message: string } }).error.message, query).toMatch(message);
      }
    }
  });
});

describe("compliance filter: a failing control's count opens exactly its failed findings", () => {
  it("in the organization, an OU and an account, including FAILED findings resolved by hand", async () => {
    const failed = await m.db.finding.findMany({
      where: { complianceStatus: "FAILED", recordState: "ACTIVE", workflowStatus: { in: ["NEW", "NOTIFIED"] }, controlId: { not: null }, NOT: { standards: { isEmpty: true } } },
      orderBy: { id: "asc" }, take: 3, select: { id: true },
    });
    expect(failed).toHaveLength(3);
    // still failing the control: resolved by hand; not counted: suppressed or archived
    await m.db.finding.update({ where: { id: failed[0]!.id }, data: { workflowStatus: "RESOLVED" } });
    await m.db.finding.update({ where: { id: failed[1]!.id }, data: { workflowStatus: "SUPPRESSED", suppressedUntil: new Date(Date.now() + 30 * DAY), suppressionReason: "accepted" } });
    await m.db.finding.update({ where: { id: failed[2]!.id }, data: { recordState: "ARCHIVED" } });

    const account = (await m.db.finding.findUniqueOrThrow({ where: { id: failed[0]!.id }, select: { awsAccountId: true } })).awsAccountId;
    const ou = (await m.db.awsAccount.findUniqueOrThrow({ where: { id: account }, select: { ouId: true } })).ouId;
    const scopes = [{}, { account }, ...(ou ? [{ ou }] : [])];
    let checked = 0;
    let resolvedSeen = false;
    for (const standard of ["fsbp", "cis"] as const) {
      for (const scope of scopes) {
        const drill = await m.controls.listFailingControls({ standard, ...scope });
        for (const c of drill.controls) {
          const query = c.findingsHref.split("?")[1]!;
          expect(Object.fromEntries(paramsOf(`?${query}`))).toMatchObject({ control: c.controlId, standard, compliance: "FAILED", record: "active", status: "NEW,NOTIFIED,RESOLVED", severity: "all", ...scope });
          expect(await count(query), `${standard} ${JSON.stringify(scope)} ${c.controlId}`).toBe(c.failedFindings);
          if ((await listAll(query)).includes(failed[0]!.id)) resolvedSeen = true;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(resolvedSeen).toBe(true);
  });
});
