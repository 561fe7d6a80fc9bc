"use client";

import { useCallback, useMemo } from "react";
import { useSearchParams } from "next/navigation";

// The Patches tab's state lives in the URL (?tab=patches&state=noncompliant&account=…), so a view can be shared.
// Changes go through the History API, which Next's router follows without rendering the page on the server again.

export const INSTANCE_PARAMS = ["account", "region", "ou", "state", "group", "q", "sort", "dir", "page"] as const;

export function usePatchesParams() {
  const searchParams = useSearchParams();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);

  /** Sets or removes (null / "") the given keys; any change but the page goes back to page 1. */
  const update = useCallback((changes: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    next.set("tab", "patches");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!("page" in changes)) next.delete("page");
    window.history.replaceState(null, "", `${window.location.pathname}?${next.toString()}`);
  }, []);

  /** The instance list's query string for the API. */
  const instanceQuery = useMemo(() => {
    const q = new URLSearchParams();
    for (const key of INSTANCE_PARAMS) {
      const value = params.get(key);
      if (value) q.set(key, value);
    }
    return q.toString();
  }, [params]);

  /** The trend follows the account or OU filter; the organization otherwise. */
  const trendQuery = useMemo(() => {
    const account = params.get("account");
    const ou = params.get("ou");
    return account ? `account=${encodeURIComponent(account)}` : ou ? `ou=${encodeURIComponent(ou)}` : "";
  }, [params]);

  return { params, update, instanceQuery, trendQuery, by: params.get("by") === "ou" ? ("ou" as const) : ("account" as const) };
}
