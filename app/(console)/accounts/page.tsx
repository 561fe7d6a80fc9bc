import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/console/coming-soon";
import { PageHeader } from "@/components/console/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.accounts");
  return { title: t("title") };
}

export default async function AccountsPage() {
  const t = await getTranslations("pages.accounts");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ComingSoon
        items={[
          t("planned.tree"),
          t("planned.posture"),
          t("planned.sync"),
        ]}
      />
    </>
  );
}
