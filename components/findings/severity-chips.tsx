"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CircleArrowDown, CircleExclamationPoint, Info, OctagonExclamationPoint, TriangleExclamationPoint, type LucideIcon } from "lucide-react";
import type { TFindingCountsResponse } from "@/server/findings/findings.types";
import { SEVERITIES, type TSeverity } from "@/server/findings/severity.types";
import { cn } from "@/components/lib/cn";
import { Skeleton } from "@/components/ui/skeleton";

// The same shapes and colors as SeverityBadge (components/ui/badge.tsx).
const styles: Record<TSeverity, { on: string; icon: LucideIcon }> = {
  CRITICAL: { on: "bg-sev-critical text-sev-critical-foreground border-sev-critical", icon: OctagonExclamationPoint },
  HIGH: { on: "bg-sev-high text-sev-high-foreground border-sev-high", icon: TriangleExclamationPoint },
  MEDIUM: { on: "bg-sev-medium text-sev-medium-foreground border-sev-medium", icon: CircleExclamationPoint },
  LOW: { on: "bg-sev-low text-sev-low-foreground border-sev-low", icon: CircleArrowDown },
  INFORMATIONAL: { on: "bg-sev-info text-sev-info-foreground border-sev-info", icon: Info },
};

/**
 * Counts by severity for the filter without its severity part; a chip is pressed when its severity
 * is in the filter, and a click toggles it. Test hooks: severity-chip-<SEVERITY> (data-count, aria-pressed).
 */
export function SeverityChips({
  counts,
  loading,
  selected,
  onToggle,
}: {
  counts: TFindingCountsResponse | undefined;
  loading: boolean;
  selected: readonly string[];
  onToggle: (severity: TSeverity) => void;
}) {
  const t = useTranslations("findings.counts");
  const tSeverity = useTranslations("severity");
  const format = useFormatter();

  return (
    <div role="group" aria-label={t("label")} className="flex flex-wrap items-center gap-2" data-testid="severity-chips">
      {SEVERITIES.map((severity) => {
        const on = selected.includes(severity);
        const count = counts?.bySeverity[severity];
        const { on: onClass, icon: Icon } = styles[severity];
        return (
          <button
            key={severity}
            type="button"
            aria-pressed={on}
            data-testid={`severity-chip-${severity}`}
            data-count={count}
            title={t("toggle", { severity: tSeverity(severity) })}
            onClick={() => onToggle(severity)}
            className={cn(
              "inline-flex h-9 items-center gap-2 rounded-full border px-3 text-sm font-semibold transition-colors",
              on ? onClass : "border-border bg-card text-muted-foreground hover:bg-accent hover:text-accent-foreground",
            )}
          >
            <Icon aria-hidden="true" className="size-4" />
            <span>{tSeverity(severity)}</span>
            {loading && count === undefined ? (
              <Skeleton className="h-4 w-8 bg-current/20" />
            ) : (
              <span className="tabular-nums">{count === undefined ? "–" : format.number(count)}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
