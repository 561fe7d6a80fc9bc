import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionState } from "@/server/auth/session";
import { useOwnDatabase } from "@/server/testing/own-database";
import { AGE_BUCKETS, ageHref, closedHref, mttrHref, openedHref, slaBreachesHref } from "@/components/overview/overview-links";

// The findings list's closed filter (closedFrom / closedTo) against the overview's daily summary: for every week of the
// chart, the list filtered to the findings closed that week shows exactly the summary's "closed" figure, overall and
// per severity (the MTTR's count). Findings and history written by hand on known days, real PostgreSQL.
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));

type Mods = {
  db: typeof import("@/server/db").db;
  snap: typeof import("@/server/overview/snapshot-findings-summary");
  overview: typeof import("@/server/overview/get-overview");
  filters: typeof import("./filters");
  list: typeof import("./list-findings");
  route: typeof import("@/app/api/findings/route");
  createTestUser: typeof import("@/prisma/factories/user").createTestUser;
};
let m: Mods;
let userId = "";

const NOW = new Date("2026-11-20T12:00:00Z");
const ACCOUNTS = ["111111111111", "222222222222"];
const DAY = 86_400_000;
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"] as const;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => day(Date.parse(`${d}T00:00:00Z`) + n * DAY);

beforeAll(async () => {
  await useOwnDatabase(`${process.env.TEST_DB_NAME ?? "kanshi_test"}_closed`);
  m = {
    db: (await import("@/server/db")).db,
    snap: await import("@/server/overview/snapshot-findings-summary"),
    overview: await import("@/server/overview/get-overview"),
    filters: await import("./filters"),
    list: await import("./list-findings"),
    route: await import("@/app/api/findings/route"),
    createTestUser: (await import("@/prisma/factories/user")).createTestUser,
  };
  userId = (await m.createTestUser({ role: "VIEWER" })).id;
  await m.db.awsAccount.createMany({ data: ACCOUNTS.map((id) => ({ id, name: `acc-${id.slice(0, 3)}` })) });
  await seed();
  await m.snap.backfillFindingsSummary({ days: 100, now: NOW });
  await m.snap.snapshotFindingsSummary({ now: NOW });
});

afterAll(async () => {
  await m?.db.$disconnect();
  await (await import("@/server/db-pool")).closeBulkPool();
});

type THist = [atMs: number, changes: Record<string, { from: string; to: string }>];
let seq = 0;
async function finding(o: {
  severity: (typeof SEVERITIES)[number]; first: number | null; created?: number; updated?: number;
  workflow?: "NEW" | "NOTIFIED" | "RESOLVED" | "SUPPRESSED"; record?: "ACTIVE" | "ARCHIVED"; history?: THist[]; due?: number;
}) {
  seq++;
  const created = o.created ?? o.first ?? NOW.getTime() - 50 * DAY;
  const row = await m.db.finding.create({ data: {
    source: "SECURITY_HUB", externalId: `arn:closed/${seq}`, awsAccountId: ACCOUNTS[seq % 2]!, region: "us-east-1", title: `closed ${seq}`,
    severity: o.severity, workflowStatus: o.workflow ?? "NEW", recordState: o.record ?? "ACTIVE",
    firstObservedAt: o.first === null ? null : new Date(o.first), awsCreatedAt: new Date(created), awsUpdatedAt: new Date(o.updated ?? created), dueAt: o.due ? new Date(o.due) : null, raw: {},
  } });
  for (const [at, changes] of o.history ?? []) await m.db.findingHistory.create({ data: { findingId: row.id, at: new Date(at), origin: "user", changes } });
}

const RESOLVE = { workflowStatus: { from: "NEW", to: "RESOLVED" } };
const REOPEN = { workflowStatus: { from: "RESOLVED", to: "NEW" } };
const SUPPRESS = { workflowStatus: { from: "NEW", to: "SUPPRESSED" } };
const ARCHIVE = { recordState: { from: "ACTIVE", to: "ARCHIVED" } };

