import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionState } from "@/server/auth/session";
import { useOwnDatabase } from "@/server/testing/own-database";
import { AGE_BUCKETS, ageHref, closedHref, mttrHref, openedHref, slaBreachesHref } from "@/components/overview/overview-links";
import { asffFinding, guardDutyFinding } from "@/prisma/factories/finding";

// The findings list's closed filter (closedFrom / closedTo) against the overview's daily summary: for every week of the
// chart, the list filtered to the findings closed that week shows exactly the summary's "closed" figure, overall and
// per severity (the MTTR's count). Findings and history written by hand on known days (their close times derived by
// the finding_closed_at migration's backfill), real PostgreSQL. Then the stored close time on the real write paths:
// the sync's bulk upsert (a finding that arrives closed keeps its close day while Security Hub re-evaluates it) and
// triage (closedAt = the history row's time, reopen clears it, a new close sets a new one).
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
  normalize: typeof import("./normalize");
  upsert: typeof import("@/server/sync/upsert-findings");
  triage: typeof import("./triage");
  pool: typeof import("@/server/db-pool");
};
let m: Mods;
let userId = "";

const NOW = new Date("2026-11-20T12:00:00Z");
const ACCOUNTS = ["111111111111", "222222222222"];
const DAY = 86_400_000;
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"] as const;

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
    normalize: await import("./normalize"),
    upsert: await import("@/server/sync/upsert-findings"),
    triage: await import("./triage"),
    pool: await import("@/server/db-pool"),
  };
  userId = (await m.createTestUser({ role: "VIEWER" })).id;
  await m.db.awsAccount.createMany({ data: ACCOUNTS.map((id) => ({ id, name: `acc-${id.slice(0, 3)}` })) });
  await seed();
  expect((await (await import("./closed-at-migration.testing")).backfillClosedAt())[1], "findings without first seen").toBe(1);
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
    // opened: first seen is never null (normalization falls back to CreatedAt, the migration backfilled it), so the
    // list's firstObservedAt and the summary's first seen are the same time
    expect(await m.db.finding.count({ where: { firstObservedAt: null } })).toBe(0);
    let opened = 0;
    for (const w of o.weekly) {
      expect(await count(query(openedHref(w.week))), `opened in week ${w.week}`).toBe(w.opened);
      opened += w.opened;
    }
    expect(opened).toBeGreaterThan(30);
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

// The stored close time on the real write paths, in an account of its own (the figures above stay as they were).
const SYNCED = "333333333333";
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const stored = async (id: string) => m.db.finding.findUniqueOrThrow({ where: { externalId: id }, select: { id: true, workflowStatus: true, recordState: true, closedAt: true, awsUpdatedAt: true, firstObservedAt: true } });
/** One page of a Security Hub sync: the normalized finding through the bulk upsert (COPY + merge). */
async function syncAsff(over: Record<string, unknown>) {
  const r = m.normalize.normalizeAsff(asffFinding({ AwsAccountId: SYNCED, ...over }));
  if (!r.ok) throw new Error(r.error);
  return m.pool.withBulkTransaction((client) => m.upsert.upsertFindings(client, "securityhub", [r.row]));
}
/** The time of the finding's last history row that closed it. */
async function closeEventAt(findingId: string): Promise<string | null> {
  const { rows } = await m.pool.readPool().query<{ at: Date }>(
    `SELECT at FROM finding_history WHERE "findingId" = $1 AND (changes->'workflowStatus'->>'to' IN ('RESOLVED', 'SUPPRESSED') OR changes->'recordState'->>'to' = 'ARCHIVED')
     ORDER BY id DESC LIMIT 1`, [findingId]);
  return iso(rows[0]?.at);
}
const storedClosed = async (from: string, to: string) => (await m.pool.readPool().query<{ n: number }>(
  `SELECT COALESCE(sum("closedCount"), 0)::int AS n FROM findings_daily_summary WHERE "awsAccountId" = $1 AND day BETWEEN $2::date AND $3::date`, [SYNCED, from, to])).rows[0]!.n;

