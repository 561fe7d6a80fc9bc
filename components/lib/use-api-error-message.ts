"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { isApiError } from "./api-client";

/**
 * Turns anything thrown by apiFetch into one sentence for the user.
 * A 4xx with a message from the API (e.g. "Admins cannot demote themselves") is shown as is;
 * everything else gets a translated generic text.
 */
export function useApiErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t("unexpected", { status: "?" });
      if (error.status === 0) return t("network");
      if (error.status === 401) return t("unauthorized");
      const fromServer = error.message.trim();
      if (error.status >= 400 && error.status < 500 && fromServer !== "" && !error.code.startsWith("HTTP_")) {
        return fromServer;
      }
      if (error.status === 403) return t("forbidden");
      return t("unexpected", { status: String(error.status) });
    },
    [t],
  );
}
