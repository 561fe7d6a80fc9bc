"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Skeleton } from "@/components/ui/skeleton";
import type { TTrend, TTrendPoint } from "./patches-api";

type TSlot = { day: string } & Partial<Omit<TTrendPoint, "day" | "pctCompliant">> & { pctCompliant?: number | null };

/** Every day of the range, so the x axis spans the whole period; days without a snapshot stay empty (not zero). */
function slots(trend: TTrend): TSlot[] {
  const byDay = new Map(trend.points.map((p) => [p.day, p]));
  const out: TSlot[] = [];
  for (let d = new Date(`${trend.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= trend.to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day });
  }
  return out;
}

/**
 * % compliant (line, right axis) and non-compliant / stale instances (stacked bars) per day from the daily
 * snapshots. The same figures are in a table for screen readers. Test hooks: patch-trend (data-points), trend-empty.
 */
export function TrendChart({ trend, scopeLabel, loading }: { trend: TTrend | undefined; scopeLabel: string; loading: boolean }) {
  const t = useTranslations("checklistsPatches.trend");
  const format = useFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <section aria-labelledby="trend-heading" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
      <h3 id="trend-heading" className="text-base font-semibold">{t("title", { scope: scopeLabel })}</h3>
      {!trend && loading ? <Skeleton className="h-56 w-full" /> : null}
      {trend && trend.points.length === 0 ? <p data-testid="trend-empty" className="py-8 text-center text-sm text-muted-foreground">{t("empty")}</p> : null}
      {trend && trend.points.length > 0 ? (
        <div data-testid="patch-trend" data-points={trend.points.length}>
          <div aria-hidden="true" className="h-56 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={slots(trend)} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
                <XAxis dataKey="day" tickFormatter={day} minTickGap={24} tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} />
                <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} width={40} />
                <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12, fill: "var(--muted-foreground)" }} width={44} />
                <Tooltip labelFormatter={(value) => day(String(value))} contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", color: "var(--card-foreground)" }} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar yAxisId="count" dataKey="nonCompliant" name={t("nonCompliant")} stackId="n" fill="var(--sev-high)" maxBarSize={14} />
                <Bar yAxisId="count" dataKey="stale" name={t("stale")} stackId="n" fill="var(--sev-medium)" maxBarSize={14} />
                <Line yAxisId="pct" dataKey="pctCompliant" name={t("pctCompliant")} stroke="var(--primary)" strokeWidth={2} dot={trend.points.length < 20} connectNulls />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <table className="sr-only">
            <caption>{t("title", { scope: scopeLabel })}</caption>
            <thead><tr><th scope="col">{t("day")}</th><th scope="col">{t("pctCompliant")}</th><th scope="col">{t("nonCompliant")}</th><th scope="col">{t("stale")}</th></tr></thead>
            <tbody>
              {trend.points.map((p) => (
                <tr key={p.day}><th scope="row">{day(p.day)}</th><td>{p.pctCompliant ?? "–"}</td><td>{p.nonCompliant}</td><td>{p.stale}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
