import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { hasRole } from "@/server/auth/roles.types";
import { listChecklists } from "@/server/checklists/recurring/checklists";
import { PageHeader } from "@/components/console/page-header";
import { ChecklistsTabs, parseTab } from "@/components/checklists/checklists-tabs";
import { RecurringPanel } from "@/components/checklists/recurring-panel";
import { BaselinePanel } from "@/components/checklists/baseline/baseline-panel";
import { EolPanel } from "@/components/checklists/eol/eol-panel";
import { PatchesPanel } from "@/components/checklists/patches/patches-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.checklists");
  return { title: t("title") };
}

/*
 * Checklists: tabs EOL, Patches, Recurring, Baseline; the tab is in the URL (?tab=recurring, the default).
 * Recurring shows this period's items, overdue first; analysts and admins complete them (the API checks the role again).
 *
 * Test hooks (data-testid):
 *   tabs       checklists-tab-<eol|patches|recurring|baseline> (aria-current="page" on the open one), coming-soon
 *   recurring  recurring-summary (data-overdue, data-due), checklist-card (data-template, data-id), checklist-cadence,
 *              checklist-item (data-state, data-id), item-complete, item-completion, item-source,
 *              recurring-loading, recurring-error, recurring-retry, empty-state, complete-confirmation
 *   dialog     complete-dialog, complete-result-ok, complete-result-issue, complete-note, complete-link,
 *              complete-submit, complete-error
 */
export default async function ChecklistsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params, t] = await Promise.all([requirePageUser("VIEWER"), searchParams, getTranslations("pages.checklists")]);
  const tab = parseTab(params.tab);
  const checklists = tab === "recurring" ? await listChecklists() : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ChecklistsTabs active={tab} />
      {tab === "recurring" && <RecurringPanel initial={checklists} renderedAt={new Date().toISOString()} canComplete={hasRole(user.role, "ANALYST")} />}
      {tab === "eol" && <EolPanel user={user} params={params} />}
      {tab === "patches" && <PatchesPanel user={user} params={params} />}
      {tab === "baseline" && <BaselinePanel user={user} params={params} />}
    </>
  );
}
