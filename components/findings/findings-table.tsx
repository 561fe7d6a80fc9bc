"use client";

import { useEffect, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { LoaderCircle } from "lucide-react";
import type { TFindingListItem } from "@/server/findings/findings.types";
import { cn } from "@/components/lib/cn";
import { FindingRow, ROW_HEIGHT, SELECT_WIDTH, SEVERITY_WIDTH, pinned } from "./finding-row";

/** Ask for the next page when this many loaded rows are left below the window. */
const PREFETCH_ROWS = 30;

// Widths in rem; the title takes what is left, at least TITLE_MIN. What triage decides on (SLA,
// status, owner) comes first, so it stays in view on a laptop when the table scrolls sideways.
const COLUMNS = [
  { key: "severity", width: SEVERITY_WIDTH },
  { key: "title", width: undefined },
  { key: "sla", width: 7 },
  { key: "status", width: 8 },
  { key: "owner", width: 7.5 },
  { key: "account", width: 9 },
  { key: "resource", width: 10 },
  { key: "region", width: 7.5 },
  { key: "lastSeen", width: 6.5 },
  { key: "source", width: 7 },
] as const;
/** The title keeps at least this much room; past it the table scrolls sideways. */
const TITLE_MIN = 19;

const th = "sticky top-0 border-b border-border bg-muted px-2 py-2 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase whitespace-nowrap";

export type TableSelection = {
  isSelected: (id: string) => boolean;
  /** how many loaded rows are selected */
  loadedSelected: number;
  /** every finding matching the filter is selected */
  allMatching: boolean;
};

export interface FindingsTableProps {
  items: TFindingListItem[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** total matching the filter, when known (aria-rowcount) */
  total: number | undefined;
  canSelect: boolean;
  selection: TableSelection;
  onToggle: (index: number, range: boolean) => void;
  onToggleAllLoaded: () => void;
  activeIndex: number;
  onActivate: (index: number) => void;
  /** bumped when the keyboard moves the active row: scroll to it and focus it */
  focusToken: number;
  openId: string | null;
  onOpen: (id: string, index: number) => void;
  now: string;
}

export function FindingsTable(props: FindingsTableProps) {
  const { items, hasNextPage, isFetchingNextPage, fetchNextPage, canSelect, selection, activeIndex, focusToken } = props;
  const t = useTranslations("findings");
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = items.length + (hasNextPage ? 1 : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => items[index]?.id ?? `loader-${index}`,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, items.length, fetchNextPage]);

  // Keyboard moves: bring the active row into view, then give it focus (it may render a frame later).
  useEffect(() => {
    if (focusToken === 0 || activeIndex < 0) return;
    virtualizer.scrollToIndex(activeIndex, { align: "auto" });
    let frame = 0;
    let tries = 0;
    const focusRow = () => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
      if (row) row.focus({ preventScroll: true });
      else if (tries++ < 5) frame = requestAnimationFrame(focusRow);
    };
    frame = requestAnimationFrame(focusRow);
    return () => cancelAnimationFrame(frame);
    // Only a keyboard move (a new token) scrolls; clicks set the active row without jumping.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken]);

  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const colSpan = COLUMNS.length + (canSelect ? 1 : 0);
  const left = pinned(canSelect);
  const minWidth = COLUMNS.reduce((sum, column) => sum + (column.width ?? TITLE_MIN), canSelect ? SELECT_WIDTH : 0);
  const allLoadedSelected = items.length > 0 && selection.loadedSelected === items.length;
  const someSelected = selection.loadedSelected > 0 && !allLoadedSelected;

  return (
    <div
      ref={scrollRef}
      data-testid="findings-table"
      className="relative isolate h-[calc(100dvh-21rem)] min-h-[22rem] overflow-auto rounded-lg border border-border bg-card"
    >
      <table
        className="w-full table-fixed border-separate border-spacing-0 text-sm"
        style={{ minWidth: `${minWidth}rem` }}
        aria-rowcount={props.total !== undefined ? props.total + 1 : -1}
      >
        <caption className="sr-only">{t("table.caption")}</caption>
        <colgroup>
          {canSelect ? <col style={{ width: `${SELECT_WIDTH}rem` }} /> : null}
          {COLUMNS.map((column) => (
            <col key={column.key} style={column.width ? { width: `${column.width}rem` } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {canSelect ? (
              <th scope="col" className={cn(th, "z-30")} style={{ left: left.select }}>
                <input
                  type="checkbox"
                  data-testid="select-all-loaded"
                  aria-label={t("table.selectAllLoaded", { count: items.length })}
                  title={t("table.selectAllLoaded", { count: items.length })}
                  checked={allLoadedSelected || selection.allMatching}
                  ref={(input) => {
                    if (input) input.indeterminate = someSelected && !selection.allMatching;
                  }}
                  onChange={props.onToggleAllLoaded}
                  className="size-4 accent-primary"
                />
              </th>
            ) : null}
            {COLUMNS.map((column) => {
              const pin = column.key === "severity" ? left.severity : column.key === "title" ? left.title : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={cn(th, pin !== undefined ? "z-30" : "z-20", column.key === "title" && "shadow-[inset_-1px_0_0_var(--color-border)]")}
                  style={pin !== undefined ? { left: pin } : undefined}
                >
                  {t(`columns.${column.key}`)}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: paddingTop, padding: 0 }} />
            </tr>
          ) : null}
          {virtualRows.map((virtualRow) => {
            const item = items[virtualRow.index];
            if (!item) {
              return (
                <tr key={virtualRow.key} style={{ height: ROW_HEIGHT }}>
                  <td colSpan={colSpan} className="px-3 text-sm text-muted-foreground">
                    <span role="status" className="inline-flex items-center gap-2">
                      <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" />
                      {t("table.loadingMore")}
                    </span>
                  </td>
                </tr>
              );
            }
            return (
              <FindingRow
                key={virtualRow.key}
                item={item}
                index={virtualRow.index}
                active={virtualRow.index === activeIndex}
                open={props.openId === item.id}
                selected={selection.allMatching || selection.isSelected(item.id)}
                canSelect={canSelect}
                selectionLocked={selection.allMatching}
                onToggle={props.onToggle}
                onActivate={props.onActivate}
                onOpen={props.onOpen}
                now={props.now}
                left={left}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: paddingBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
