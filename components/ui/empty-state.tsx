import type { ReactNode } from "react";
import { Inbox, type LucideIcon } from "lucide-react";
import { cn } from "@/components/lib/cn";

export interface EmptyStateProps {
  title: string;
  /** Says what to do next. */
  description?: ReactNode;
  icon?: LucideIcon;
  action?: ReactNode;
  className?: string;
  headingLevel?: "h2" | "h3";
}

export function EmptyState({
  title,
  description,
  icon: Icon = Inbox,
  action,
  className,
  headingLevel: Heading = "h2",
}: EmptyStateProps) {
  return (
    <div
      data-testid="empty-state"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-border px-6 py-12 text-center",
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-10 text-muted-foreground" />
      <Heading className="text-lg font-semibold">{title}</Heading>
      {description ? <div className="max-w-prose text-sm text-muted-foreground">{description}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