/** A deterministic spread over ~10 weeks, with the edge cases of the summary's definition. */
async function seed() {
  const t0 = NOW.getTime();
  for (let i = 0; i < 60; i++) {
    const severity = SEVERITIES[i % SEVERITIES.length]!;
    const first = t0 - (70 - i) * DAY + (i % 7) * 3_600_000;
    const close = first + ((i * 5) % 13) * DAY + 7 * 3_600_000;
    if (close > t0) continue;
    switch (i % 6) {
      case 0: await finding({ severity, first, workflow: "RESOLVED", history: [[close, RESOLVE]] }); break;
      case 1: await finding({ severity, first, workflow: "SUPPRESSED", history: [[close, SUPPRESS]] }); break;
      case 2: await finding({ severity, first, record: "ARCHIVED", history: [[close, ARCHIVE]] }); break;
      // resolved, reopened, resolved again: closed at the last resolution
      case 3: await finding({ severity, first, workflow: "RESOLVED", history: [[first + DAY, RESOLVE], [first + 2 * DAY, REOPEN], [Math.min(close + 3 * DAY, t0 - 1), RESOLVE]] }); break;
      // resolved once, open again now: not closed in any week
      case 4: await finding({ severity, first, history: [[close, RESOLVE], [close + 1000, REOPEN]] }); break;
      // arrived closed: no history, closed at awsUpdatedAt
      case 5: await finding({ severity, first, updated: close, workflow: "RESOLVED" }); break;
    }
  }
  // no first-seen time: opened at awsCreatedAt
  await finding({ severity: "HIGH", first: null, created: t0 - 20 * DAY, workflow: "RESOLVED", history: [[t0 - 16 * DAY, RESOLVE]] });
  // a close event before it was first seen: closed when first seen
  await finding({ severity: "CRITICAL", first: t0 - 9 * DAY - 3_600_000, created: t0 - 30 * DAY, workflow: "RESOLVED", history: [[t0 - 25 * DAY, RESOLVE]] });
  // closed by sync and suppressed later: the last close counts
  await finding({ severity: "MEDIUM", first: t0 - 40 * DAY, workflow: "SUPPRESSED", record: "ARCHIVED", history: [[t0 - 30 * DAY, ARCHIVE], [t0 - 3 * DAY, SUPPRESS]] });
  // closed exactly at a week's boundary (Monday 00:00 UTC)
  await finding({ severity: "LOW", first: t0 - 30 * DAY, workflow: "RESOLVED", history: [[Date.parse("2026-11-09T00:00:00Z"), RESOLVE]] });
  // still open, never closed
  await finding({ severity: "CRITICAL", first: t0 - 5 * DAY });
  // open ones for the age buckets and the SLA: spread over 120 days, some exactly on a bucket's edge, some overdue
  for (let i = 0; i < 40; i++) {
    const severity = SEVERITIES[i % 4]!;
    const first = t0 - i * 3 * DAY - (i % 5) * 3_600_000;
    await finding({ severity, first, due: i % 3 === 0 ? first + 20 * DAY : undefined });
  }
  for (const days of [8, 31, 91]) {
    await finding({ severity: "HIGH", first: t0 - days * DAY });
    await finding({ severity: "HIGH", first: t0 - days * DAY + 1 });
  }
}

const params = (query: string) => new URLSearchParams(query);
const count = async (query: string) => (await m.list.countFindings(m.filters.parseFindingFilter(params(query)), { userId, now: NOW })).total;
async function listAll(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const p = params(`${query}&limit=9${cursor ? `&cursor=${cursor}` : ""}`);
    const page = await m.list.listFindings(m.filters.parseFindingFilter(p), m.filters.parsePaging(p), { userId, now: NOW });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}
const weekQuery = (week: string, severity = "all") => closedHref(week, severity).split("?")[1]!;
const query = (href: string) => href.split("?")[1] ?? "";

