import { useTranslations } from "next-intl";
import { ShieldBan } from "lucide-react";
import { StatusPage } from "./status-page";

export function ForbiddenContent() {
  const t = useTranslations();
  return (
    <StatusPage
      icon={ShieldBan}
      testId="forbidden"
      code={t("forbidden.code")}
      title={t("forbidden.title")}
      body={t("forbidden.body")}
      linkLabel={t("common.backToOverview")}
    />
  );
}
