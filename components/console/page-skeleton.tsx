import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";

/** Loading state for a console page: heading, then a panel or a table of rows. */
export function PageSkeleton({ variant = "panel" }: { variant?: "panel" | "table" | "cards" }) {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" data-testid="page-skeleton">
      <span className="sr-only">{t("loading")}</span>
      <div className="mb-6 flex flex-col gap-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-5 w-96 max-w-full" />
      </div>
      {variant === "table" ? (
        <div className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
          <Skeleton className="h-6 w-full" />
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} className="h-10 w-full" />
          ))}
        </div>
      ) : variant === "cards" ? (
        <div className="grid gap-4 md:grid-cols-2">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-32 w-full" />
          ))}
        </div>
      ) : (
        <div className="flex flex-col gap-3 rounded-lg border border-border bg-card p-5">
          <Skeleton className="h-6 w-32" />
          <Skeleton className="h-5 w-3/4" />
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-4/5" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      )}
    </div>
  );
}
