import type { HTMLAttributes } from "react";
import { useFormatter, useTranslations } from "next-intl";
import {
  CircleArrowDown,
  CircleExclamationPoint,
  Info,
  OctagonExclamationPoint,
  TriangleExclamationPoint,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/components/lib/cn";
import type { TRole } from "@/server/auth/roles.types";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger" | "outline";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-muted text-foreground",
  info: "bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100",
  success: "bg-success-soft text-success ring-1 ring-inset ring-current/30",
  warning: "bg-warning-soft text-warning-foreground ring-1 ring-inset ring-current/30",
  danger: "bg-danger-soft text-danger ring-1 ring-inset ring-current/30 dark:text-red-300",
  outline: "border border-border text-foreground",
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs leading-5 font-semibold whitespace-nowrap",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}

// ─── roles ───────────────────────────────────────────────────────────────

export type Role = TRole;

const roleClasses: Record<Role, string> = {
  ADMIN: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100",
  ANALYST: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-100",
  VIEWER: "bg-muted text-foreground",
};

/** The role's translated name; `data-role` keeps the code for tests. */
export function RoleBadge({ role, className }: { role: Role; className?: string }) {
  const t = useTranslations("roles");
  return (
    <span
      data-testid="role-badge"
      data-role={role}
      className={cn(
        "inline-flex items-center rounded-md px-2 py-0.5 text-xs leading-5 font-semibold whitespace-nowrap",
        roleClasses[role],
        className,
      )}
    >
      {t(role)}
    </span>
  );
}

// ─── severity ────────────────────────────────────────────────────────────

export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL";

const severityStyles: Record<Severity, { className: string; icon: LucideIcon }> = {
  CRITICAL: { className: "bg-sev-critical text-sev-critical-foreground", icon: OctagonExclamationPoint },
  HIGH: { className: "bg-sev-high text-sev-high-foreground", icon: TriangleExclamationPoint },
  MEDIUM: { className: "bg-sev-medium text-sev-medium-foreground", icon: CircleExclamationPoint },
  LOW: { className: "bg-sev-low text-sev-low-foreground", icon: CircleArrowDown },
  INFORMATIONAL: { className: "bg-sev-info text-sev-info-foreground", icon: Info },
};

/** Severity is never color alone: every badge carries an icon shape and its label. */
export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  const t = useTranslations("severity");
  const { className: toneClass, icon: Icon } = severityStyles[severity];
  return (
    <span
      data-severity={severity}
      className={cn(
        "inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs leading-5 font-bold tracking-wide whitespace-nowrap",
        toneClass,
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-3.5" />
      {t(severity)}
    </span>
  );
}

/**
 * A compact count of one severity, e.g. open findings of an account: the severity's icon shape and
 * color with the number; the label is spoken by screen readers and shown on hover.
 * Zero is drawn quietly so the non-zero counts stand out.
 */
export function SeverityCount({ severity, count, className }: { severity: Severity; count: number; className?: string }) {
  const t = useTranslations("severity");
  const format = useFormatter();
  const { className: toneClass, icon: Icon } = severityStyles[severity];
  const label = `${t(severity)}: ${format.number(count)}`;
  return (
    <span
      data-testid="severity-count"
      data-severity={severity}
      data-count={count}
      title={label}
      className={cn(
        "inline-flex h-6 min-w-11 items-center justify-center gap-1 rounded-md px-1.5 text-xs tabular-nums whitespace-nowrap",
        count === 0 ? "font-medium text-muted-foreground ring-1 ring-border ring-inset" : cn("font-bold", toneClass),
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="sr-only">{t(severity)}: </span>
      {format.number(count)}
    </span>
  );
}
