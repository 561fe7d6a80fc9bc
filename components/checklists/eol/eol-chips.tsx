"use client";

import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { EOL_BUCKETS, type TBucketCounts, type TEolBucket } from "@/server/checklists/eol/inventory.types";
import { BUCKET_STYLE } from "./eol-status";

/** Counts per status bucket for the other filters; a click filters to that bucket (again: all). Test hooks: eol-chip-<bucket> (data-count, aria-pressed). */
export function EolChips({ counts, selected, onSelect }: { counts: TBucketCounts | undefined; selected: string | null; onSelect: (bucket: TEolBucket | null) => void }) {
  const t = useTranslations("checklistsEol");
  const format = useFormatter();
  return (
    <div role="group" aria-label={t("chipsLabel")} className="flex flex-wrap items-center gap-2" data-testid="eol-chips">
      {EOL_BUCKETS.map((bucket) => {
        const on = selected?.split(",").includes(bucket) ?? false;
        const count = counts?.[bucket];
        const { className, icon: Icon } = BUCKET_STYLE[bucket];
        return (
          <button
            key={bucket}
            type="button"
            aria-pressed={on}
            data-testid={`eol-chip-${bucket}`}
            data-count={count}
            onClick={() => onSelect(on ? null : bucket)}
            className={cn(
              "inline-flex h-9 items-center gap-2 rounded-full border px-3 text-sm font-semibold transition-colors",
              on ? cn(className, "border-current ring-2 ring-inset") : "border-border bg-card text-muted-foreground hover:bg-accent hover:text-accent-foreground",
            )}
          >
            <Icon aria-hidden="true" className="size-4" />
            <span>{t(`buckets.${bucket}`)}</span>
            <span className="tabular-nums">{count === undefined ? "–" : format.number(count)}</span>
          </button>
        );
      })}
    </div>
  );
}
