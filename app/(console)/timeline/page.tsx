import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { PageHeader } from "@/components/console/page-header";
import { PageSkeleton } from "@/components/console/page-skeleton";
import { TimelineView } from "@/components/timeline/timeline-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.timeline");
  return { title: t("title") };
}

/*
 * The CloudTrail timeline across the organization. The URL holds the whole view: the filter parameters of
 * GET /api/timeline/events (from, to, principal, eventName, eventSource, account, region, sourceIp, resource,
 * readOnly, errorsOnly, q, preset), `range` (24h | 7d | 30d | 90d, relative to now; default 7d) and
 * ?event=<id> for the drawer.
 *
 * Test hooks (data-testid):
 *   list      event-list, event-row (data-id, data-account, data-name, data-index, data-active), event-name,
 *             day-header (data-day), loading-more, list-loading, empty-state, empty-reset, empty-widen, list-error,
 *             list-error-message, list-reset, list-retry, result-count (data-count), refresh
 *   histogram histogram (data-total, data-buckets), histogram-chart, histogram-loading
 *   presets   preset-picker, preset (data-id, aria-pressed)
 *   filter    range-<24h|7d|30d|90d>, range-custom, range-editor, range-from, range-to, range-apply, range-invalid,
 *             filter-add, filter-add-<field>, filter-chip (data-field), filter-chip-remove, filter-editor (data-field),
 *             filter-input, filter-invalid, filter-option (data-value), filter-apply, filter-reset, search-input
 *   drawer    event-drawer (data-id), drawer-close, event-detail, detail-loading, detail-error, detail-retry,
 *             event-field (data-field), event-resource, event-finding (data-id), no-findings, pivot-principal,
 *             pivot-resource, raw-json
 *   ingest    ingest-panel (data-running, data-events), ingest-scopes, ingest-scope (data-account, data-region, data-status,
 *             data-percent), ingest-sync, ingest-backfill, ingest-error (ANALYST/ADMIN); trail-upload, upload-dialog,
 *             upload-input, upload-submit, upload-result (data-failed), upload-file (data-file, data-ok), retention-open,
 *             retention-dialog, retention-input, retention-save (ADMIN)
 */
export default async function TimelinePage() {
  const user = await requirePageUser("VIEWER");
  const t = await getTranslations("pages.timeline");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Suspense fallback={<PageSkeleton variant="table" />}>
        <TimelineView role={user.role} renderedAt={new Date().toISOString()} />
      </Suspense>
    </>
  );
}
