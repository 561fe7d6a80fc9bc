import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/console/coming-soon";
import { PageHeader } from "@/components/console/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.timeline");
  return { title: t("title") };
}

export default async function TimelinePage() {
  const t = await getTranslations("pages.timeline");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ComingSoon
        items={[
          t("planned.histogram"),
          t("planned.presets"),
          t("planned.grouped"),
          t("planned.drawer"),
        ]}
      />
    </>
  );
}
