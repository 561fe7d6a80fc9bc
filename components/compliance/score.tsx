import { cn } from "@/components/lib/cn";
import type { TScoreFigures } from "@/server/compliance/compliance.types";

/** Rounded to the nearest whole percent, as the Security Hub console shows it. */
export function formatScore(score: number | null | undefined): string | null {
  return score === null || score === undefined ? null : `${Math.round(score)}%`;
}

/** Colour band of a score (always shown with its number): good ≥ 90, fair ≥ 70, poor below, none without data. */
export function scoreBand(score: number | null | undefined): "good" | "fair" | "poor" | "none" {
  if (score === null || score === undefined) return "none";
  return score >= 90 ? "good" : score >= 70 ? "fair" : "poor";
}

export const BAND_CLASS: Record<ReturnType<typeof scoreBand>, string> = {
  good: "bg-success-soft border-success/50",
  fair: "bg-sev-medium/25 border-sev-medium",
  poor: "bg-danger-soft border-danger/50",
  none: "bg-muted border-border text-muted-foreground",
};

export function withData(f: TScoreFigures | undefined): number {
  return f ? f.passed + f.failed + f.unknown : 0;
}

/** A small swatch for legends. */
export function BandSwatch({ band }: { band: ReturnType<typeof scoreBand> }) {
  return <span aria-hidden="true" className={cn("inline-block size-3 rounded-sm border", BAND_CLASS[band])} />;
}
