import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Bell, RefreshCw, ScrollText, ShieldOff, Timer, Users } from "lucide-react";
import { requirePageUser } from "@/server/auth/guard";
import { PageHeader } from "@/components/console/page-header";
import { ProfileCard } from "@/components/settings/profile-card";
import { SettingsLinkCard } from "@/components/settings/settings-link-card";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

const LATER = ["connection", "regions", "views", "retention"] as const;

export default async function SettingsPage() {
  const [user, t, tTriage, tNotify] = await Promise.all([
    requirePageUser(),
    getTranslations("settings"),
    getTranslations("triageSettings.links"),
    getTranslations("notifications.link"),
  ]);
  const isAdmin = user.role === "ADMIN";

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <ProfileCard email={user.email} name={user.name} role={user.role} locale={user.locale} />

        {isAdmin ? (
          <section aria-labelledby="settings-organization" className="flex flex-col gap-3">
            <h2 id="settings-organization" className="text-lg font-semibold">
              {t("organization")}
            </h2>
            <SettingsLinkCard
              href="/settings/users"
              icon={Users}
              title={t("users.title")}
              description={t("users.description")}
              testId="settings-users-link"
            />
            <SettingsLinkCard
              href="/settings/sync"
              icon={RefreshCw}
              title={t("sync.title")}
              description={t("sync.description")}
              testId="settings-sync-link"
            />
            <SettingsLinkCard
              href="/settings/audit"
              icon={ScrollText}
              title={t("audit.title")}
              description={t("audit.description")}
              testId="settings-audit-link"
            />
            <SettingsLinkCard
              href="/settings/notifications"
              icon={Bell}
              title={tNotify("title")}
              description={tNotify("description")}
              testId="settings-notifications-link"
            />
          </section>
        ) : (
          <Alert tone="info" role="note" data-testid="settings-admin-only">
            {t("adminOnly")}
          </Alert>
        )}
      </div>

      <section aria-labelledby="settings-triage" className="mt-6 flex flex-col gap-3">
        <h2 id="settings-triage" className="text-lg font-semibold">
          {tTriage("section")}
        </h2>
        <div className="grid items-start gap-3 lg:grid-cols-2">
          <SettingsLinkCard href="/settings/sla" icon={Timer} title={tTriage("sla.title")} description={tTriage("sla.description")} testId="settings-sla-link" />
          <SettingsLinkCard
            href="/settings/suppression-rules"
            icon={ShieldOff}
            title={tTriage("rules.title")}
            description={tTriage("rules.description")}
            testId="settings-suppression-link"
          />
        </div>
      </section>

      {isAdmin ? (
        <Card className="mt-6">
          <CardHeader>
            <CardTitle>{t("later.title")}</CardTitle>
            <CardDescription>{t("later.intro")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid list-disc gap-x-8 gap-y-1 pl-6 text-sm sm:grid-cols-2 marker:text-muted-foreground">
              {LATER.map((key) => (
                <li key={key}>{t(`later.items.${key}`)}</li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
    </>
  );
}
