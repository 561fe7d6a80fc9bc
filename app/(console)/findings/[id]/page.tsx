import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { FindingPage } from "@/components/findings/finding-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("findings.page");
  return { title: t("title") };
}

/** /findings/<id>: one finding as a page (the list's drawer is /findings?finding=<id>). Same test hooks as the drawer. */
export default async function FindingDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const [user, { id }] = await Promise.all([requirePageUser("VIEWER"), params]);
  return <FindingPage id={decodeURIComponent(id)} role={user.role} userId={user.id} renderedAt={new Date().toISOString()} />;
}
