import type { HTMLAttributes } from "react";
import { CircleCheck, CircleExclamationPoint, Info } from "lucide-react";
import { cn } from "@/components/lib/cn";

export type AlertTone = "danger" | "info" | "success";

const tones: Record<AlertTone, string> = {
  danger: "border-danger/40 bg-danger-soft text-danger dark:text-red-300",
  info: "border-border bg-muted text-foreground",
  success: "border-success/40 bg-success-soft text-success",
};

const icons = { danger: CircleExclamationPoint, info: Info, success: CircleCheck };

/**
 * Inline message box. Errors are announced (role="alert"); other tones are polite (role="status").
 * Render it only when there is something to say, so screen readers announce the change.
 */
export function Alert({ tone = "info", className, children, ...props }: HTMLAttributes<HTMLDivElement> & { tone?: AlertTone }) {
  const Icon = icons[tone];
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("flex items-start gap-2 rounded-md border px-3 py-2 text-sm", tones[tone], className)}
      {...props}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
