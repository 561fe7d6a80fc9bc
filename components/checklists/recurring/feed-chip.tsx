"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { CircleCheck, CircleHelp, TriangleExclamationPoint } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { TFeedStatus } from "../checklists-api";

/** The figures a feed reports, in words (unknown figure names are shown as name: value). */
export function useFeedFigures(): (feed: TFeedStatus) => string {
  const t = useTranslations("checklists.feed");
  return (feed) =>
    Object.entries(feed.counts)
      .map(([name, value]) => {
        // Figure names come from the feeds at run time: a name without a message is shown as is.
        const key = `counts.${feed.source}.${name}` as "counts.findings.open";
        return t.has(key) ? t(key, { count: value }) : `${name}: ${value}`;
      })
      .join(" · ");
}

/**
 * The live state of the area a fed item checks: OK / needs attention / no data yet, its figures and a link
 * to the list behind them. Completing the item stays a human decision. Test hooks: item-feed (data-ok), item-feed-link.
 */
export function FeedChip({ feed, now }: { feed: TFeedStatus; now: string }) {
  const t = useTranslations("checklists.feed");
  const describe = useFeedFigures();
  // Without data the figures are all zero and say nothing.
  const figures = feed.ok === null ? "" : describe(feed);
  const state = feed.ok === null ? "none" : feed.ok ? "ok" : "attention";
  const Icon = state === "ok" ? CircleCheck : state === "attention" ? TriangleExclamationPoint : CircleHelp;
  return (
    <div data-testid="item-feed" data-ok={state} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      <Badge tone={state === "ok" ? "success" : state === "attention" ? "danger" : "neutral"}>
        <Icon aria-hidden="true" className="size-3.5" />
        {t(`state.${state}`, { source: t(`source.${feed.source}`) })}
      </Badge>
      {figures ? <span>{figures}</span> : null}
      {feed.asOf ? (
        <span className="text-muted-foreground">
          {t("asOf")} <DateTime value={feed.asOf} now={now} variant="relative" />
        </span>
      ) : null}
      <Link href={feed.href} className="font-medium text-link hover:underline" data-testid="item-feed-link">
        {t(`open.${feed.source}`)}
      </Link>
    </div>
  );
}
