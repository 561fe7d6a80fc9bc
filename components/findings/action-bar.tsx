"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CircleCheck, Eye, EyeOff, ListChecks, RotateCw, StickyNote, UserRoundCheck, X } from "lucide-react";
import { MAX_SELECTED_IDS } from "@/server/findings/findings.types";
import { Button } from "@/components/ui/button";
import type { TTriageKind } from "./triage-dialog";

/**
 * The sticky bar raised by a selection: how many, and what can be done to them.
 * Test hooks: action-bar (data-count), action-status, action-assign, action-note, action-suppress,
 * action-unsuppress, action-retry, select-all-matching, selection-clear.
 */
export function ActionBar({
  count,
  allMatching,
  matchingCount,
  canSelectAllMatching,
  retryCount,
  retryPending,
  onAction,
  onRetry,
  onSelectAllMatching,
  onClear,
}: {
  count: number;
  allMatching: boolean;
  /** findings matching the filter (counts endpoint), when known */
  matchingCount: number | undefined;
  canSelectAllMatching: boolean;
  /** selected findings whose write-back failed */
  retryCount: number;
  retryPending: boolean;
  onAction: (kind: TTriageKind) => void;
  onRetry: () => void;
  onSelectAllMatching: () => void;
  onClear: () => void;
}) {
  const t = useTranslations("findings");
  const format = useFormatter();
  const tooMany = !allMatching && count > MAX_SELECTED_IDS;
  const actions: { kind: TTriageKind; icon: typeof CircleCheck }[] = [
    { kind: "status", icon: CircleCheck },
    { kind: "assign", icon: UserRoundCheck },
    { kind: "note", icon: StickyNote },
    { kind: "suppress", icon: EyeOff },
    { kind: "unsuppress", icon: Eye },
  ];

  return (
    <div
      role="region"
      aria-label={t("selection.label")}
      data-testid="action-bar"
      data-count={allMatching ? matchingCount : count}
      className="sticky bottom-3 z-20 mt-3 flex flex-wrap items-center gap-2 rounded-lg border border-border bg-card px-3 py-2 shadow-lg"
    >
      <p className="mr-2 text-sm font-semibold tabular-nums" aria-live="polite">
        {allMatching
          ? t("selection.allMatching", { count: matchingCount ?? 0, formatted: format.number(matchingCount ?? 0) })
          : t("selection.count", { count, formatted: format.number(count) })}
      </p>
      {actions.map(({ kind, icon: Icon }) => (
        <Button key={kind} size="sm" variant="secondary" data-testid={`action-${kind}`} onClick={() => onAction(kind)} disabled={tooMany}>
          <Icon aria-hidden="true" className="size-4" />
          {t(`actions.${kind}`)}
        </Button>
      ))}
      <Button
        size="sm"
        variant="secondary"
        data-testid="action-retry"
        onClick={onRetry}
        disabled={allMatching || retryCount === 0 || retryPending}
        title={allMatching ? t("actions.retryNeedsIds") : retryCount === 0 ? t("actions.retryNone") : undefined}
      >
        <RotateCw aria-hidden="true" className={retryPending ? "size-4 motion-safe:animate-spin" : "size-4"} />
        {retryCount > 0 ? t("actions.retryCount", { count: retryCount }) : t("actions.retry")}
      </Button>
      {!allMatching && canSelectAllMatching && matchingCount !== undefined && matchingCount > count ? (
        <Button size="sm" variant="ghost" data-testid="select-all-matching" onClick={onSelectAllMatching}>
          <ListChecks aria-hidden="true" className="size-4" />
          {t("selection.selectAllMatching", { count: matchingCount, formatted: format.number(matchingCount) })}
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" data-testid="selection-clear" onClick={onClear} className="ml-auto">
        <X aria-hidden="true" className="size-4" />
        {t("selection.clear")}
      </Button>
      {tooMany ? (
        <p role="alert" className="w-full text-sm text-danger dark:text-red-300">
          {t("selection.tooMany", { max: format.number(MAX_SELECTED_IDS) })}
        </p>
      ) : null}
    </div>
  );
}
