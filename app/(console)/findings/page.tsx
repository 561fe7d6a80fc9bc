import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { PageSkeleton } from "@/components/console/page-skeleton";
import { FindingsView } from "@/components/findings/findings-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("findings");
  return { title: t("title") };
}

/*
 * The findings queue. The URL holds the whole view (the filter parameters of GET /api/findings,
 * sort, dir, and ?finding=<id> for the drawer), so any view can be shared and reloaded.
 *
 * Test hooks (data-testid):
 *   list      finding-row (data-id, data-severity, data-status, data-index, data-active), finding-title,
 *             findings-table, list-loading, empty-state, empty-reset, list-error, list-error-message,
 *             list-reset, list-retry, result-count (data-count)
 *   counts    severity-chips, severity-chip-<SEVERITY> (data-count, aria-pressed)
 *   filter    filter-add, filter-add-<field>, filter-chip (data-field), filter-chip-remove, filter-editor,
 *             filter-option (data-value), filter-apply, filter-from, filter-to, filter-reset,
 *             search-input, sort-select, sort-dir
 *   select    row-select, select-all-loaded, action-bar (data-count), action-status, action-assign,
 *             action-note, action-suppress, action-unsuppress, action-retry, select-all-matching,
 *             select-all-dialog, select-all-confirm, select-all-too-many, selection-clear,
 *             confirm-count (data-count), suppression-expired
 *   dialogs   triage-dialog, status-select, assign-select, note-input, suppress-reason, suppress-until,
 *             action-submit, triage-error, triage-invalid, toast (data-tone), shortcut-help, shortcuts-button
 *   drawer    drawer (data-id), drawer-close, drawer-open-page, finding-detail (data-id, data-status),
 *             drawer-tab-<overview|resources|history|related|events|raw>, write-back-state (data-state),
 *             history-entry (data-origin), related-finding (data-id), events-link, raw-json, retry-result,
 *             detail-loading, detail-error, detail-retry, finding-note, guardduty-facts, resource-list;
 *             /findings/<id>: finding-page plus the same detail hooks
 *   header    views-menu, view-item, views-save, views-manage, view-name, view-shared, view-submit,
 *             view-delete, view-save-dialog, view-manage-dialog, export-menu, export-csv, export-json,
 *             import-button (ANALYST/ADMIN; opens the import dialog)
 */
export default async function FindingsPage() {
  // The console layout has already checked the session; this reads the same (cached) user for the role.
  const user = await requirePageUser("VIEWER");
  return (
    <Suspense fallback={<PageSkeleton variant="table" />}>
      <FindingsView role={user.role} userId={user.id} renderedAt={new Date().toISOString()} />
    </Suspense>
  );
}
