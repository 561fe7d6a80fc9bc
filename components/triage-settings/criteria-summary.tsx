import { useTranslations } from "next-intl";
import { CRITERIA_KEYS, type TSuppressionCriteria } from "@/server/findings/triage-settings.types";

const SHOWN = 3;

/** "Accounts: Prod (1111…), +2 more · Controls: S3.1": what a rule matches, with names where known. */
export function CriteriaSummary({
  criteria,
  accountNames,
  ouNames,
}: {
  criteria: TSuppressionCriteria;
  accountNames?: Map<string, string>;
  ouNames?: Map<string, string>;
}) {
  const t = useTranslations("triageSettings.criteria");
  const label = (key: (typeof CRITERIA_KEYS)[number], value: string) => {
    if (key === "accountIds") return accountNames?.get(value) ? `${accountNames.get(value)} (${value})` : value;
    if (key === "ouIds") return ouNames?.get(value) ? `${ouNames.get(value)} (${value})` : value;
    return value;
  };
  return (
    <dl className="flex flex-col gap-1 text-sm" data-testid="rule-criteria">
      {CRITERIA_KEYS.map((key) => {
        const raw = criteria[key];
        if (!raw || (Array.isArray(raw) && raw.length === 0)) return null;
        const values = Array.isArray(raw) ? raw : [raw];
        const extra = values.length - SHOWN;
        return (
          <div key={key} className="flex flex-wrap items-baseline gap-x-1.5">
            <dt className="text-xs font-semibold text-muted-foreground">
              {t(key)}
              {key === "ouIds" ? ` (${t("subOus")})` : null}:
            </dt>
            <dd className="min-w-0 break-all font-mono text-xs" title={values.map((v) => label(key, v)).join("\n")}>
              {values.slice(0, SHOWN).map((v) => label(key, v)).join(", ")}
              {extra > 0 ? <span className="ml-1 font-sans text-muted-foreground">{t("more", { count: extra })}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
