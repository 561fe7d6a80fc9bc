"use client";

import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { TReviewView } from "@/server/review/review.types";
import { AgendaSection } from "./agenda-section";

/**
 * The review on the projector: full screen (the Fullscreen API when the browser grants it, else a fixed layer
 * over the whole window), one agenda section per slide after a summary, large type.
 * Keys: → PageDown Space next, ← PageUp previous, Home / End, Esc leaves.
 */
export function MeetingMode({ review }: { review: TReviewView }) {
  const t = useTranslations("review");
  const format = useFormatter();
  const router = useRouter();
  const root = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const total = review.agenda.sections.length + 1;
  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    router.push(`/review/${review.id}`);
  }, [router, review.id]);

  useEffect(() => {
    root.current?.focus();
    // Browsers grant full screen only after a user gesture; without it the fixed layer is the fallback.
    root.current?.requestFullscreen?.().catch(() => undefined);
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (["ArrowRight", "PageDown", " "].includes(event.key)) setIndex((i) => Math.min(total - 1, i + 1));
      else if (["ArrowLeft", "PageUp"].includes(event.key)) setIndex((i) => Math.max(0, i - 1));
      else if (event.key === "Home") setIndex(0);
      else if (event.key === "End") setIndex(total - 1);
      else if (event.key === "Escape") leave();
      else return;
      event.preventDefault();
    };
    // The browser handles Esc itself in full screen (it only leaves full screen): leave the meeting with it.
    let wasFullscreen = false;
    const onFullscreen = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) leave();
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreen);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreen);
    };
  }, [total, leave]);

  const section = index > 0 ? review.agenda.sections[index - 1] : undefined;
  const d = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  return (
    <div ref={root} tabIndex={-1} role="region" aria-roledescription="slides" aria-label={t("meeting")} data-testid="meeting-mode" data-slide={index}
      className="fixed inset-0 z-50 flex flex-col bg-background text-foreground outline-none">
      <div className="flex items-center gap-4 border-b border-border px-8 py-4">
        <h1 className="text-2xl font-semibold">{t("title")} · {t("periodText", { start: d(review.periodStart), end: d(review.periodEnd) })}</h1>
        <span className="ml-auto text-lg text-muted-foreground tabular-nums" aria-live="polite" data-testid="meeting-position">{t("slideOf", { n: index + 1, total })}</span>
        <Button variant="ghost" size="icon" onClick={leave} aria-label={t("meetingExit")} data-testid="meeting-exit"><X className="size-6" aria-hidden="true" /></Button>
      </div>
      <div className="flex-1 overflow-auto px-12 py-10">
        {section ? (
          <AgendaSection section={section} size="projector" headingLevel="h2" itemLimit={12} />
        ) : (
          <section aria-label={t("summarySlide")} data-testid="meeting-summary" className="space-y-8">
            <h2 className="text-4xl font-semibold">{t("summarySlide")}</h2>
            <ul className="grid gap-6 text-2xl md:grid-cols-3">
              {review.agenda.sections.map((s) => (
                <li key={s.key} className="rounded-lg border border-border p-6">
                  <div className="text-muted-foreground">{t(`sections.${s.key}`)}</div>
                  <div className="text-5xl font-bold tabular-nums">{s.change?.now != null ? `${s.change.now}%` : s.count}</div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className="flex items-center justify-between border-t border-border px-8 py-3 text-muted-foreground">
        <Button variant="ghost" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0} aria-label={t("prevSlide")}><ChevronLeft className="size-6" aria-hidden="true" /></Button>
        <span>{t("meetingHelp")}</span>
        <Button variant="ghost" onClick={() => setIndex((i) => Math.min(total - 1, i + 1))} disabled={index === total - 1} aria-label={t("nextSlide")}><ChevronRight className="size-6" aria-hidden="true" /></Button>
      </div>
    </div>
  );
}
