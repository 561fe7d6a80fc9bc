import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/** Shared body of the 403 and 404 pages. */
export function StatusPage({
  icon: Icon,
  code,
  title,
  body,
  linkLabel,
  testId,
}: {
  icon: LucideIcon;
  code: string;
  title: string;
  body: string;
  linkLabel: string;
  testId: string;
}) {
  return (
    <div data-testid={testId} className="mx-auto flex max-w-xl flex-col items-start gap-4 py-12">
      <Icon aria-hidden="true" className="size-10 text-muted-foreground" />
      <p className="text-sm font-semibold tracking-wide text-muted-foreground uppercase">{code}</p>
      <h1 className="text-2xl font-bold lg:text-3xl">{title}</h1>
      <p className="text-base text-muted-foreground">{body}</p>
      <Link href="/overview" className={buttonVariants({ variant: "primary" })}>
        {linkLabel}
      </Link>
    </div>
  );
}
