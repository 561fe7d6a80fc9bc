import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/console/coming-soon";
import { PageHeader } from "@/components/console/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.review");
  return { title: t("title") };
}

export default async function ReviewPage() {
  const t = await getTranslations("pages.review");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ComingSoon
        items={[
          t("planned.changes"),
          t("planned.agenda"),
          t("planned.meeting"),
          t("planned.export"),
        ]}
      />
    </>
  );
}
