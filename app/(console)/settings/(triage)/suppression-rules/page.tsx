import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { hasRole } from "@/server/auth/roles.types";
import { listSuppressionRules } from "@/server/findings/suppression-rules";
import { PageHeader } from "@/components/console/page-header";
import { SuppressionRulesPanel } from "@/components/triage-settings/suppression-rules-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("triageSettings.rules");
  return { title: t("title") };
}

// Everyone reads the rules; analysts and admins change them (the API checks the role again).
export default async function SuppressionRulesPage() {
  const user = await requirePageUser();
  const [rules, t, tSettings] = await Promise.all([listSuppressionRules(), getTranslations("triageSettings.rules"), getTranslations("settings")]);
  return (
    <>
      <PageHeader back={{ href: "/settings", label: tSettings("back") }} title={t("title")} description={t("description")} />
      <SuppressionRulesPanel initial={rules} renderedAt={new Date().toISOString()} canEdit={hasRole(user.role, "ANALYST")} />
    </>
  );
}
