"use client";

import { useFormatter, useLocale, useTimeZone } from "next-intl";
import { useSyncExternalStore } from "react";
import { cn } from "@/components/lib/cn";

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverTimeZone = () => undefined;

/**
 * A point in time as "3 days ago" next to (or with a hover title of) the absolute date and time.
 * The server renders it in the configured time zone; after hydration it switches to the
 * browser's time zone, so the absolute time is the user's own.
 * `now` comes from the server so the relative part matches between server and client render.
 */
export function DateTime({
  value,
  now,
  variant = "stacked",
  precision = "seconds",
  className,
}: {
  /** ISO 8601 */
  value: string;
  /** ISO 8601, the render time on the server */
  now: string;
  /** stacked: absolute, relative below · relative: relative only, absolute on hover */
  variant?: "stacked" | "relative";
  precision?: "seconds" | "minutes";
  className?: string;
}) {
  const format = useFormatter();
  const locale = useLocale();
  const configuredTimeZone = useTimeZone();
  const timeZone = useSyncExternalStore(subscribe, browserTimeZone, serverTimeZone) ?? configuredTimeZone;
  const date = new Date(value);
  const absolute = format.dateTime(date, {
    dateStyle: "medium",
    timeStyle: precision === "seconds" ? "medium" : "short",
    ...(timeZone ? { timeZone } : {}),
  });
  const zone = new Intl.DateTimeFormat(locale, { timeZoneName: "short", timeZone })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  const relative = format.relativeTime(date, new Date(now));
  const title = zone ? `${absolute} ${zone}` : absolute;

  if (variant === "relative") {
    return (
      <time dateTime={value} title={title} className={className}>
        {relative}
      </time>
    );
  }
  return (
    <time dateTime={value} title={title} className={cn("flex flex-col", className)}>
      <span className="whitespace-nowrap tabular-nums">{absolute}</span>
      <span className="text-xs text-muted-foreground">{relative}</span>
    </time>
  );
}
