"use client";

import { useCallback, useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { listSearch } from "./eol-api";

export const EOL_VIEWS = ["list", "product", "account", "calendar"] as const;
export type TEolView = (typeof EOL_VIEWS)[number];

const thisMonth = () => new Date().toISOString().slice(0, 7);

/**
 * The page URL is the state of the EOL tab: filters, view and calendar month. Changes replace the
 * history entry through the History API, which Next's router follows without a server render.
 */
export function useEolParams() {
  const searchParams = useSearchParams();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);
  const update = useCallback((changes: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    window.history.replaceState(null, "", `${window.location.pathname}?${next.toString()}`);
  }, []);
  const view = EOL_VIEWS.find((v) => v === params.get("view")) ?? "list";
  const monthParam = params.get("month");
  const month = monthParam && /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : thisMonth();
  return { params, search: listSearch(params), view, month, update };
}
