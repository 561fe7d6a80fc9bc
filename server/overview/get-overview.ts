import "server-only";
import { listChecklists } from "@/server/checklists/recurring/checklists";
import { eolFeedStatus } from "@/server/checklists/eol/feed";
import { readPool } from "@/server/db-pool";
import { SUMMARY_SEVERITIES, type TAccountRow, type TAgeRow, type TOuRow, type TOverview, type TSummarySeverity, type TWeekRow } from "./overview.types";

// Everything the overview shows, from the summary tables only (findings_daily_summary, compliance_snapshots,
// patch_snapshots) plus the small EOL inventory and checklists: no scan of the findings.

const DAY_MS = 86_400_000;
const WEEKS = 12;
const toDays = (seconds: number, count: number) => (count > 0 ? Math.round((seconds / count / 86_400) * 10) / 10 : null);

export async function getOverview(options: { now?: Date; checklists?: boolean } = {}): Promise<TOverview> {
  const now = options.now ?? new Date();
  const pool = readPool();
  const today = now.toISOString().slice(0, 10);
  const latest = await pool.query<{ d: string | null }>(`SELECT to_char(max(day), 'YYYY-MM-DD') AS d FROM findings_daily_summary WHERE day <= $1::date`, [today]);
  const asOf = latest.rows[0]?.d ?? null;
  const ref = asOf ?? today;
  // Monday of the week 11 weeks before the latest one.
  const firstWeek = new Date(Date.parse(`${ref}T00:00:00Z`) - ((new Date(`${ref}T00:00:00Z`).getUTCDay() + 6) % 7) * DAY_MS - (WEEKS - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  const since30 = new Date(Date.parse(`${ref}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);

  const [current, weekly, mttr30, ous, compliance, patch, eol, checklists, computed] = await Promise.all([
    pool.query<{ a: string; name: string | null; ouId: string | null; sev: TSummarySeverity; open: number; overdue: number; b0: number; b1: number; b2: number; b3: number }>(
      `SELECT s."awsAccountId" AS a, acc.name, acc."ouId", s.severity::text AS sev, s."openCount" AS open, s."overdueCount" AS overdue,
              s."age0to7" AS b0, s."age8to30" AS b1, s."age31to90" AS b2, s."ageOver90" AS b3
       FROM findings_daily_summary s LEFT JOIN aws_accounts acc ON acc.id = s."awsAccountId"
       WHERE s.day = $1::date AND s."openCount" > 0`,
      [ref],
    ),
    pool.query<{ week: string; sev: TSummarySeverity; opened: number; closed: number; ttr: number; ttrn: number }>(
      `SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week, severity::text AS sev, sum("openedCount")::int AS opened,
              sum("closedCount")::int AS closed, sum("ttrSeconds")::float8 AS ttr, sum("ttrCount")::int AS ttrn
       FROM findings_daily_summary WHERE day >= $1::date AND day <= $2::date GROUP BY 1, 2`,
      [firstWeek, ref],
    ),
    pool.query<{ sev: TSummarySeverity; ttr: number; ttrn: number }>(
      `SELECT severity::text AS sev, sum("ttrSeconds")::float8 AS ttr, sum("ttrCount")::int AS ttrn
       FROM findings_daily_summary WHERE day >= $1::date AND day <= $2::date AND severity IN ('CRITICAL', 'HIGH') GROUP BY 1`,
      [since30, ref],
    ),
    pool.query<{ id: string; name: string; parentId: string | null }>(`SELECT id, name, "parentId" FROM organizational_units ORDER BY name`),
    pool.query<{ day: string; standard: string; score: number | null }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, standard, score FROM compliance_snapshots
       WHERE "scopeType" = 'org' AND "scopeId" = '' AND day >= $1::date AND day <= $2::date ORDER BY day`,
      [firstWeek, today],
    ),
    pool.query<{ instances: number; compliant: number }>(
      `SELECT sum(instances)::int AS instances, sum(compliant)::int AS compliant FROM patch_snapshots
       WHERE day = (SELECT max(day) FROM patch_snapshots WHERE day <= $1::date)`,
      [today],
    ),
    eolFeedStatus(now),
    options.checklists === false ? Promise.resolve([]) : listChecklists(now),
    pool.query<{ at: Date | null }>(`SELECT max("computedAt") AS at FROM findings_daily_summary WHERE day = $1::date`, [ref]),
  ]);

  // Current figures (the latest day): KPIs, age buckets, by account.
  const kpiOpen = { CRITICAL: 0, HIGH: 0 } as Record<string, number>;
  let slaBreaches = 0;
  const ages = new Map<TSummarySeverity, TAgeRow>(SUMMARY_SEVERITIES.map((s) => [s, { severity: s, age0to7: 0, age8to30: 0, age31to90: 0, ageOver90: 0 }]));
  const byAccount = new Map<string, TAccountRow & { ouId: string | null }>();
  for (const r of current.rows) {
    if (r.sev === "CRITICAL" || r.sev === "HIGH") {
      kpiOpen[r.sev]! += r.open;
      const row = byAccount.get(r.a) ?? { accountId: r.a, name: r.name, ouId: r.ouId, critical: 0, high: 0 };
      if (r.sev === "CRITICAL") row.critical += r.open;
      else row.high += r.open;
      byAccount.set(r.a, row);
    }
    slaBreaches += r.overdue;
    const age = ages.get(r.sev);
    if (age) {
      age.age0to7 += r.b0;
      age.age8to30 += r.b1;
      age.age31to90 += r.b2;
      age.ageOver90 += r.b3;
    }
  }

  // OU roll-up: each account's counts go to its OU and every ancestor.
  const parent = new Map(ous.rows.map((o) => [o.id, o.parentId]));
  const ouTotals = new Map<string, { critical: number; high: number }>();
  for (const row of byAccount.values()) {
    const seen = new Set<string>();
    for (let ou = row.ouId; ou && !seen.has(ou); ou = parent.get(ou) ?? null) {
      seen.add(ou);
      const t = ouTotals.get(ou) ?? { critical: 0, high: 0 };
      t.critical += row.critical;
      t.high += row.high;
      ouTotals.set(ou, t);
    }
  }
  const children = new Map<string | null, typeof ous.rows>();
  for (const o of ous.rows) {
    const key = o.parentId && parent.has(o.parentId) ? o.parentId : null;
    children.set(key, [...(children.get(key) ?? []), o]);
  }
  const byOu: TOuRow[] = [];
  const walk = (key: string | null, depth: number, seen: Set<string>) => {
    for (const o of children.get(key) ?? []) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      const t = ouTotals.get(o.id) ?? { critical: 0, high: 0 };
      byOu.push({ ouId: o.id, name: o.name, parentId: o.parentId, depth, critical: t.critical, high: t.high });
      walk(o.id, depth + 1, seen);
    }
  };
  walk(null, 0, new Set());

  // Weeks: opened vs closed and MTTR per severity.
  const weeks: TWeekRow[] = [];
  const start = Date.parse(`${firstWeek}T00:00:00Z`);
  const acc = new Map<string, { opened: number; closed: number; ttr: Map<string, [number, number]> }>();
  for (const r of weekly.rows) {
    const w = acc.get(r.week) ?? { opened: 0, closed: 0, ttr: new Map() };
    w.opened += r.opened;
    w.closed += r.closed;
    w.ttr.set(r.sev, [r.ttr, r.ttrn]);
    acc.set(r.week, w);
  }
  for (let i = 0; i < WEEKS; i++) {
    const week = new Date(start + i * 7 * DAY_MS).toISOString().slice(0, 10);
    const w = acc.get(week);
    const mttrDays = Object.fromEntries(SUMMARY_SEVERITIES.map((s) => {
      const t = w?.ttr.get(s);
      return [s, t ? toDays(t[0], t[1]) : null];
    })) as Record<TSummarySeverity, number | null>;
    weeks.push({ week, opened: w?.opened ?? 0, closed: w?.closed ?? 0, mttrDays });
  }

  const mttr = new Map(mttr30.rows.map((r) => [r.sev, toDays(r.ttr, r.ttrn)]));
  const trend = new Map<string, { day: string; fsbp: number | null; cis: number | null }>();
  for (const r of compliance.rows) {
    const d = trend.get(r.day) ?? { day: r.day, fsbp: null, cis: null };
    if (r.standard === "fsbp" || r.standard === "cis") d[r.standard] = r.score === null ? null : Math.round(r.score * 10) / 10;
    trend.set(r.day, d);
  }
  const complianceTrend = [...trend.values()];
  const lastScore = (key: "fsbp" | "cis") => [...complianceTrend].reverse().find((d) => d[key] !== null)?.[key] ?? null;
  const p = patch.rows[0];

  // The summary counts a day's open findings at min(end of day, snapshot time): computedAt is that snapshot time.
  const dayEnd = Date.parse(`${ref}T00:00:00Z`) + DAY_MS;
  const snapshotAt = computed.rows[0]?.at?.getTime();
  const refAt = asOf ? new Date(snapshotAt !== undefined && snapshotAt < dayEnd ? snapshotAt : dayEnd).toISOString() : null;

  return {
    asOf,
    refAt,
    kpis: {
      openCritical: kpiOpen.CRITICAL!,
      openHigh: kpiOpen.HIGH!,
      slaBreaches,
      mttrCriticalDays: mttr.get("CRITICAL") ?? null,
      mttrHighDays: mttr.get("HIGH") ?? null,
      complianceFsbp: lastScore("fsbp"),
      complianceCis: lastScore("cis"),
      patchCompliancePercent: p && p.instances > 0 ? Math.round((p.compliant / p.instances) * 1000) / 10 : null,
      eolWithin90: eol.counts.within90Days ?? 0,
      eolPast: eol.counts.pastEol ?? 0,
      overdueChecklistItems: checklists.reduce((n, c) => n + c.items.filter((i) => i.state === "overdue").length, 0),
    },
    weekly: weeks,
    ageBuckets: [...ages.values()],
    complianceTrend,
    byAccount: [...byAccount.values()].map(({ ouId: _ouId, ...rest }) => rest).sort((a, b) => b.critical - a.critical || b.high - a.high || a.accountId.localeCompare(b.accountId)),
    byOu,
  };
}
