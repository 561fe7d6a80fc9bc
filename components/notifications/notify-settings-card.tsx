import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { TNotifySettings } from "@/server/notifications/notifications.types";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[12rem_1fr]" data-testid={testId}>
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** The configured channels without their secrets (the server never sends the webhook URL or the SMTP password). */
export function NotifySettingsCard({ settings, actions }: { settings: TNotifySettings; actions?: ReactNode }) {
  const t = useTranslations("notifications.settings");
  const none = <span className="text-muted-foreground">{t("notConfigured")}</span>;
  const { webhook, email } = settings;
  return (
    <Card data-testid="notify-settings">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("changeHint")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="divide-y divide-border">
          <Row label={t("webhook")} testId="notify-webhook">
            {webhook ? (
              <span className="flex flex-col">
                <span className="font-mono break-all">{webhook.host}</span>
                <span className="text-xs text-muted-foreground">{t("webhookHint")}</span>
              </span>
            ) : (
              none
            )}
          </Row>
          <Row label={t("email")} testId="notify-email">
            {email ? (
              <span className="flex flex-col gap-0.5">
                <span>
                  {t("emailServer")}: <span className="font-mono break-all">{email.port ? `${email.host}:${email.port}` : email.host}</span>
                  {email.secure ? <span className="ml-2 text-xs text-muted-foreground">{t("secure")}</span> : null}
                </span>
                <span>
                  {t("emailFrom")}: <span className="font-mono break-all">{email.from}</span>
                </span>
                <span>
                  {t("emailTo")}: <span className="font-mono break-all">{email.to.join(", ")}</span>
                </span>
              </span>
            ) : (
              none
            )}
          </Row>
          <Row label={t("interval")} testId="notify-interval">
            {settings.intervalMinutes === 0 ? t("intervalOff") : t("intervalValue", { minutes: settings.intervalMinutes })}
          </Row>
          <Row label={t("maxAttempts")} testId="notify-max-attempts">
            {t("maxAttemptsValue", { count: settings.maxAttempts })}
          </Row>
        </dl>
        {actions}
      </CardContent>
    </Card>
  );
}
