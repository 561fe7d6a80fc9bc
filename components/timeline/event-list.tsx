"use client";

import { useEffect, useMemo, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useFormatter, useTranslations } from "next-intl";
import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import type { TTimelineEvent } from "@/server/timeline/timeline.types";
import { cn } from "@/components/lib/cn";
import { dayKey } from "./timeline-query";

const ROW_HEIGHT = 44;
const DAY_HEIGHT = 32;
const PREFETCH_ROWS = 30;

type TRow = { kind: "day"; day: string; time: string; count: number; last: boolean } | { kind: "event"; item: TTimelineEvent; index: number } | { kind: "loader" };

const COLUMNS = [
  { key: "time", width: 6.25 },
  { key: "event", width: undefined },
  { key: "principal", width: 13 },
  { key: "account", width: 9.5 },
  { key: "region", width: 7.5 },
  { key: "sourceIp", width: 8.5 },
  { key: "result", width: 7 },
] as const;
const EVENT_MIN = 12;

const th = "sticky top-0 z-20 border-b border-border bg-muted px-2 py-2 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase whitespace-nowrap";

/** The short name of a principal: user name, else the last part of the ARN, else the access key. */
export function principalLabel(principal: TTimelineEvent["principal"]): string {
  return principal.userName ?? principal.arn?.split(/[/:]/).at(-1) ?? principal.accessKeyId ?? "—";
}

/**
 * Events newest first, grouped under day headers, loaded page by page (keyset cursor) while scrolling.
 * Test hooks: event-list, event-row (data-id, data-account, data-name, data-index, data-active), day-header (data-day), loading-more.
 */