describe("findings.closedAt, kept by the trigger on every write path (PostgreSQL)", () => {
  it("a finding that arrives closed keeps its close day while Security Hub re-evaluates it", async () => {
    const Id = `arn:aws:securityhub:us-east-1:${SYNCED}:security-control/S3.1/finding/arrived-passed`;
    const passed = { Id, CreatedAt: "2026-11-10T08:00:00.000Z", FirstObservedAt: "2026-11-10T08:00:00.000Z", Compliance: { Status: "PASSED", SecurityControlId: "S3.1" } };
    expect(await syncAsff({ ...passed, UpdatedAt: "2026-11-17T08:00:00.000Z" })).toMatchObject({ inserted: 1 });
    expect(await stored(Id)).toMatchObject({ workflowStatus: "RESOLVED" });
    expect(iso((await stored(Id)).closedAt)).toBe("2026-11-17T08:00:00.000Z");
    await m.snap.snapshotFindingsSummary({ day: "2026-11-17", now: NOW });
    expect(await storedClosed("2026-11-17", "2026-11-17")).toBe(1);
    // Security Hub re-evaluates the control every day: UpdatedAt moves, the finding stays PASSED (no new close)
    for (const d of ["2026-11-18", "2026-11-19", "2026-11-20"]) {
      expect(await syncAsff({ ...passed, UpdatedAt: `${d}T08:00:00.000Z`, LastObservedAt: `${d}T08:00:00.000Z` }), d).toMatchObject({ updated: 1 });
      await m.snap.snapshotFindingsSummary({ day: d, now: NOW });
      expect(await storedClosed(d, d), `closed again on ${d}`).toBe(0);
    }
    const after = await stored(Id);
    expect(iso(after.awsUpdatedAt)).toBe("2026-11-20T08:00:00.000Z");
    expect(iso(after.closedAt)).toBe("2026-11-17T08:00:00.000Z");
    // the close day's figure is rebuilt the same, and the week's list link still shows exactly its stored figure
    await m.snap.snapshotFindingsSummary({ day: "2026-11-17", now: NOW });
    expect(await storedClosed("2026-11-17", "2026-11-17")).toBe(1);
    expect(await count(`account=${SYNCED}&${weekQuery("2026-11-16")}`)).toBe(await storedClosed("2026-11-16", "2026-11-22"));
    expect(await count(`account=${SYNCED}&${weekQuery("2026-11-16")}`)).toBe(1);
    expect(await count(`account=${SYNCED}&severity=all&status=all&record=all&closedFrom=2026-11-18`)).toBe(0);
  });

  it("the sync's bulk upsert closes at the time of its history row, and clears it when the finding comes back", async () => {
    const Id = `arn:aws:securityhub:us-east-1:${SYNCED}:security-control/S3.1/finding/flapping`;
    const failing = { Id, CreatedAt: "2026-11-12T00:00:00.000Z", FirstObservedAt: "2026-11-12T00:00:00.000Z", Compliance: { Status: "FAILED", SecurityControlId: "S3.1" } };
    await syncAsff({ ...failing, UpdatedAt: "2026-11-12T00:00:00.000Z" });
    const open = await stored(Id);
    expect(open).toMatchObject({ workflowStatus: "NEW", closedAt: null });
    await syncAsff({ ...failing, Compliance: { Status: "PASSED", SecurityControlId: "S3.1" }, UpdatedAt: "2026-11-13T00:00:00.000Z" });
    const closed = await stored(Id);
    expect(closed.workflowStatus).toBe("RESOLVED");
    expect(iso(closed.closedAt)).not.toBeNull();
    expect(iso(closed.closedAt)).toBe(await closeEventAt(open.id));
    // compliance back to FAILED: Security Hub returns it to NEW, it is open again
    await syncAsff({ ...failing, UpdatedAt: "2026-11-14T00:00:00.000Z" });
    expect(await stored(Id)).toMatchObject({ workflowStatus: "NEW", closedAt: null });
    expect(await count(`account=${SYNCED}&severity=all&status=all&record=all&closedFrom=2026-01-01`)).toBe(1);
  });

  it("a native GuardDuty finding archived by a sync is closed at the time of its history row", async () => {
    const native = guardDutyFinding({ AccountId: SYNCED, CreatedAt: "2026-11-15T00:00:00.000Z", UpdatedAt: "2026-11-15T00:00:00.000Z" });
    const write = async (over: Record<string, unknown>) => {
      const r = m.normalize.normalizeGuardDuty({ ...native, ...over });
      if (!r.ok) throw new Error(r.error);
      await m.pool.withBulkTransaction((client) => m.upsert.upsertFindings(client, "guardduty", [r.row]));
    };
    await write({});
    expect(await stored(native.Arn)).toMatchObject({ recordState: "ACTIVE", closedAt: null });
    await write({ UpdatedAt: "2026-11-16T00:00:00.000Z", Service: { ...native.Service, Archived: true } });
    const archived = await stored(native.Arn);
    expect(archived.recordState).toBe("ARCHIVED");
    expect(iso(archived.closedAt)).not.toBeNull();
    expect(iso(archived.closedAt)).toBe(await closeEventAt(archived.id));
  });

  it("triage: resolve sets it to the history row's time, reopen clears it, a new close sets a new time", async () => {
    const Id = `arn:aws:securityhub:us-east-1:${SYNCED}:security-control/S3.1/finding/triaged`;
    await syncAsff({ Id, CreatedAt: "2026-11-11T00:00:00.000Z", FirstObservedAt: "2026-11-11T00:00:00.000Z", UpdatedAt: "2026-11-11T00:00:00.000Z" });
    const { id } = await stored(Id);
    const triage = (status: "NEW" | "RESOLVED" | "SUPPRESSED") => m.pool.withBulkTransaction((client) =>
      m.triage.applyTriageInTransaction(client, [id], { action: "status", status }, { actor: null, origin: "system" }));
    expect((await triage("RESOLVED")).affected).toBe(1);
    const first = await stored(Id);
    expect(first.workflowStatus).toBe("RESOLVED");
    expect(iso(first.closedAt)).toBe(await closeEventAt(id));
    expect(first.closedAt!.getTime()).toBeGreaterThan(first.firstObservedAt!.getTime());
    // closed → closed (resolved, then suppressed): still the first close
    await triage("SUPPRESSED");
    expect(iso((await stored(Id)).closedAt)).toBe(iso(first.closedAt));
    await triage("NEW");
    expect(await stored(Id)).toMatchObject({ workflowStatus: "NEW", closedAt: null });
    await new Promise((r) => setTimeout(r, 5));
    await triage("RESOLVED");
    const again = await stored(Id);
    expect(iso(again.closedAt)).toBe(await closeEventAt(id));
    expect(again.closedAt!.getTime()).toBeGreaterThan(first.closedAt!.getTime());
    // an UPDATE that writes closedAt itself cannot move it
    await m.db.finding.update({ where: { id }, data: { closedAt: new Date("2020-01-01T00:00:00Z") } });
    expect(iso((await stored(Id)).closedAt)).toBe(iso(again.closedAt));
  });
});
