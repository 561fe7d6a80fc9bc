"use client";

import { useTranslations } from "next-intl";
import { ShieldAlert } from "lucide-react";
import { TIMELINE_PRESET_IDS, type TTimelinePreset, type TTimelinePresetId } from "@/server/timeline/timeline.types";
import { cn } from "@/components/lib/cn";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The sensitive-event presets (GET /api/timeline/presets), titles translated by id; choosing the active one
 * again clears it. Test hooks: preset-picker, preset (data-id, aria-pressed).
 */
export function PresetPicker({ presets, loading, active, onChoose }: { presets: TTimelinePreset[] | undefined; loading: boolean; active: TTimelinePresetId | null; onChoose: (id: TTimelinePresetId | null) => void }) {
  const t = useTranslations("timeline.presets");
  const known = new Set<string>(TIMELINE_PRESET_IDS);
  return (
    <nav aria-labelledby="timeline-presets-heading" data-testid="preset-picker" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-3">
      <h2 id="timeline-presets-heading" className="flex items-center gap-1.5 text-sm font-semibold">
        <ShieldAlert aria-hidden="true" className="size-4" />
        {t("title")}
      </h2>
      {loading && !presets ? (
        <div className="flex flex-wrap gap-1.5 2xl:flex-col">
          {Array.from({ length: 9 }, (_, index) => (
            <Skeleton key={index} className="h-8 w-40 2xl:w-full" />
          ))}
        </div>
      ) : (
        <ul className="flex flex-wrap gap-1 2xl:flex-col 2xl:flex-nowrap 2xl:gap-0.5">
          {(presets ?? []).map((preset) => {
            const pressed = active === preset.id;
            const title = known.has(preset.id) ? t(`items.${preset.id}.title`) : preset.title;
            const description = known.has(preset.id) ? t(`items.${preset.id}.description`) : preset.description;
            return (
              <li key={preset.id}>
                <button
                  type="button"
                  data-testid="preset"
                  data-id={preset.id}
                  aria-pressed={pressed}
                  title={description}
                  onClick={() => onChoose(pressed ? null : preset.id)}
                  className={cn(
                    "rounded-full border border-border px-3 py-1 text-left text-sm hover:bg-accent 2xl:w-full 2xl:rounded-md 2xl:border-0 2xl:px-2 2xl:py-1.5",
                    pressed && "border-primary bg-primary text-primary-foreground hover:bg-primary",
                  )}
                >
                  {title}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
