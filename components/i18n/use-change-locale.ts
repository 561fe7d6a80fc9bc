"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { apiFetch } from "@/components/lib/api-client";
import type { TLocale } from "@/server/i18n/locales.types";

/**
 * Signed-in users store the language on their profile (PATCH /api/me);
 * on the login page there is no profile yet, so it goes into a cookie (POST /api/locale).
 * Either way the server renders the next page in the new language.
 */
export function useChangeLocale(target: "profile" | "cookie") {
  const router = useRouter();
  const t = useTranslations("locale");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const changeLocale = useCallback(
    (locale: TLocale) => {
      setError(null);
      startTransition(async () => {
        try {
          await apiFetch(target === "profile" ? "/api/me" : "/api/locale", {
            method: target === "profile" ? "PATCH" : "POST",
            body: { locale },
          });
          router.refresh();
        } catch {
          setError(t("changeFailed"));
        }
      });
    },
    [router, t, target],
  );

  return { changeLocale, pending, error, clearError: () => setError(null) };
}
