import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";

export const CHECKLIST_TABS = ["eol", "patches", "recurring", "baseline"] as const;
export type TChecklistTab = (typeof CHECKLIST_TABS)[number];
export const DEFAULT_TAB: TChecklistTab = "recurring";

export function parseTab(value: string | string[] | undefined): TChecklistTab {
  const tab = Array.isArray(value) ? value[0] : value;
  return CHECKLIST_TABS.find((t) => t === tab) ?? DEFAULT_TAB;
}

/** The page's tabs as links (?tab=…), so each tab has its own URL. Test hooks: checklists-tab-<name> (aria-current on the open one). */
export function ChecklistsTabs({ active }: { active: TChecklistTab }) {
  const t = useTranslations("checklists.tabs");
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-1">
        {CHECKLIST_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={`/checklists?tab=${tab}`}
              data-testid={`checklists-tab-${tab}`}
              aria-current={tab === active ? "page" : undefined}
              className={cn(
                "inline-flex h-10 items-center border-b-2 px-4 text-sm font-medium",
                tab === active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
              )}
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
