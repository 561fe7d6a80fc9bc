import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowLeft, ArrowRight, BellRing } from "lucide-react";
import { requirePageUser } from "@/server/auth/guard";
import { getEnv } from "@/server/env";
import { describeNotifySettings, listDigests } from "@/server/notifications/list-deliveries";
import { CURSOR_PATTERN } from "@/server/notifications/notifications.types";
import { channelsOf, notifyConfigFromEnv } from "@/server/notifications/notify-config";
import { PageHeader } from "@/components/console/page-header";
import { DigestFilter, digestsHref } from "@/components/notifications/digest-filter";
import { DigestsTable } from "@/components/notifications/digests-table";
import { NotifyEmptyState } from "@/components/notifications/notify-empty-state";
import { NotifySettingsCard } from "@/components/notifications/notify-settings-card";
import { RetryAnnouncer } from "@/components/notifications/retry-announcer";
import { SendTestButton } from "@/components/notifications/send-test-button";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("ADMIN");
  const params = await searchParams;
  // Bad values are ignored, not reported: a hand-edited URL just shows the newest digests.
  const cursorParam = first(params.cursor);
  const cursor = cursorParam && CURSOR_PATTERN.test(cursorParam) ? cursorParam : undefined;
  const failed = ["1", "true"].includes(first(params.failed) ?? "");
  const config = notifyConfigFromEnv(getEnv());
  const channels = channelsOf(config);
  const configured = channels.length > 0;
  const [page, t, tSettings] = await Promise.all([
    listDigests({ cursor, limit: PAGE_SIZE, failedOnly: failed }),
    getTranslations("notifications"),
    getTranslations("settings"),
  ]);
  const now = new Date().toISOString();
  const showList = configured || page.items.length > 0 || cursor !== undefined || failed;

  return (
    <>
      <PageHeader back={{ href: "/settings", label: tSettings("back") }} title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        {configured ? (
          <NotifySettingsCard settings={describeNotifySettings(config)} actions={<SendTestButton />} />
        ) : (
          <NotifyEmptyState />
        )}

        {showList ? (
          <section aria-labelledby="notify-digests" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="notify-digests" className="text-lg font-semibold">
                  {t("list.title")}
                </h2>
                <p className="text-sm text-muted-foreground" data-testid="digests-counts">
                  {t("list.counts", page.counts)}
                </p>
              </div>
              <DigestFilter failed={failed} />
            </div>

            <RetryAnnouncer>
              {page.items.length === 0 ? (
                failed ? (
                  <EmptyState icon={BellRing} title={t("list.emptyFailedTitle")} description={t("list.emptyFailedBody")} headingLevel="h3" />
                ) : (
                  <EmptyState icon={BellRing} title={t("list.emptyTitle")} description={t("list.emptyBody")} headingLevel="h3" />
                )
              ) : (
                <DigestsTable digests={page.items} now={now} channels={channels} />
              )}

              {cursor || page.nextCursor ? (
                <nav aria-label={t("list.pagination")} className="flex items-center justify-between gap-2">
                  {cursor ? (
                    <Link href={digestsHref({ failed })} className={buttonVariants({ variant: "secondary" })} data-testid="digests-newest">
                      <ArrowLeft aria-hidden="true" className="size-4" />
                      {t("list.newest")}
                    </Link>
                  ) : (
                    <span />
                  )}
                  {page.nextCursor ? (
                    <Link href={digestsHref({ failed, cursor: page.nextCursor })} rel="next" className={buttonVariants({ variant: "secondary" })} data-testid="digests-older">
                      {t("list.older")}
                      <ArrowRight aria-hidden="true" className="size-4" />
                    </Link>
                  ) : null}
                </nav>
              ) : null}
            </RetryAnnouncer>
          </section>
        ) : null}
      </div>
    </>
  );
}
