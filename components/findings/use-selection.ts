"use client";

import { useCallback, useMemo, useState } from "react";
import type { TFindingListItem } from "@/server/findings/findings.types";

type State = { query: string; ids: ReadonlySet<string>; anchor: number | null; allMatching: boolean };

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Selected rows of one list query: ids picked one by one (x, click, shift-click ranges, "all
 * loaded"), or every finding matching the filter. A different filter starts with nothing selected.
 */
export function useSelection(query: string, items: TFindingListItem[]) {
  const [state, setState] = useState<State>({ query, ids: EMPTY, anchor: null, allMatching: false });
  const current: State = state.query === query ? state : { query, ids: EMPTY, anchor: null, allMatching: false };

  const toggle = useCallback(
    (index: number, range: boolean) => {
      const item = items[index];
      if (!item) return;
      setState((previous) => {
        const base = previous.query === query ? previous : { query, ids: EMPTY, anchor: null, allMatching: false };
        const ids = new Set(base.ids);
        const select = !ids.has(item.id);
        const from = range && base.anchor !== null ? Math.min(base.anchor, index) : index;
        const to = range && base.anchor !== null ? Math.max(base.anchor, index) : index;
        for (let i = from; i <= to; i++) {
          const id = items[i]?.id;
          if (!id) continue;
          if (select) ids.add(id);
          else ids.delete(id);
        }
        return { query, ids, anchor: index, allMatching: false };
      });
    },
    [items, query],
  );

  const loadedSelected = useMemo(() => items.reduce((count, item) => count + (current.ids.has(item.id) ? 1 : 0), 0), [items, current.ids]);

  const toggleAllLoaded = useCallback(() => {
    setState((previous) => {
      const base = previous.query === query ? previous : { query, ids: EMPTY, anchor: null, allMatching: false };
      const everyLoaded = items.length > 0 && items.every((item) => base.ids.has(item.id));
      if (everyLoaded || base.allMatching) return { query, ids: EMPTY, anchor: null, allMatching: false };
      return { query, ids: new Set(items.map((item) => item.id)), anchor: null, allMatching: false };
    });
  }, [items, query]);

  return {
    ids: current.ids,
    allMatching: current.allMatching,
    loadedSelected,
    isSelected: useCallback((id: string) => current.ids.has(id), [current.ids]),
    toggle,
    toggleAllLoaded,
    selectAllMatching: useCallback(() => setState({ query, ids: EMPTY, anchor: null, allMatching: true }), [query]),
    clear: useCallback(() => setState({ query, ids: EMPTY, anchor: null, allMatching: false }), [query]),
  };
}

export type TSelection = ReturnType<typeof useSelection>;
