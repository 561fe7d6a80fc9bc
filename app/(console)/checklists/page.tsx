import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { hasRole } from "@/server/auth/roles.types";
import { listChecklists } from "@/server/checklists/recurring/checklists";
import { PageHeader } from "@/components/console/page-header";
import { ChecklistsTabs, parseTab } from "@/components/checklists/checklists-tabs";
import { parseRecurringState } from "@/components/checklists/checklists-api";
import { RecurringPanel, type TRecurringView } from "@/components/checklists/recurring-panel";
import { BaselinePanel } from "@/components/checklists/baseline/baseline-panel";
import { EolPanel } from "@/components/checklists/eol/eol-panel";
import { PatchesPanel } from "@/components/checklists/patches/patches-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.checklists");
  return { title: t("title") };
}

/*
 * Checklists: tabs EOL, Patches, Recurring, Baseline; the tab is in the URL (?tab=recurring, the default).
 * Recurring shows this period's items, overdue first; analysts and admins complete them and create / edit checklists
 * (the API checks the role again); ?state=overdue shows only the overdue items (the overview's and the weekly review's
 * overdue checklist figure link here); ?checklist=<id>&view=history&page=n shows one checklist's history.
 *
 * Test hooks (data-testid):
 *   tabs       checklists-tab-<eol|patches|recurring|baseline> (aria-current="page" on the open one), coming-soon
 *   recurring  recurring-summary (data-overdue, data-due), recurring-overdue-link, recurring-filter (data-state),
 *              recurring-show-all, recurring-empty-show-all, checklist-hidden-items (data-count),
 *              checklist-card (data-template, data-id), checklist-cadence,
 *              checklist-item (data-state, data-id), item-complete, item-completion, item-source,
 *              recurring-loading, recurring-error, recurring-retry, empty-state, complete-confirmation, checklist-new,
 *              checklist-edit, checklist-owner, checklist-history-link, item-feed (data-ok), item-feed-link
 *   editor     checklist-editor, editor-* (components/checklists/recurring/checklist-editor.tsx)
 *   history    checklist-history, history-period (data-key), history-entry (data-state, data-item), history-back
 *   dialog     complete-dialog, complete-result-ok, complete-result-issue, complete-note, complete-link,
 *              complete-submit, complete-error
 */
export default async function ChecklistsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params, t] = await Promise.all([requirePageUser("VIEWER"), searchParams, getTranslations("pages.checklists")]);
  const tab = parseTab(params.tab);
  const view = recurringView(params);
  const checklists = tab === "recurring" && view.kind === "list" ? await listChecklists() : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ChecklistsTabs active={tab} />
      {tab === "recurring" && (
        <RecurringPanel initial={checklists} renderedAt={new Date().toISOString()} canComplete={hasRole(user.role, "ANALYST")} canRestore={hasRole(user.role, "ADMIN")} view={view} />
      )}
      {tab === "eol" && <EolPanel user={user} params={params} />}
      {tab === "patches" && <PatchesPanel user={user} params={params} />}
      {tab === "baseline" && <BaselinePanel user={user} params={params} />}
    </>
  );
}

function recurringView(params: Record<string, string | string[] | undefined>): TRecurringView {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const checklist = one(params.checklist);
  if (one(params.view) !== "history" || !checklist || !/^[A-Za-z0-9_-]{1,60}$/.test(checklist)) return { kind: "list", state: parseRecurringState(params.state) };
  const page = Number(one(params.page) ?? "1");
  return { kind: "history", checklist, page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1 };
}
