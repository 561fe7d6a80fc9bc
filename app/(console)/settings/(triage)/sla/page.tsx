import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { getSlaPolicy } from "@/server/findings/sla-policy";
import { PageHeader } from "@/components/console/page-header";
import { SlaPolicyForm } from "@/components/triage-settings/sla-policy-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("triageSettings.sla");
  return { title: t("title") };
}

// Everyone reads the policy; admins change it (PUT /api/settings/sla checks the role again).
export default async function SlaPolicyPage() {
  const user = await requirePageUser();
  const [policy, t, tSettings] = await Promise.all([getSlaPolicy(), getTranslations("triageSettings.sla"), getTranslations("settings")]);
  return (
    <>
      <PageHeader back={{ href: "/settings", label: tSettings("back") }} title={t("title")} description={t("description")} />
      <SlaPolicyForm initial={policy} canEdit={user.role === "ADMIN"} now={new Date().toISOString()} />
    </>
  );
}
