import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/console/page-header";
import { MyActionItems } from "@/components/review/my-action-items";
import { ReviewList } from "@/components/review/review-list";
import { StartReviewButton } from "@/components/review/start-review-button";
import { requirePageUser } from "@/server/auth/guard";
import { hasRole } from "@/server/auth/roles.types";
import { myActionItems } from "@/server/review/action-items";
import { listReviews } from "@/server/review/reviews";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: t("title") };
}

const ZPage = z.coerce.number().int().min(1).max(100_000).catch(1);

/*
 * Weekly review: past reviews (?page=n, newest first), "Start review" for analysts, and the signed-in user's
 * open action items (their queue).
 * Test hooks: review-start, review-list, review-row (data-id, data-status), empty-state, my-action-items, my-action-item (data-id).
 */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params, t] = await Promise.all([requirePageUser("VIEWER"), searchParams, getTranslations("review")]);
  const canStart = hasRole(user.role, "ANALYST");
  const [list, mine] = await Promise.all([listReviews({ page: ZPage.parse(params.page) }), myActionItems(user.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={canStart ? <StartReviewButton /> : undefined} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <section aria-labelledby="review-list-title" className="min-w-0 space-y-3">
          <h2 id="review-list-title" className="text-lg font-semibold">{t("listTitle")}</h2>
          <ReviewList list={list} canStart={canStart} />
        </section>
        <MyActionItems initial={mine} renderedAt={new Date().toISOString()} />
      </div>
    </>
  );
}
