"use client";

import type { MouseEvent } from "react";
import { useTranslations } from "next-intl";
import type { TFindingListItem } from "@/server/findings/findings.types";
import { cn } from "@/components/lib/cn";
import { SeverityBadge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { OwnerLabel, SlaBadge, SourceLabel, StatusBadge, SuppressionExpiredBadge, WriteBackMarker } from "./finding-cells";
import { shortResourceId } from "./raw-fields";

/** Every row has the same height, so 100,000 rows scroll as smoothly as 100. */
export const ROW_HEIGHT = 56;
/** Widths in rem of the pinned columns before the title. */
export const SELECT_WIDTH = 2.75;
export const SEVERITY_WIDTH = 9.25;
const td = "px-2 py-1.5 align-middle overflow-hidden";
const SELECTED_BG = "[&>td]:bg-[color-mix(in_oklab,var(--color-primary)_14%,var(--color-card))]";

/** Left offsets of the pinned columns (select, severity, title stay while the rest scrolls sideways). */
export function pinned(canSelect: boolean) {
  const severity = canSelect ? SELECT_WIDTH : 0;
  return { select: "0rem", severity: `${severity}rem`, title: `${severity + SEVERITY_WIDTH}rem` };
}

function isModifiedClick(event: MouseEvent) {
  return event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
}

/** One finding in the list. Test hooks: finding-row (data-id, data-severity, data-status, data-index, data-active), row-select, finding-title. */
export function FindingRow({
  item,
  index,
  active,
  open,
  selected,
  canSelect,
  selectionLocked,
  onToggle,
  onActivate,
  onOpen,
  now,
  left,
}: {
  left: ReturnType<typeof pinned>;
  item: TFindingListItem;
  index: number;
  active: boolean;
  open: boolean;
  selected: boolean;
  canSelect: boolean;
  selectionLocked: boolean;
  onToggle: (index: number, range: boolean) => void;
  onActivate: (index: number) => void;
  onOpen: (id: string, index: number) => void;
  now: string;
}) {
  const t = useTranslations("findings");
  const tCommon = useTranslations("common");
  return (
    <tr
      data-testid="finding-row"
      data-id={item.id}
      data-severity={item.severity}
      data-status={item.workflowStatus}
      data-index={index}
      data-active={active || undefined}
      aria-rowindex={index + 2}
      aria-current={open ? "true" : undefined}
      tabIndex={active ? 0 : -1}
      onClick={() => onActivate(index)}
      style={{ height: ROW_HEIGHT }}
      className={cn(
        "group outline-none [&>td]:border-b [&>td]:border-border",
        // Opaque cell backgrounds: the pinned cells cover what scrolls beneath them.
        selected ? SELECTED_BG : open || active ? "[&>td]:bg-accent" : "[&>td]:bg-card hover:[&>td]:bg-accent",
        (active || open) && "[&>td:first-child]:shadow-[inset_3px_0_0_var(--color-ring)]",
        "focus-visible:[&>td:first-child]:shadow-[inset_4px_0_0_var(--color-ring)]",
      )}
    >
      {canSelect ? (
        <td className={cn(td, "sticky z-[1]")} style={{ left: left.select }}>
          <input
            type="checkbox"
            data-testid="row-select"
            aria-label={t("table.selectRow", { title: item.title })}
            checked={selected}
            disabled={selectionLocked}
            onClick={(event) => {
              event.stopPropagation();
              onActivate(index);
              onToggle(index, event.shiftKey);
            }}
            onChange={() => {}}
            className="size-4 accent-primary"
          />
        </td>
      ) : null}
      <td className={cn(td, "sticky z-[1]")} style={{ left: left.severity }}>
        <SeverityBadge severity={item.severity} />
      </td>
      <td className={cn(td, "sticky z-[1] shadow-[inset_-1px_0_0_var(--color-border)]")} style={{ left: left.title }}>
        <a
          href={`/findings/${encodeURIComponent(item.id)}`}
          onClick={(event) => {
            if (isModifiedClick(event)) return;
            event.preventDefault();
            onActivate(index);
            onOpen(item.id, index);
          }}
          title={item.title}
          data-testid="finding-title"
          className="block truncate font-medium text-foreground hover:text-link hover:underline"
        >
          {item.title}
        </a>
        <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
          {item.controlId ? <span className="font-mono">{item.controlId}</span> : null}
          {item.recordState === "ARCHIVED" ? <span>{t("values.record.archived")}</span> : null}
          {item.suppressionExpiredAt ? <SuppressionExpiredBadge /> : null}
        </span>
      </td>
      <td className={td}>
        <SlaBadge sla={item.sla} dueAt={item.dueAt} now={now} />
      </td>
      <td className={td}>
        <span className="flex items-center gap-1.5">
          <StatusBadge status={item.workflowStatus} />
          <WriteBackMarker state={item.writeBack} error={item.writeBackError} />
        </span>
      </td>
      <td className={td}>
        <OwnerLabel owner={item.owner} />
      </td>
      <td className={td}>
        <span className="block truncate" title={item.accountName ?? item.awsAccountId}>
          {item.accountName ?? tCommon("none")}
        </span>
        <span className="block font-mono text-xs text-muted-foreground tabular-nums">{item.awsAccountId}</span>
      </td>
      <td className={td}>
        {item.resourceType || item.resourceId ? (
          <>
            <span className="block truncate text-xs" title={item.resourceType ?? undefined}>
              {item.resourceType ?? tCommon("none")}
            </span>
            {item.resourceId ? (
              <span className="block truncate font-mono text-xs text-muted-foreground" title={item.resourceId}>
                {shortResourceId(item.resourceId)}
              </span>
            ) : null}
          </>
        ) : (
          <span className="text-muted-foreground">{tCommon("none")}</span>
        )}
      </td>
      <td className={cn(td, "font-mono text-xs")}>
        <span className="block truncate" title={item.region}>
          {item.region}
        </span>
      </td>
      <td className={cn(td, "text-xs")}>
        {item.lastObservedAt ? (
          <DateTime value={item.lastObservedAt} now={now} variant="relative" className="block truncate" />
        ) : (
          <span className="text-muted-foreground">{tCommon("none")}</span>
        )}
      </td>
      <td className={cn(td, "text-xs")}>
        <SourceLabel item={item} />
      </td>
    </tr>
  );
}
