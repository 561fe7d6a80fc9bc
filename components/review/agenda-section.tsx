import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import type { TAgendaSection } from "@/server/review/review.types";

// One agenda section: its title, the count linking to the list behind it, a figure change if any, and its
// first items. `size="projector"` is the meeting mode's large type.

const fmt = (v: number | null, noData: string) => (v === null ? noData : `${v}%`);

export function AgendaSection({ section, size = "page", headingLevel: Heading = "h3", itemLimit = 10 }: {
  section: TAgendaSection; size?: "page" | "projector"; headingLevel?: "h2" | "h3"; itemLimit?: number;
}) {
  const t = useTranslations("review");
  const big = size === "projector";
  const shown = section.items.slice(0, itemLimit);
  const title = t(`sections.${section.key}`);
  return (
    <section aria-label={title} data-testid="agenda-section" data-key={section.key} data-count={section.count} className={cn("break-inside-avoid", big ? "space-y-6" : "space-y-2")}>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <Heading className={cn("font-semibold", big ? "text-4xl" : "text-base")}>{title}</Heading>
        {section.href ? (
          <Link href={section.href} className={cn("font-bold text-link tabular-nums hover:underline", big ? "text-6xl" : "text-xl")} aria-label={t("showList", { count: section.count })} data-testid="agenda-count">
            {section.count}
          </Link>
        ) : (
          <span className={cn("font-bold tabular-nums", big ? "text-6xl" : "text-xl")} data-testid="agenda-count">{section.count}</span>
        )}
        {section.change ? (
          <span className={cn("text-muted-foreground tabular-nums", big ? "text-3xl" : "text-sm")} data-testid="agenda-change">
            {t("change", { before: fmt(section.change.before, t("noData")), now: fmt(section.change.now, t("noData")) })}
            {section.change.delta !== null ? ` (${section.change.delta >= 0 ? "+" : ""}${section.change.delta})` : ""}
          </span>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <p className={cn("text-muted-foreground", big ? "text-2xl" : "text-sm")}>{t("noItems")}</p>
      ) : (
        <ul className={cn(big ? "space-y-3 text-2xl" : "space-y-1 text-sm")}>
          {shown.map((item) => (
            <li key={item.id} className="flex flex-wrap gap-x-2">
              {item.href ? <Link href={item.href} className="text-link hover:underline">{item.title}</Link> : <span>{item.title}</span>}
              {item.detail ? <span className="text-muted-foreground">{item.detail}</span> : null}
            </li>
          ))}
          {section.count > shown.length && section.items.length > shown.length ? (
            <li className="text-muted-foreground">{t("moreItems", { count: section.count - shown.length })}</li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
