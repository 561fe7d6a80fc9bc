"use client";

import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import type { TPatchCounts, TPatchState } from "./patches-api";
import { PctBar } from "./pct-bar";

/**
 * The organization's figures as tiles; the non-compliant and stale tiles filter the instance list.
 * Test hooks: patch-tiles, patch-tile (data-kind, data-value).
 */
export function SummaryTiles({ counts, scopeLabel, active, onState }: { counts: TPatchCounts; scopeLabel: string; active: string | null; onState: (state: TPatchState | null) => void }) {
  const t = useTranslations("checklistsPatches.tiles");
  const format = useFormatter();
  const tile = "flex flex-col gap-1 rounded-lg border border-border bg-card p-4 text-left aria-pressed:border-primary aria-pressed:ring-2 aria-pressed:ring-primary/40";
  const value = "text-2xl font-semibold tabular-nums";
  return (
    <section aria-label={t("label", { scope: scopeLabel })} data-testid="patch-tiles" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      <div className={tile} data-testid="patch-tile" data-kind="pct" data-value={counts.pctCompliant ?? ""}>
        <span className="text-sm text-muted-foreground">{t("pctCompliant")}</span>
        <span className={value}>{counts.pctCompliant === null ? "–" : `${counts.pctCompliant.toFixed(1)}%`}</span>
        <PctBar value={counts.pctCompliant} className="[&>span:last-child]:hidden" />
      </div>
      <div className={tile} data-testid="patch-tile" data-kind="instances" data-value={counts.instances}>
        <span className="text-sm text-muted-foreground">{t("instances")}</span>
        <span className={value}>{format.number(counts.instances)}</span>
        <span className="text-xs text-muted-foreground">{t("compliantOf", { compliant: counts.compliant })}</span>
      </div>
      <button type="button" className={cn(tile, "hover:bg-accent")} data-testid="patch-tile" data-kind="noncompliant" data-value={counts.nonCompliant}
        aria-pressed={active === "noncompliant"} onClick={() => onState(active === "noncompliant" ? null : "noncompliant")}>
        <span className="text-sm text-muted-foreground">{t("nonCompliant")}</span>
        <span className={cn(value, counts.nonCompliant > 0 && "text-danger dark:text-red-300")}>{format.number(counts.nonCompliant)}</span>
        <span className="text-xs text-muted-foreground">{t("showList")}</span>
      </button>
      <button type="button" className={cn(tile, "hover:bg-accent")} data-testid="patch-tile" data-kind="stale" data-value={counts.stale}
        aria-pressed={active === "stale"} onClick={() => onState(active === "stale" ? null : "stale")}>
        <span className="text-sm text-muted-foreground">{t("stale")}</span>
        <span className={cn(value, counts.stale > 0 && "text-warning-foreground")}>{format.number(counts.stale)}</span>
        <span className="text-xs text-muted-foreground">{t("showList")}</span>
      </button>
      <div className={tile} data-testid="patch-tile" data-kind="critical" data-value={counts.critical}>
        <span className="text-sm text-muted-foreground">{t("critical")}</span>
        <span className={value}>{format.number(counts.critical)}</span>
        <span className="text-xs text-muted-foreground">{t("security", { count: counts.security })}</span>
      </div>
      <div className={tile} data-testid="patch-tile" data-kind="missing" data-value={counts.missing}>
        <span className="text-sm text-muted-foreground">{t("missing")}</span>
        <span className={value}>{format.number(counts.missing)}</span>
        <span className="text-xs text-muted-foreground">{t("failedReboot", { failed: counts.failed, reboot: counts.pendingReboot })}</span>
      </div>
    </section>
  );
}
