import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { getSyncStatus } from "@/server/sync/get-sync-status";
import { PageHeader } from "@/components/console/page-header";
import { ZSyncStatus } from "@/components/sync/sync-api";
import { SyncPanel } from "@/components/sync/sync-panel";
import { SyncSummary } from "@/components/sync/sync-summary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sync");
  return { title: t("title") };
}

export default async function SyncPage() {
  await requirePageUser("ADMIN");
  const [status, t, tSettings] = await Promise.all([getSyncStatus(), getTranslations("sync"), getTranslations("settings")]);
  // Exactly the JSON GET /api/sync sends, so the polled data replaces it one for one.
  const initial = ZSyncStatus.parse(JSON.parse(JSON.stringify(status)));

  return (
    <>
      <PageHeader back={{ href: "/settings", label: tSettings("back") }} title={t("title")} description={t("description")} />
      <SyncPanel initial={initial} renderedAt={new Date().toISOString()} summary={<SyncSummary status={initial} />} />
    </>
  );
}
