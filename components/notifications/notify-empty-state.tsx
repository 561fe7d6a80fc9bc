import { useTranslations } from "next-intl";
import { BellOff } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

const VARIABLES = [
  ["KANSHI_NOTIFY_WEBHOOK_URL", "webhook"],
  ["KANSHI_NOTIFY_SMTP_URL", "smtp"],
  ["KANSHI_NOTIFY_EMAIL_FROM", "from"],
  ["KANSHI_NOTIFY_EMAIL_TO", "to"],
  ["KANSHI_NOTIFY_INTERVAL_MINUTES", "interval"],
  ["KANSHI_NOTIFY_MAX_ATTEMPTS", "attempts"],
] as const;

/** No channel configured: which settings to set (they live in the environment, not in the database). */
export function NotifyEmptyState() {
  const t = useTranslations("notifications.empty");
  return (
    <EmptyState
      icon={BellOff}
      title={t("title")}
      description={
        <div className="flex flex-col gap-3 text-left" data-testid="notify-not-configured">
          <p>{t("body")}</p>
          <dl className="grid gap-x-4 gap-y-1.5 sm:grid-cols-[auto_1fr]">
            {VARIABLES.map(([name, key]) => (
              <div key={name} className="contents">
                <dt>
                  <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-foreground">{name}</code>
                </dt>
                <dd>{t(key)}</dd>
              </div>
            ))}
          </dl>
          <p>{t("readme")}</p>
        </div>
      }
    />
  );
}
