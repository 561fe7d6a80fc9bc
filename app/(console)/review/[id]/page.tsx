import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { MeetingMode } from "@/components/review/meeting-mode";
import { ReviewWorkspace } from "@/components/review/review-workspace";
import { requirePageUser } from "@/server/auth/guard";
import { hasRole } from "@/server/auth/roles.types";
import { AppError } from "@/server/http/app-error";
import { getReview } from "@/server/review/reviews";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

// While printing (?print=1) only the review shows: the console's frame is hidden.
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  [data-print-root], [data-print-root] * { visibility: visible; }
  [data-print-root] { position: absolute; inset: 0 auto auto 0; width: 100%; }
  a { color: inherit; text-decoration: none; }
}`;

/*
 * One review: ?mode=meeting is the projector view, ?print=1 the print-friendly page; otherwise the agenda and
 * the meeting's record (editable by analysts while DRAFT).
 * Test hooks: review-page (data-status), review-status, review-period, agenda-section (data-key, data-count), agenda-count,
 *   review-attendee(s), attendee-user, attendee-name, attendee-add, decision-input, decision-add, review-decision, review-notes,
 *   action-items, action-item (data-id, data-status), action-item-title|owner|due|link|add|add-error|edit|delete|done|link-open,
 *   action-item-editor (data-id), action-item-edit-title|owner|due|link, action-item-save|cancel, action-item-edit-error,
 *   action-item-delete-dialog, action-item-delete-confirm, review-save, review-saved,
 *   review-finalize, review-refresh, review-meeting, review-print, review-export-pdf|csv, meeting-mode (data-slide),
 *   meeting-position, meeting-summary, meeting-exit.
 */
export default async function ReviewDetailPage({ params, searchParams }: {
  params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, { id }, query, t] = await Promise.all([requirePageUser("VIEWER"), params, searchParams, getTranslations("review")]);
  const review = await getReview(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (query.mode === "meeting") return <MeetingMode review={review} />;
  const print = query.print === "1";
  return (
    <>
      {print ? <style>{PRINT_CSS}</style> : null}
      <PageHeader title={t("title")} back={{ href: "/review", label: t("back") }} />
      <ReviewWorkspace key={review.updatedAt} initial={review} renderedAt={new Date().toISOString()} canEdit={hasRole(user.role, "ANALYST")} currentUserId={user.id} print={print} />
    </>
  );
}
