import Link from "next/link";
import { ChevronRight, type LucideIcon } from "lucide-react";

/** A settings section the user can open: the whole card is one link. */
export function SettingsLinkCard({
  href,
  icon: Icon,
  title,
  description,
  testId,
}: {
  href: string;
  icon: LucideIcon;
  title: string;
  description: string;
  testId?: string;
}) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className="group flex items-start gap-4 rounded-lg border border-border bg-card p-5 text-card-foreground shadow-sm transition-colors hover:border-input hover:bg-accent"
    >
      <Icon aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-link" />
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="text-base font-semibold group-hover:underline">{title}</span>
        <span className="text-sm text-muted-foreground">{description}</span>
      </span>
      <ChevronRight aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-muted-foreground" />
    </Link>
  );
}
