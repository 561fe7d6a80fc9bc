import { useTranslations } from "next-intl";
import { ComingSoon } from "@/components/console/coming-soon";
import type { TChecklistTab } from "./checklists-tabs";

/** EOL, Patches and Baseline are not built yet: say what each will hold, show no numbers. Test hook: coming-soon (data-tab). */
export function TabPlaceholder({ tab }: { tab: Exclude<TChecklistTab, "recurring"> }) {
  const t = useTranslations("checklists");
  return (
    <section aria-labelledby={`tab-${tab}-heading`} data-tab={tab}>
      <h2 id={`tab-${tab}-heading`} className="mb-3 text-lg font-semibold">{t(`tabs.${tab}`)}</h2>
      <ComingSoon items={[t(`planned.${tab}`)]} />
    </section>
  );
}
