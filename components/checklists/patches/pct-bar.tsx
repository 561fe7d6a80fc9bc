import { cn } from "@/components/lib/cn";

/** % compliant as a bar with the number beside it; the bar is decoration, the number is read out. */
export function PctBar({ value, className }: { value: number | null; className?: string }) {
  const tone = value === null ? "bg-muted" : value >= 90 ? "bg-success" : value >= 60 ? "bg-sev-medium" : "bg-danger";
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <span aria-hidden="true" className="h-2 w-24 overflow-hidden rounded-full bg-muted">
        <span className={cn("block h-full rounded-full", tone)} style={{ width: `${value ?? 0}%` }} />
      </span>
      <span className="w-12 text-right tabular-nums">{value === null ? "–" : `${value.toFixed(1)}%`}</span>
    </span>
  );
}
