import { useFormatter, useTranslations } from "next-intl";
import { Building2 } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { SeverityBadge } from "@/components/ui/badge";

/** Accounts, open CRITICAL and open HIGH of what the list shows. Test hook: accounts-total (data-total). */
export function AccountTotals({
  accounts,
  critical,
  high,
  scope,
}: {
  accounts: number;
  critical: number;
  high: number;
  /** what the totals cover, e.g. "All accounts" or the OU's name */
  scope: string;
}) {
  const t = useTranslations("accounts.totals");
  const format = useFormatter();
  const items = [
    { key: "accounts", label: t("accounts"), value: accounts, mark: <Building2 aria-hidden="true" className="size-4" /> },
    { key: "CRITICAL", label: t("open"), value: critical, mark: <SeverityBadge severity="CRITICAL" /> },
    { key: "HIGH", label: t("open"), value: high, mark: <SeverityBadge severity="HIGH" /> },
  ] as const;

  return (
    <section aria-labelledby="accounts-totals-title" className="mb-6">
      <h2 id="accounts-totals-title" className="sr-only">
        {t("title", { scope })}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3" data-testid="accounts-totals">
        {items.map((item) => (
          <div key={item.key} className="flex flex-col gap-1 rounded-lg border border-border bg-card p-4 shadow-sm">
            <dt className="flex items-center gap-2 text-sm text-muted-foreground">
              {item.mark}
              {item.label}
            </dt>
            <dd
              data-testid="accounts-total"
              data-total={item.key}
              data-value={item.value}
              className={cn(
                "text-3xl font-bold tabular-nums",
                item.key === "CRITICAL" && item.value > 0 && "text-danger dark:text-red-300",
              )}
            >
              {format.number(item.value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-muted-foreground" data-testid="accounts-totals-scope">
        {t("scope", { scope })}
      </p>
    </section>
  );
}
