"use client";

import { useRouter } from "next/navigation";
import Link from "next/link";
import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type LegendPayload } from "recharts";
import { ageHref, closedHref, openedHref } from "./overview-links";
import { SUMMARY_SEVERITIES, type TAccountRow, type TAgeRow, type TComplianceDay, type TWeekRow } from "@/server/overview/overview.types";

const SEV_COLOR = { CRITICAL: "var(--sev-critical)", HIGH: "var(--sev-high)", MEDIUM: "var(--sev-medium)", LOW: "var(--sev-low)" } as const;
const AXIS = { fontSize: 12, fill: "var(--muted-foreground)" };
const TOOLTIP = { background: "var(--card)", border: "1px solid var(--border)", color: "var(--card-foreground)" };

/**
 * The legend: a swatch and the translated series name (recharts' own legend labels its icons "… legend icon" in English).
 * The chart around it is aria-hidden; its figures are in the table.
 */
function ChartLegend({ payload }: { payload?: readonly { value?: unknown; color?: string }[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-3 gap-y-1 text-xs">
      {(payload ?? []).map((entry, i) => (
        <li key={i} className="inline-flex items-center gap-1.5 whitespace-nowrap">
          <span className="inline-block size-2.5 shrink-0 rounded-sm" style={{ background: entry.color }} />
          <span>{String(entry.value ?? "")}</span>
        </li>
      ))}
    </ul>
  );
}

/** Legend items in the order the chart draws its series (recharts sorts them by their translated name otherwise). */
const inOrder = (keys: readonly string[]) => (item: LegendPayload) => keys.indexOf(String(item.dataKey));
// Module constants: a new sorter on every render would make recharts store the legend settings again each time.
const OPENED_CLOSED_ORDER = inOrder(["opened", "closed"]);
const SEVERITY_ORDER = inOrder(SUMMARY_SEVERITIES);
const COMPLIANCE_ORDER = inOrder(["fsbp", "cis"]);
const ACCOUNTS_ORDER = inOrder(["critical", "high"]);

function useDay() {
  const format = useFormatter();
  return (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
}

/**
 * A titled card: the chart (hidden from screen readers) and its figures as a table of links, behind a disclosure
 * ("Show the figures") that screen readers and keyboard users reach like any button. Test hook: chart-table-toggle.
 */
function ChartCard({ id, title, empty, chart, table, testId }: { id: string; title: string; empty: boolean; chart: ReactNode; table: ReactNode; testId: string }) {
  const t = useTranslations("overview.charts");
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={testId} data-empty={empty ? "true" : "false"} className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
      <h2 id={`${id}-heading`} className="text-base font-semibold">{title}</h2>
      {empty ? <p className="py-8 text-center text-sm text-muted-foreground">{t("empty")}</p> : (
        <>
          <div aria-hidden="true" className="h-56 w-full">
            <ResponsiveContainer width="100%" height="100%">{chart as React.ReactElement}</ResponsiveContainer>
          </div>
          <details className="text-sm">
            <summary data-testid="chart-table-toggle" className="cursor-pointer rounded-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
              {t("showTable")}
            </summary>
            <div className="mt-2 max-h-72 overflow-auto">
              <table className="w-full text-sm tabular-nums [&_td]:py-0.5 [&_td]:pr-2 [&_td]:text-right [&_th]:py-0.5 [&_th]:pr-2 [&_th]:text-left [&_th]:font-normal [&_thead_th]:font-medium">
                <caption className="sr-only">{t("tableCaption", { title })}</caption>
                {table}
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

/** A figure in a chart's table: a link to the list behind it. */
function FigureLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  return <Link className="text-link underline underline-offset-2" href={href} data-testid={testId}>{children}</Link>;
}

/** Opened and closed per week; a click on a week's bar opens the findings first seen, or closed, that week. */
export function OpenedClosedChart({ weeks }: { weeks: TWeekRow[] }) {
  const t = useTranslations("overview.charts");
  const router = useRouter();
  const day = useDay();
  const title = t("openedClosed.title");
  const empty = weeks.every((w) => w.opened === 0 && w.closed === 0);
  return (
    <ChartCard id="overview-opened-closed" testId="overview-opened-closed" title={title} empty={empty}
      chart={
        <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="week" tickFormatter={day} tick={AXIS} minTickGap={16} />
          <YAxis allowDecimals={false} tick={AXIS} width={48} />
          <Tooltip labelFormatter={(v) => t("weekOf", { day: day(String(v)) })} contentStyle={TOOLTIP} />
          <Legend content={ChartLegend} itemSorter={OPENED_CLOSED_ORDER} />
          <Bar dataKey="opened" name={t("openedClosed.opened")} fill="var(--sev-high)" cursor="pointer" isAnimationActive={false}
            onClick={(_, index) => {
              const week = weeks[index]?.week;
              if (week) router.push(openedHref(week));
            }} />
          <Bar dataKey="closed" name={t("openedClosed.closed")} fill="var(--primary)" cursor="pointer" isAnimationActive={false}
            onClick={(_, index) => {
              const week = weeks[index]?.week;
              if (week) router.push(closedHref(week));
            }} />
        </BarChart>
      }
      table={<>
        <thead><tr><th scope="col">{t("week")}</th><th scope="col">{t("openedClosed.opened")}</th><th scope="col">{t("openedClosed.closed")}</th></tr></thead>
        <tbody>{weeks.map((w) => (
          <tr key={w.week} data-week={w.week}>
            <th scope="row">{day(w.week)}</th>
            <td><FigureLink href={openedHref(w.week)} testId="overview-week-opened">{w.opened}</FigureLink></td>
            <td><FigureLink href={closedHref(w.week)} testId="overview-week-closed">{w.closed}</FigureLink></td>
          </tr>
        ))}</tbody>
      </>}
    />
  );
}

/** MTTR per severity and week; a click on a week's point (or a figure of the table) opens the findings of that severity closed that week. */
export function MttrChart({ weeks }: { weeks: TWeekRow[] }) {
  const t = useTranslations("overview");
  const tSeverity = useTranslations("severity");
  const router = useRouter();
  const day = useDay();
  const title = t("charts.mttr.title");
  const data = weeks.map((w) => ({ week: w.week, ...w.mttrDays }));
  const empty = weeks.every((w) => SUMMARY_SEVERITIES.every((s) => w.mttrDays[s] === null));
  return (
    <ChartCard id="overview-mttr" testId="overview-mttr" title={title} empty={empty}
      chart={
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="week" tickFormatter={day} tick={AXIS} minTickGap={16} />
          <YAxis tick={AXIS} width={48} />
          <Tooltip labelFormatter={(v) => t("charts.weekOf", { day: day(String(v)) })} contentStyle={TOOLTIP} />
          <Legend content={ChartLegend} itemSorter={SEVERITY_ORDER} />
          {SUMMARY_SEVERITIES.map((s) => (
            <Line key={s} dataKey={s} name={tSeverity(s)} stroke={SEV_COLOR[s]} strokeWidth={2} connectNulls isAnimationActive={false}
              activeDot={(dot) => (dot.cx === undefined || dot.cy === undefined || dot.value === null || dot.value === undefined ? null : (
                <circle cx={dot.cx} cy={dot.cy} r={5} fill={SEV_COLOR[s]} stroke="var(--card)" strokeWidth={2} cursor="pointer"
                  onClick={() => {
                    const week = (dot.payload as { week?: string } | undefined)?.week;
                    if (week) router.push(closedHref(week, s));
                  }} />
              ))} />
          ))}
        </LineChart>
      }
      table={<>
        <thead><tr><th scope="col">{t("charts.week")}</th>{SUMMARY_SEVERITIES.map((s) => <th key={s} scope="col">{tSeverity(s)}</th>)}</tr></thead>
        <tbody>{weeks.map((w) => (
          <tr key={w.week} data-week={w.week}><th scope="row">{day(w.week)}</th>{SUMMARY_SEVERITIES.map((s) => (
            <td key={s}>{w.mttrDays[s] === null ? t("charts.mttr.none") : (
              <FigureLink href={closedHref(w.week, s)} testId="overview-week-mttr">{t("kpis.days", { days: w.mttrDays[s]! })}</FigureLink>
            )}</td>
          ))}</tr>
        ))}</tbody>
      </>}
    />
  );
}

// Theme tokens (globals.css): every segment keeps at least 3:1 against the card in both themes.
const BUCKETS = [["age0to7", "b0", "var(--chart-age-0)"], ["age8to30", "b1", "var(--chart-age-1)"], ["age31to90", "b2", "var(--chart-age-2)"], ["ageOver90", "b3", "var(--chart-age-3)"]] as const;
const AGE_ORDER = inOrder(BUCKETS.map(([k]) => k));

/** Open findings per severity stacked by age; a click on a segment opens its findings. */
export function AgeChart({ rows, refAt }: { rows: TAgeRow[]; refAt: string }) {
  const t = useTranslations("overview");
  const tSeverity = useTranslations("severity");
  const router = useRouter();
  const title = t("charts.age.title");
  const empty = rows.every((r) => BUCKETS.every(([k]) => r[k] === 0));
  return (
    <ChartCard id="overview-age" testId="overview-age" title={title} empty={empty}
      chart={
        <BarChart data={rows.map((r) => ({ ...r, label: tSeverity(r.severity) }))} layout="vertical" margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={AXIS} />
          <YAxis type="category" dataKey="label" tick={AXIS} width={80} />
          <Tooltip contentStyle={TOOLTIP} />
          <Legend content={ChartLegend} itemSorter={AGE_ORDER} />
          {BUCKETS.map(([k, label, color]) => (
            <Bar key={k} dataKey={k} stackId="age" name={t(`charts.age.${label}`)} fill={color} cursor="pointer" isAnimationActive={false}
              onClick={(_, index) => {
                const row = rows[index];
                if (row) router.push(ageHref(row.severity, k, refAt));
              }} />
          ))}
        </BarChart>
      }
      table={<>
        <thead><tr><th scope="col">{t("charts.age.severity")}</th>{BUCKETS.map(([k, label]) => <th key={k} scope="col">{t(`charts.age.${label}`)}</th>)}</tr></thead>
        <tbody>{rows.map((r) => (
          <tr key={r.severity} data-severity={r.severity}><th scope="row">{tSeverity(r.severity)}</th>{BUCKETS.map(([k]) => (
            <td key={k}><FigureLink href={ageHref(r.severity, k, refAt)} testId="overview-age-figure">{r[k]}</FigureLink></td>
          ))}</tr>
        ))}</tbody>
      </>}
    />
  );
}

export function ComplianceChart({ days }: { days: TComplianceDay[] }) {
  const t = useTranslations("overview.charts");
  const day = useDay();
  const title = t("compliance.title");
  // The latest score links to its failing controls; a past day's score has no list to open (controls are current only).
  const latest = days.at(-1)?.day;
  const cell = (d: TComplianceDay, standard: "fsbp" | "cis") => {
    const v = d[standard];
    if (v === null) return "–";
    return d.day === latest ? <FigureLink href={`/compliance?standard=${standard}&view=controls`}>{`${v}%`}</FigureLink> : `${v}%`;
  };
  return (
    <ChartCard id="overview-compliance" testId="overview-compliance" title={title} empty={days.length === 0}
      chart={
        <LineChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={day} tick={AXIS} minTickGap={24} />
          <YAxis domain={[0, 100]} unit="%" tick={AXIS} width={48} />
          <Tooltip labelFormatter={(v) => day(String(v))} contentStyle={TOOLTIP} />
          <Legend content={ChartLegend} itemSorter={COMPLIANCE_ORDER} />
          <Line dataKey="fsbp" name={t("compliance.fsbp")} stroke="var(--primary)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          <Line dataKey="cis" name={t("compliance.cis")} stroke="var(--sev-high)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      }
      table={<>
        <thead><tr><th scope="col">{t("compliance.day")}</th><th scope="col">{t("compliance.fsbp")}</th><th scope="col">{t("compliance.cis")}</th></tr></thead>
        <tbody>{days.map((d) => <tr key={d.day}><th scope="row">{day(d.day)}</th><td>{cell(d, "fsbp")}</td><td>{cell(d, "cis")}</td></tr>)}</tbody>
      </>}
    />
  );
}

const accountHref = (id: string, severity: string) => `/findings?severity=${severity}&account=${id}`;

/** Bars per account (a click opens its CRITICAL+HIGH findings) and the same figures as a table of links. Test hook: overview-accounts. */
export function AccountsChart({ rows }: { rows: TAccountRow[] }) {
  const t = useTranslations("overview.charts");
  const tSeverity = useTranslations("severity");
  const router = useRouter();
  const top = rows.slice(0, 15);
  const data = top.map((r) => ({ ...r, label: r.name ?? r.accountId }));
  return (
    <section aria-labelledby="overview-accounts-heading" data-testid="overview-accounts" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
      <h2 id="overview-accounts-heading" className="text-base font-semibold">{t("accounts.title")}</h2>
      {rows.length === 0 ? <p className="py-8 text-center text-sm text-muted-foreground">{t("accounts.empty")}</p> : (
        <>
          <div aria-hidden="true" className="w-full" style={{ height: Math.max(120, top.length * 28 + 40) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout="vertical" margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}
                onClick={(state) => {
                  const index = Number(state?.activeTooltipIndex ?? state?.activeIndex);
                  const row = Number.isInteger(index) ? top[index] : undefined;
                  if (row) router.push(accountHref(row.accountId, "CRITICAL,HIGH"));
                }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={AXIS} />
                <YAxis type="category" dataKey="label" tick={AXIS} width={120} />
                <Tooltip contentStyle={TOOLTIP} cursor={{ fill: "var(--muted)" }} />
                <Legend content={ChartLegend} itemSorter={ACCOUNTS_ORDER} />
                <Bar dataKey="critical" stackId="a" name={tSeverity("CRITICAL")} fill="var(--sev-critical)" cursor="pointer" isAnimationActive={false} />
                <Bar dataKey="high" stackId="a" name={tSeverity("HIGH")} fill="var(--sev-high)" cursor="pointer" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="max-h-64 overflow-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("tableCaption", { title: t("accounts.title") })}</caption>
              <thead><tr className="border-b border-border text-left">
                <th scope="col" className="py-1 pr-2">{t("accounts.account")}</th>
                <th scope="col" className="py-1 pr-2 text-right">{tSeverity("CRITICAL")}</th>
                <th scope="col" className="py-1 text-right">{tSeverity("HIGH")}</th>
              </tr></thead>
              <tbody>{rows.map((r) => (
                <tr key={r.accountId} data-account={r.accountId} className="border-b border-border last:border-0">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">{r.name ? `${r.name} (${r.accountId})` : r.accountId}</th>
                  <td className="py-1 pr-2 text-right tabular-nums"><Link className="text-link underline underline-offset-2" href={accountHref(r.accountId, "CRITICAL")}>{r.critical}</Link></td>
                  <td className="py-1 text-right tabular-nums"><Link className="text-link underline underline-offset-2" href={accountHref(r.accountId, "HIGH")}>{r.high}</Link></td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
