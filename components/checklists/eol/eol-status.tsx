"use client";

import { useTranslations } from "next-intl";
import { CircleCheck, CircleHelp, Clock, OctagonX, TriangleAlert, type LucideIcon } from "lucide-react";
import { cn } from "@/components/lib/cn";
import type { TEolBucket } from "@/server/checklists/eol/inventory.types";

/** Status colors and shapes: never color alone (each bucket has its own icon and label). */
export const BUCKET_STYLE: Record<TEolBucket, { className: string; icon: LucideIcon }> = {
  eol: { className: "bg-danger-soft text-danger ring-danger/40 dark:text-red-300", icon: OctagonX },
  eol30: { className: "bg-danger-soft text-danger ring-danger/40 dark:text-red-300", icon: TriangleAlert },
  eol90: { className: "bg-warning-soft text-warning-foreground ring-current/30", icon: TriangleAlert },
  eol180: { className: "bg-blue-100 text-blue-900 ring-blue-900/20 dark:bg-blue-950 dark:text-blue-100", icon: Clock },
  supported: { className: "bg-success-soft text-success ring-success/40", icon: CircleCheck },
  unknown: { className: "bg-muted text-foreground ring-border", icon: CircleHelp },
};

export function StatusBadge({ status, className }: { status: TEolBucket; className?: string }) {
  const t = useTranslations("checklistsEol.buckets");
  const { className: tone, icon: Icon } = BUCKET_STYLE[status];
  return (
    <span data-testid="eol-status" data-status={status} className={cn("inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs leading-5 font-semibold whitespace-nowrap ring-1 ring-inset", tone, className)}>
      <Icon aria-hidden="true" className="size-3.5" />
      {t(status)}
    </span>
  );
}
