"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CloudAlert, CloudCheck, CloudOff, LoaderCircle } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { DateTime } from "@/components/ui/date-time";
import type { TSyncSummary } from "./sync-api";
import { useSyncSummary } from "./use-sync-status";

const TICK_MS = 30_000;

/**
 * Top bar: when the last sync finished, a spinner while one runs, red when the last run failed.
 * Admins can click through to Settings → Sync; for everyone else it is only an indicator.
 * Test hook: sync-indicator (data-state = idle | running | failed).
 */
export function SyncIndicator({
  initial,
  renderedAt,
  isAdmin,
}: {
  /** null when the server could not read the status; the indicator then asks once itself */
  initial: TSyncSummary | null;
  renderedAt: string;
  isAdmin: boolean;
}) {
  const t = useTranslations("sync.indicator");
  const { summary, updatedAt } = useSyncSummary(initial);
  const [tick, setTick] = useState(renderedAt);

  // Keep "3 minutes ago" moving while the page stays open.
  useEffect(() => {
    const timer = setInterval(() => setTick(new Date().toISOString()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const state = summary?.running ? "running" : summary?.lastFailed ? "failed" : "idle";
  const finishedAt = summary?.lastFinishedAt ?? null;
  const polledAt = updatedAt > 0 ? new Date(updatedAt).toISOString() : renderedAt;
  const latest = [tick, polledAt, finishedAt ?? ""].reduce((max, value) => (value > max ? value : max));
  const Icon = state === "running" ? LoaderCircle : state === "failed" ? CloudAlert : finishedAt ? CloudCheck : CloudOff;

  const label = t(summary === null ? "unknown" : state === "idle" ? (finishedAt ? "synced" : "never") : state);
  // A date in the future (clock skew) reads as "now".
  const time = () =>
    finishedAt ? <DateTime value={finishedAt} now={latest} variant="relative" className="text-xs opacity-90" /> : null;
  const text =
    state === "running" || !finishedAt
      ? label
      : t.rich(state === "failed" ? "failedAt" : "syncedAt", { time });
  const content = (
    <>
      <Icon
        aria-hidden="true"
        className={cn("size-4 shrink-0", state === "running" && "text-link motion-safe:animate-spin")}
      />
      <span className="font-medium max-md:sr-only">{text}</span>
    </>
  );

  const className = cn(
    "flex h-10 items-center gap-2 rounded-md border px-2.5 text-sm whitespace-nowrap",
    state === "failed"
      ? "border-danger/40 bg-danger-soft text-danger dark:text-red-300"
      : "border-border bg-card text-muted-foreground",
    isAdmin && state !== "failed" && "hover:bg-accent hover:text-accent-foreground",
    isAdmin && state === "failed" && "hover:border-danger",
  );

  return (
    <div className="relative">
      {isAdmin ? (
        <Link href="/settings/sync" className={className} title={t("open")} data-testid="sync-indicator" data-state={state}>
          {content}
          <span className="sr-only">{t("open")}</span>
        </Link>
      ) : (
        <span className={className} data-testid="sync-indicator" data-state={state}>
          {content}
        </span>
      )}
      {/* Announces a change of state only, not the relative time that moves every 30 s. */}
      <span role="status" className="sr-only">
        {label}
      </span>
    </div>
  );
}
