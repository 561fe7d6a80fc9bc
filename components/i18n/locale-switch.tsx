"use client";

import { useLocale, useTranslations } from "next-intl";
import { Languages } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { LOCALES } from "@/server/i18n/locales.types";
import { useChangeLocale } from "./use-change-locale";
import { FloatingError } from "@/components/ui/floating-error";

/** Two-button language switch (test hooks: locale-en, locale-ja). */
export function LocaleSwitch({ target, className }: { target: "profile" | "cookie"; className?: string }) {
  const t = useTranslations("locale");
  const current = useLocale();
  const { changeLocale, pending, error } = useChangeLocale(target);

  return (
    <div className={cn("relative", className)}>
      <div
        role="group"
        aria-label={t("label")}
        aria-busy={pending || undefined}
        className="flex h-10 items-center gap-0.5 rounded-md border border-border bg-card p-0.5"
      >
        <Languages aria-hidden="true" className="mx-1.5 hidden size-4 text-muted-foreground sm:block" />
        {LOCALES.map((locale) => {
          const active = current === locale;
          return (
            <button
              key={locale}
              type="button"
              lang={locale}
              data-testid={`locale-${locale}`}
              aria-pressed={active}
              disabled={pending}
              onClick={() => {
                if (!active) changeLocale(locale);
              }}
              className={cn(
                "h-full rounded px-2.5 text-sm font-medium transition-colors disabled:opacity-60",
                active ? "bg-primary text-primary-foreground" : "text-foreground hover:bg-accent",
              )}
            >
              {t(locale)}
            </button>
          );
        })}
      </div>
      <FloatingError message={error} />
    </div>
  );
}
