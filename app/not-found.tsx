import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FileQuestionMark } from "lucide-react";
import { StatusPage } from "@/components/console/status-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main className="px-4">
      <StatusPage
        icon={FileQuestionMark}
        testId="not-found"
        code={t("notFound.code")}
        title={t("notFound.title")}
        body={t("notFound.body")}
        linkLabel={t("common.backToOverview")}
      />
    </main>
  );
}
