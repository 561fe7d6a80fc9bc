import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/console/coming-soon";
import { PageHeader } from "@/components/console/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  const t = await getTranslations("pages.overview");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ComingSoon
        items={[
          t("planned.kpis"),
          t("planned.trends"),
          t("planned.accounts"),
          t("planned.sidePanel"),
          t("planned.drilldown"),
        ]}
      />
    </>
  );
}
