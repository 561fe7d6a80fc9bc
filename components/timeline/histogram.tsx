"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TTimelineHistogram } from "@/server/timeline/timeline.types";
import { Skeleton } from "@/components/ui/skeleton";

type TDrag = { start: number; end: number } | null;

/** recharts 3 hands the hovered bar's index as a string (or null). */
function indexOf(state: unknown): number | null {
  const value = (state as { activeTooltipIndex?: unknown } | null)?.activeTooltipIndex;
  if (value === null || value === undefined || value === "") return null;
  const index = Number(value);
  return Number.isInteger(index) ? index : null;
}

/**
 * Event counts over the current range. Click a bar to narrow the range to it, or drag across bars to
 * choose a span (the custom range editor does the same from the keyboard). The figures are also in a
 * table for screen readers. Test hooks: histogram (data-total, data-buckets), histogram-chart, histogram-loading.
 */
export function Histogram({ data, loading, error, onRange }: { data: TTimelineHistogram | undefined; loading: boolean; error: string | null; onRange: (range: { from: string; to: string }) => void }) {
  const t = useTranslations("timeline.histogram");
  const format = useFormatter();
  const [drag, setDrag] = useState<TDrag>(null);
  const dayBuckets = (data?.bucketMs ?? 0) >= 86_400_000;
  const tick = (value: string) =>
    format.dateTime(new Date(value), dayBuckets ? { month: "short", day: "numeric" } : { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const full = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });

  function finish() {
    if (!drag || !data) return setDrag(null);
    const first = data.buckets[Math.min(drag.start, drag.end)];
    const last = data.buckets[Math.max(drag.start, drag.end)];
    setDrag(null);
    if (!first || !last) return;
    onRange({ from: first.start, to: new Date(Date.parse(last.start) + data.bucketMs).toISOString() });
  }

  const headingId = "timeline-histogram-heading";
  return (
    <section aria-labelledby={headingId} className="mb-3 rounded-lg border border-border bg-card p-3" data-testid="histogram" data-total={data?.total} data-buckets={data?.buckets.length}>
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {t("title")}
        </h2>
        <p className="text-xs text-muted-foreground">
          {data ? t("summary", { count: data.total, formatted: format.number(data.total), bucket: bucketLabel(data.bucketMs, t) }) : null} {t("hint")}
        </p>
      </div>
      {error ? <p className="py-6 text-center text-sm text-danger dark:text-red-300">{error}</p> : null}
      {!data && loading ? <Skeleton className="h-28 w-full" data-testid="histogram-loading" /> : null}
      {data ? (
        <>
          <div aria-hidden="true" className="h-28 w-full cursor-crosshair select-none" data-testid="histogram-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data.buckets}
                margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
                barCategoryGap={1}
                accessibilityLayer={false}
                onMouseDown={(state) => {
                  const index = indexOf(state);
                  if (index !== null) setDrag({ start: index, end: index });
                }}
                onMouseMove={(state) => {
                  const index = indexOf(state);
                  if (drag && index !== null && index !== drag.end) setDrag({ ...drag, end: index });
                }}
                onMouseUp={finish}
                onMouseLeave={() => setDrag(null)}
              >
                <CartesianGrid vertical={false} strokeDasharray="3 3" stroke="var(--border)" />
                <XAxis dataKey="start" tickFormatter={tick} tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} minTickGap={40} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} width={36} />
                <Tooltip
                  cursor={{ fill: "var(--accent)" }}
                  labelFormatter={(value) => full(String(value))}
                  formatter={(value) => [format.number(Number(value)), t("events")]}
                  contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", color: "var(--card-foreground)", fontSize: 12 }}
                />
                <Bar dataKey="count" fill="var(--primary)" isAnimationActive={false} />
                {drag && data.buckets[drag.start] && data.buckets[drag.end] ? (
                  <ReferenceArea x1={data.buckets[Math.min(drag.start, drag.end)]!.start} x2={data.buckets[Math.max(drag.start, drag.end)]!.start} fill="var(--primary)" fillOpacity={0.15} />
                ) : null}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="sr-only">
            <caption>{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("events")}</th>
              </tr>
            </thead>
            <tbody>
              {data.buckets
                .filter((bucket) => bucket.count > 0)
                .map((bucket) => (
                  <tr key={bucket.start}>
                    <th scope="row">{full(bucket.start)}</th>
                    <td>{bucket.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function bucketLabel(ms: number, t: ReturnType<typeof useTranslations<"timeline.histogram">>): string {
  if (ms >= 86_400_000) return t("bucket.days", { count: Math.round(ms / 86_400_000) });
  if (ms >= 3_600_000) return t("bucket.hours", { count: Math.round(ms / 3_600_000) });
  return t("bucket.minutes", { count: Math.max(1, Math.round(ms / 60_000)) });
}