describe("closed filter = the overview's closed figure (PostgreSQL)", () => {
  it("for every week, overall and per severity", async () => {
    const o = await m.overview.getOverview({ now: NOW, checklists: false });
    expect(o.weekly).toHaveLength(12);
    const total = o.weekly.reduce((n, w) => n + w.closed, 0);
    expect(total).toBeGreaterThan(30);
    for (const w of o.weekly) {
      expect(await count(weekQuery(w.week)), `week ${w.week}`).toBe(w.closed);
      if (w.closed > 0) expect(new Set(await listAll(weekQuery(w.week))).size, `list of week ${w.week}`).toBe(w.closed);
    }
    // per severity: the MTTR's count of the week
    const { rows } = await (await import("@/server/db-pool")).readPool().query<{ week: string; sev: string; n: number }>(
      `SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week, severity::text AS sev, sum("ttrCount")::int AS n FROM findings_daily_summary GROUP BY 1, 2`);
    let checked = 0;
    for (const w of o.weekly) {
      for (const sev of SEVERITIES) {
        const n = rows.find((r) => r.week === w.week && r.sev === sev)?.n ?? 0;
        expect(await count(weekQuery(w.week, sev)), `${sev} in week ${w.week}`).toBe(n);
        checked += n;
      }
    }
    expect(checked).toBe(total);
    // the week of the Monday-midnight close holds it, the week before does not
    expect(await count(`severity=LOW&status=all&record=all&closedFrom=2026-11-09&closedTo=2026-11-09`)).toBeGreaterThanOrEqual(1);
  });

  it("every other finding figure of the overview equals the count of the list it links to", async () => {
    const o = await m.overview.getOverview({ now: NOW, checklists: false });
    expect(o.refAt).toBe(NOW.toISOString());
    // opened: the list filters on firstObservedAt, the summary falls back to awsCreatedAt when it is missing (never the
    // case for synced findings: normalization fills it from CreatedAt)
    for (const w of o.weekly) {
      const missing = await m.db.finding.count({ where: { firstObservedAt: null, awsCreatedAt: { gte: new Date(`${w.week}T00:00:00Z`), lt: new Date(`${addDays(w.week, 7)}T00:00:00Z`) } } });
      expect(await count(query(openedHref(w.week))), `opened in week ${w.week}`).toBe(w.opened - missing);
    }
    let buckets = 0;
    for (const row of o.ageBuckets) {
      for (const bucket of AGE_BUCKETS) {
        expect(await count(query(ageHref(row.severity, bucket, o.refAt!))), `${row.severity} ${bucket}`).toBe(row[bucket]);
        buckets += row[bucket];
      }
    }
    expect(buckets).toBeGreaterThan(40);
    expect(o.kpis.slaBreaches).toBeGreaterThan(0);
    expect(await count(query(slaBreachesHref()))).toBe(o.kpis.slaBreaches);
    expect(await count("severity=CRITICAL")).toBe(o.kpis.openCritical);
    expect(await count("severity=HIGH")).toBe(o.kpis.openHigh);
    const { rows } = await (await import("@/server/db-pool")).readPool().query<{ sev: string; n: number }>(
      `SELECT severity::text AS sev, sum("ttrCount")::int AS n FROM findings_daily_summary WHERE day > $1::date - 30 AND day <= $1::date GROUP BY 1`, [o.asOf]);
    for (const sev of ["CRITICAL", "HIGH"]) {
      const n = rows.find((r) => r.sev === sev)?.n ?? 0;
      expect(n, sev).toBeGreaterThan(0);
      expect(await count(query(mttrHref(o.asOf!, sev))), `MTTR ${sev}`).toBe(n);
    }
  });

  it("shows no open finding, and nothing under the default status filter", async () => {
    const all = await listAll(`severity=all&status=all&record=all&closedFrom=2026-01-01`);
    const open = await m.db.finding.count({ where: { id: { in: all }, recordState: "ACTIVE", workflowStatus: { in: ["NEW", "NOTIFIED"] } } });
    expect(all.length).toBeGreaterThan(30);
    expect(open).toBe(0);
    expect(await count(`severity=all&closedFrom=2026-01-01`)).toBe(0);
  });

  it("rejects a bad date or an inverted range with a 400 naming the parameter", async () => {
    const u = await m.createTestUser({ role: "VIEWER" });
    session.state = { status: "active", user: { id: u.id, email: u.email, name: null, role: "VIEWER", locale: null } };
    const call = (query: string) => m.route.GET(new Request(`http://localhost/api/findings?${query}`), { params: Promise.resolve({}) });
    for (const [query, name] of [["closedFrom=yesterday", "closedFrom"], ["closedTo=2026-02-30", "closedTo"], ["closedFrom=2026-11-09&closedTo=2026-11-02", "closedFrom"]] as const) {
      const res = await call(query);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await res.json()), query).toContain(name);
    }
    expect((await call(weekQuery("2026-11-09"))).status).toBe(200);
  });
});
