import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { TReviewList } from "@/server/review/review.types";

/** Past reviews, newest first, paged in the URL (?page=n); each opens unchanged as it was recorded. */
export async function ReviewList({ list, canStart }: { list: TReviewList; canStart: boolean }) {
  const [t, format] = await Promise.all([getTranslations("review"), getFormatter()]);
  if (list.total === 0) return <EmptyState title={t("listEmpty")} description={canStart ? t("listEmptyHint") : t("listEmptyViewer")} headingLevel="h3" />;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const d = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-3">
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm" data-testid="review-list">
          <thead className="text-left text-muted-foreground">
            <tr><th className="whitespace-nowrap py-2 pr-3 font-medium">{t("period")}</th><th className="whitespace-nowrap py-2 pr-3 font-medium">{t("status")}</th><th className="whitespace-nowrap py-2 pr-3 font-medium">{t("startedBy")}</th><th className="whitespace-nowrap py-2 font-medium">{t("actionItemsColumn")}</th></tr>
          </thead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id} className="border-t border-border" data-testid="review-row" data-id={r.id} data-status={r.status}>
                <td className="whitespace-nowrap py-2 pr-3"><Link href={`/review/${r.id}`} className="font-medium text-link hover:underline">{t("periodText", { start: d(r.periodStart), end: d(r.periodEnd) })}</Link></td>
                <td className="py-2 pr-3"><Badge tone={r.status === "FINAL" ? "neutral" : "info"}>{t(`status${r.status}`)}</Badge></td>
                <td className="py-2 pr-3">{r.createdBy ?? "–"}</td>
                <td className="whitespace-nowrap py-2 tabular-nums">{t("openCount", { open: r.openActionItems, total: r.actionItems })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="flex items-center justify-between text-sm" aria-label={t("pageOf", { page: list.page, pages })}>
          {list.page > 1 ? <Link href={`/review?page=${list.page - 1}`} className="text-link hover:underline">{t("previous")}</Link> : <span />}
          <span className="text-muted-foreground">{t("pageOf", { page: list.page, pages })}</span>
          {list.page < pages ? <Link href={`/review?page=${list.page + 1}`} className="text-link hover:underline">{t("next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
