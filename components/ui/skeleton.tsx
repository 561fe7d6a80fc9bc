import type { HTMLAttributes } from "react";
import { cn } from "@/components/lib/cn";

/** A grey placeholder block. Purely decorative: wrap a group of them in an element with role="status". */
export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