export function EventList({
  items,
  accountName,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  activeIndex,
  focusToken,
  openId,
  onActivate,
  onOpen,
}: {
  items: TTimelineEvent[];
  accountName: (id: string) => string | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  activeIndex: number;
  focusToken: number;
  openId: string | null;
  onActivate: (index: number) => void;
  onOpen: (id: string) => void;
}) {
  const t = useTranslations("timeline.list");
  const format = useFormatter();
  const scrollRef = useRef<HTMLDivElement>(null);

  const { rows, rowOfEvent } = useMemo(() => {
    const rows: TRow[] = [];
    const rowOfEvent: number[] = [];
    let current = "";
    let header: Extract<TRow, { kind: "day" }> | null = null;
    items.forEach((item, index) => {
      const day = dayKey(item.time);
      if (day !== current) {
        current = day;
        if (header) header.last = false;
        header = { kind: "day", day, time: item.time, count: 0, last: true };
        rows.push(header);
      }
      header!.count += 1;
      rowOfEvent.push(rows.length);
      rows.push({ kind: "event", item, index });
    });
    if (hasNextPage) rows.push({ kind: "loader" });
    return { rows, rowOfEvent };
  }, [items, hasNextPage]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "day" ? DAY_HEIGHT : ROW_HEIGHT),
    overscan: 12,
    getItemKey: (index) => {
      const row = rows[index];
      return row?.kind === "event" ? row.item.id : row?.kind === "day" ? `day-${row.day}` : `loader-${index}`;
    },
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  useEffect(() => {
    if (focusToken === 0 || activeIndex < 0) return;
    const rowIndex = rowOfEvent[activeIndex];
    if (rowIndex === undefined) return;
    virtualizer.scrollToIndex(rowIndex, { align: "auto" });
    let frame = 0;
    let tries = 0;
    const focusRow = () => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (tries++ < 5) frame = requestAnimationFrame(focusRow);
    };
    frame = requestAnimationFrame(focusRow);
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken]);

  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const minWidth = COLUMNS.reduce((sum, column) => sum + (column.width ?? EVENT_MIN), 0);

  return (
    <div ref={scrollRef} data-testid="event-list" className="relative isolate h-[calc(100dvh-26rem)] min-h-[20rem] overflow-auto rounded-lg border border-border bg-card">
      <table className="w-full table-fixed border-separate border-spacing-0 text-sm" style={{ minWidth: `${minWidth}rem` }}>
        <caption className="sr-only">{t("caption")}</caption>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={column.width ? { width: `${column.width}rem` } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className={th}>
                {t(`columns.${column.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          ) : null}
          {virtualRows.map((virtualRow) => {
            const row = rows[virtualRow.index];
            if (!row || row.kind === "loader") {
              return (
                <tr key={virtualRow.key} style={{ height: ROW_HEIGHT }} data-testid="loading-more">
                  <td colSpan={COLUMNS.length} className="px-3 text-sm text-muted-foreground">
                    <span role="status" className="inline-flex items-center gap-2">
                      <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" />
                      {t("loadingMore")}
                    </span>
                  </td>
                </tr>
              );
            }
            if (row.kind === "day") {
              return (
                <tr key={virtualRow.key} style={{ height: DAY_HEIGHT }} data-testid="day-header" data-day={row.day}>
                  <th colSpan={COLUMNS.length} scope="colgroup" className="border-b border-border bg-background/95 px-2 text-left text-xs font-semibold">
                    {format.dateTime(new Date(row.time), { weekday: "short", year: "numeric", month: "short", day: "numeric" })}
                    <span className="ml-2 font-normal text-muted-foreground tabular-nums">{row.last && hasNextPage ? t("dayCountMore", { count: row.count }) : t("dayCount", { count: row.count })}</span>
                  </th>
                </tr>
              );
            }
            const { item, index } = row;
            const active = index === activeIndex;
            const open = openId === item.id;
            const name = accountName(item.accountId);
            const td = "border-b border-border px-2 truncate";
            return (
              <tr
                key={virtualRow.key}
                data-testid="event-row"
                data-id={item.id}
                data-account={item.accountId}
                data-name={item.name}
                data-index={index}
                data-active={active || undefined}
                tabIndex={active ? 0 : -1}
                aria-selected={open}
                style={{ height: ROW_HEIGHT }}
                onClick={() => {
                  onActivate(index);
                  onOpen(item.id);
                }}
                onFocus={() => onActivate(index)}
                className={cn("cursor-pointer outline-none hover:bg-accent/60 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset", active && "bg-accent/40", open && "bg-accent")}
              >
                <td className={cn(td, "font-mono text-xs tabular-nums")} title={format.dateTime(new Date(item.time), { dateStyle: "full", timeStyle: "long" })}>
                  {format.dateTime(new Date(item.time), { hour: "2-digit", minute: "2-digit", second: "2-digit" })}
                </td>
                <td className={td}>
                  <span className="font-medium" data-testid="event-name">
                    {item.name}
                  </span>
                  <span className="ml-2 text-xs text-muted-foreground">{item.source.replace(/\.amazonaws\.com$/, "")}</span>
                </td>
                <td className={cn(td, "font-mono text-xs")} title={item.principal.arn ?? undefined}>
                  {principalLabel(item.principal)}
                  {item.principal.type ? <span className="ml-1.5 font-sans text-muted-foreground">{item.principal.type}</span> : null}
                </td>
                <td className={td} title={item.accountId}>
                  {name ? <span className="block truncate text-xs">{name}</span> : null}
                  <span className="font-mono text-xs text-muted-foreground">{item.accountId}</span>
                </td>
                <td className={cn(td, "font-mono text-xs")}>{item.region}</td>
                <td className={cn(td, "font-mono text-xs")} title={item.sourceAddress ?? undefined}>
                  {item.sourceAddress ?? "—"}
                </td>
                <td className={td}>
                  {item.error ? (
                    <span className="inline-flex items-center gap-1 text-xs font-medium text-danger dark:text-red-300" title={item.error.message ?? item.error.code}>
                      <CircleAlert aria-hidden="true" className="size-3.5 shrink-0" />
                      <span className="truncate">{item.error.code}</span>
                    </span>
                  ) : (
                    <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
                      <CircleCheck aria-hidden="true" className="size-3.5 shrink-0" />
                      {item.readOnly === false ? t("write") : item.readOnly ? t("read") : t("ok")}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
