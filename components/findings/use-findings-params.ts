"use client";

import { useCallback, useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { FINDING_PARAM, filterQuery, listQuery, toQueryString } from "./filter-query";

/**
 * The page URL is the state of the list: filter, search, sort and the open finding.
 * Changes go through the History API, which Next's router follows (useSearchParams updates)
 * without asking the server to render the page again. Filter edits replace the entry;
 * opening a finding pushes one, so Back closes the drawer.
 */
export function useFindingsParams() {
  const searchParams = useSearchParams();
  const params = useMemo(() => new URLSearchParams(searchParams.toString()), [searchParams]);

  const update = useCallback((change: (next: URLSearchParams) => void, mode: "replace" | "push" = "replace") => {
    // The live URL, not a render's snapshot: two quick changes must not undo each other.
    const next = new URLSearchParams(window.location.search);
    change(next);
    next.delete("cursor");
    const search = toQueryString(next);
    const url = search ? `${window.location.pathname}?${search}` : window.location.pathname;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);

  return {
    params,
    /** filter + search + sort, the key of the list */
    list: listQuery(params),
    /** the filter only */
    filter: filterQuery(params),
    finding: params.get(FINDING_PARAM),
    update,
    /** Opens the drawer (a new history entry), switches it to another finding, or closes it. */
    openFinding: useCallback(
      (id: string | null, mode?: "replace" | "push") =>
        update(
          (next) => {
            if (id) next.set(FINDING_PARAM, id);
            else next.delete(FINDING_PARAM);
          },
          mode ?? (id && !new URLSearchParams(window.location.search).has(FINDING_PARAM) ? "push" : "replace"),
        ),
      [update],
    ),
  };
}
