import { useTranslations } from "next-intl";
import { CircleCheck, CircleMinus, CircleQuestionMark, CircleX } from "lucide-react";
import { cn } from "@/components/lib/cn";
import type { TBaselineStatus } from "@/server/checklists/baseline/baseline.types";

const STYLE: Record<TBaselineStatus | "none", { icon: typeof CircleCheck; className: string }> = {
  PASS: { icon: CircleCheck, className: "bg-success-soft text-success ring-1 ring-inset ring-current/30" },
  FAIL: { icon: CircleX, className: "bg-danger-soft text-danger ring-1 ring-inset ring-current/30 dark:text-red-300" },
  UNKNOWN: { icon: CircleQuestionMark, className: "bg-warning-soft text-warning-foreground ring-1 ring-inset ring-current/30" },
  none: { icon: CircleMinus, className: "bg-muted text-muted-foreground" },
};

/** Pass / fail / unknown as icon and text (never colour alone). */
export function BaselineStatus({ status, className }: { status: TBaselineStatus | "none"; className?: string }) {
  const t = useTranslations("checklistsBaseline.status");
  const { icon: Icon, className: tone } = STYLE[status];
  return (
    <span className={cn("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", tone, className)}>
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      {t(status)}
    </span>
  );
}
