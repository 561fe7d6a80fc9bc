"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TComplianceTrend } from "@/server/compliance/compliance.types";
import type { TStandardKey } from "@/server/findings/findings.types";

const COLORS: Record<TStandardKey, string> = { fsbp: "var(--primary)", cis: "var(--sev-high)" };

/** Every day of the range (so the axis spans 12 weeks) with each standard's score; days without a snapshot stay empty. */
function slots(trend: TComplianceTrend, standards: TStandardKey[]) {
  const byDay = new Map<string, Record<string, number | null | string>>();
  for (let d = new Date(`${trend.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= trend.to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    byDay.set(day, { day });
  }
  for (const s of standards) for (const p of trend.series[s] ?? []) {
    const slot = byDay.get(p.day);
    if (slot) slot[s] = p.score === null ? null : Math.round(p.score * 10) / 10;
  }
  return [...byDay.values()];
}

/**
 * Score per standard over the period (daily snapshots, today live when not snapshotted yet). The same figures are in
 * a table for screen readers. Test hooks: compliance-trend (data-points), trend-empty.
 */
export function TrendChart({ trend, weeks, scopeLabel }: { trend: TComplianceTrend; weeks: number; scopeLabel: string }) {
  const t = useTranslations("compliance");
  const format = useFormatter();
  const standards = Object.keys(trend.series) as TStandardKey[];
  const points = standards.reduce((n, s) => n + trend.series[s].length, 0);
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  const title = t("trend.title", { weeks, scope: scopeLabel });
  return (
    <section aria-labelledby="compliance-trend-heading" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
      <h2 id="compliance-trend-heading" className="text-base font-semibold">{title}</h2>
      {points === 0 ? <p data-testid="trend-empty" className="py-8 text-center text-sm text-muted-foreground">{t("trend.empty")}</p> : (
        <div data-testid="compliance-trend" data-points={points}>
          <div aria-hidden="true" className="h-56 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={slots(trend, standards)} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
                <XAxis dataKey="day" tickFormatter={day} minTickGap={24} tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} />
                <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} width={48} />
                <Tooltip labelFormatter={(value) => day(String(value))} contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", color: "var(--card-foreground)" }} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {standards.map((s) => (
                  <Line key={s} dataKey={s} name={t(`standardShort.${s}`)} stroke={COLORS[s]} strokeWidth={2} dot={points < 30} connectNulls isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table className="sr-only">
            <caption>{title}</caption>
            <thead><tr><th scope="col">{t("trend.day")}</th>{standards.map((s) => <th key={s} scope="col">{t(`standardShort.${s}`)}</th>)}</tr></thead>
            <tbody>
              {slots(trend, standards).filter((r) => standards.some((s) => r[s] !== undefined)).map((r) => (
                <tr key={String(r.day)}><th scope="row">{day(String(r.day))}</th>{standards.map((s) => <td key={s}>{r[s] === undefined || r[s] === null ? "–" : `${r[s]}%`}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
