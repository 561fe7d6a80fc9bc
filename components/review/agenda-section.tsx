import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import type { TAgendaFacts, TAgendaItem, TAgendaSection } from "@/server/review/review.types";

// One agenda section: its title, the count linking to the list behind it, a figure change if any, and its
// first items. `size="projector"` is the meeting mode's large type.

const fmt = (v: number | null, noData: string) => (v === null ? noData : `${v}%`);
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];
const STANDARD_KEYS = ["fsbp", "cis"];

/** An item's title and detail in the reader's language from its facts; the stored English text for older agendas. */
function useItemWords() {
  const t = useTranslations("review");
  const tSeverity = useTranslations("severity");
  const tStandard = useTranslations("findings.values.standard");
  const format = useFormatter();
  const date = (value: string) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(d.getTime()) ? value : format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  };
  const standard = (key: string) => (STANDARD_KEYS.includes(key) ? tStandard(key as "fsbp") : key);
  const detail = (f: TAgendaFacts): string => [
    f.standard !== undefined ? (f.score === null || f.score === undefined ? t("noData") : t("facts.score", { score: f.score })) : null,
    f.delta !== undefined && f.delta !== null ? t("facts.delta", { delta: `${f.delta >= 0 ? "+" : ""}${f.delta}` }) : null,
    f.severity ? (SEVERITIES.includes(f.severity) ? tSeverity(f.severity as "CRITICAL") : f.severity) : null,
    f.instances !== undefined ? t("facts.compliant", { compliant: f.compliant ?? 0, instances: f.instances }) : null,
    f.date && f.instances === undefined ? date(f.date) : null,
    f.daysOverdue !== undefined ? t("facts.daysOverdue", { count: f.daysOverdue }) : null,
    f.accountId ?? null,
  ].filter(Boolean).join(" · ");
  return (item: TAgendaItem): { title: string; detail: string | null } => {
    const f = item.facts;
    if (!f) return { title: item.title, detail: item.detail };
    const title = f.standard !== undefined ? standard(f.standard) : f.instances !== undefined && f.date ? date(f.date) : item.title;
    return { title, detail: detail(f) || null };
  };
}

export function AgendaSection({ section, size = "page", headingLevel: Heading = "h3", itemLimit = 10 }: {
  section: TAgendaSection; size?: "page" | "projector"; headingLevel?: "h2" | "h3"; itemLimit?: number;
}) {
  const t = useTranslations("review");
  const words = useItemWords();
  const big = size === "projector";
  const shown = section.items.slice(0, itemLimit);
  const title = t(`sections.${section.key}`);
  // Patch compliance is a rate: its figure is the percentage (its count, the instances, is in the items).
  const figure = section.key === "patches" && section.change?.now != null ? t("facts.patchFigure", { value: section.change.now }) : section.count;
  return (
    <section aria-label={title} data-testid="agenda-section" data-key={section.key} data-count={section.count} className={cn("break-inside-avoid", big ? "space-y-6" : "space-y-2")}>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <Heading className={cn("font-semibold", big ? "text-4xl" : "text-base")}>{title}</Heading>
        {section.href ? (
          <Link href={section.href} className={cn("font-bold text-link tabular-nums hover:underline", big ? "text-6xl" : "text-xl")} aria-label={t("showList", { count: section.count })} data-testid="agenda-count">
            {figure}
          </Link>
        ) : (
          <span className={cn("font-bold tabular-nums", big ? "text-6xl" : "text-xl")} data-testid="agenda-count">{figure}</span>
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
          {shown.map((item) => {
            const { title: itemTitle, detail } = words(item);
            return (
              <li key={item.id} className="flex flex-wrap gap-x-2">
                {item.href ? <Link href={item.href} className="text-link hover:underline">{itemTitle}</Link> : <span>{itemTitle}</span>}
                {detail ? <span className="text-muted-foreground">{detail}</span> : null}
              </li>
            );
          })}
          {section.count > shown.length && section.items.length > shown.length ? (
            <li className="text-muted-foreground">{t("moreItems", { count: section.count - shown.length })}</li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
