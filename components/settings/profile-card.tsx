import { useTranslations } from "next-intl";
import { RoleBadge, type Role } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export interface ProfileCardProps {
  email: string;
  name: string | null;
  role: Role;
  locale: "en" | "ja" | null;
}

export function ProfileCard({ email, name, role, locale }: ProfileCardProps) {
  const t = useTranslations();
  return (
    <Card data-testid="profile-card">
      <CardHeader>
        <CardTitle>{t("settings.profile.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-3 text-sm">
          <dt className="text-muted-foreground">{t("settings.profile.email")}</dt>
          <dd className="font-mono break-all">{email}</dd>
          {name ? (
            <>
              <dt className="text-muted-foreground">{t("settings.profile.name")}</dt>
              <dd>{name}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">{t("settings.profile.role")}</dt>
          <dd className="flex flex-col items-start gap-1">
            <RoleBadge role={role} />
            <span className="text-muted-foreground">{t(`roleDescriptions.${role}`)}</span>
          </dd>
          <dt className="text-muted-foreground">{t("settings.profile.language")}</dt>
          <dd className="flex flex-col gap-1">
            <span>{locale ? t(`locale.${locale}`) : t("locale.browser")}</span>
            <span className="text-muted-foreground">{t("settings.profile.languageHint")}</span>
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
