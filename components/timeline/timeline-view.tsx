"use client";

import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { RotateCcw, RotateCw, SearchX, TriangleExclamationPoint } from "lucide-react";
import type { TRole } from "@/server/auth/roles.types";
import { isApiError } from "@/components/lib/api-client";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { useFacets } from "@/components/findings/use-findings";
import { useFindingShortcuts } from "@/components/findings/use-finding-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { EventDrawer } from "./event-drawer";
import { EventList } from "./event-list";
import { FilterBar } from "./filter-bar";
import { Histogram } from "./histogram";
import { IngestPanel } from "./ingest-panel";
import { PresetPicker } from "./preset-picker";
import { timelineKeys } from "./timeline-api";
import { EVENT_PARAM, apiQuery, isDefaultView, isPresetId, setRange } from "./timeline-query";
import { useEventList, useHistogram, usePresets, useTimelineParams } from "./use-timeline";

/** "Now" for quick ranges: the server's render time, moved on by Refresh, a quick range button and the end of an ingest run. */
function useAnchor(renderedAt: string) {
  const [now, setNow] = useState(() => Date.parse(renderedAt));
  return { now, refresh: useCallback(() => setNow(Date.now()), []) };
}

/** The timeline page: presets, ingest status, filter bar, histogram, grouped event list and drawer. See app/(console)/timeline/page.tsx for the test hooks. */
export function TimelineView({ role, renderedAt }: { role: TRole; renderedAt: string }) {
  const t = useTranslations("timeline");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const client = useQueryClient();
  const { now, refresh } = useAnchor(renderedAt);
  const { params, event, update, openEvent } = useTimelineParams();
  const query = useMemo(() => apiQuery(params, now), [params, now]);
  const listQuery = useEventList(query);
  const histogram = useHistogram(query);
  const presets = usePresets();
  const facets = useFacets();
  const items = useMemo(() => listQuery.data?.pages.flatMap((page) => page.items) ?? [], [listQuery.data]);
  const [active, setActive] = useState({ query, index: 0 });
  const activeIndex = active.query === query ? Math.min(active.index, Math.max(items.length - 1, 0)) : 0;
  const [focusToken, setFocusToken] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const preset = params.get("preset");
  const accounts = facets.data?.accounts;
  const accountName = useCallback((id: string) => accounts?.find((account) => account.id === id)?.name ?? null, [accounts]);

  const reset = useCallback(() => update((next) => [...next.keys()].forEach((key) => key !== EVENT_PARAM && next.delete(key))), [update]);
  const reload = useCallback(() => {
    refresh();
    void client.invalidateQueries({ queryKey: timelineKeys.all });
  }, [client, refresh]);

  function activate(index: number, focus = false) {
    setActive({ query, index });
    if (focus) setFocusToken((token) => token + 1);
  }
  function move(step: number) {
    if (items.length === 0) return;
    const index = Math.min(Math.max(activeIndex + step, 0), items.length - 1);
    activate(index, true);
    if (event && items[index]) openEvent(items[index].id, "replace");
  }

  useFindingShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => {
      const item = items[activeIndex];
      if (item) openEvent(item.id);
    },
    Escape: () => {
      if (event) {
        openEvent(null);
        setFocusToken((token) => token + 1);
      }
    },
    "/": () => searchRef.current?.focus(),
  });

  const badFilter = isApiError(listQuery.error) && listQuery.error.status === 400;
  let body: ReactNode;
  if (listQuery.isPending) {
    body = (
      <div role="status" data-testid="list-loading" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-3">
        <span className="sr-only">{t("list.loading")}</span>
        {Array.from({ length: 10 }, (_, index) => (
          <Skeleton key={index} className="h-9 w-full" />
        ))}
      </div>
    );
  } else if (listQuery.isError && items.length === 0) {
    body = (
      <div role="alert" data-testid="list-error" className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft p-6">
        <h2 className="flex items-center gap-2 text-lg font-semibold text-danger dark:text-red-300">
          <TriangleExclamationPoint aria-hidden="true" className="size-5" />
          {badFilter ? t("error.badFilterTitle") : t("error.title")}
        </h2>
        <p className="max-w-prose text-base" data-testid="list-error-message">
          {errorMessage(listQuery.error)}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={reset} data-testid="list-reset">
            <RotateCcw aria-hidden="true" className="size-4" />
            {t("error.reset")}
          </Button>
          {badFilter ? null : (
            <Button variant="secondary" onClick={() => void listQuery.refetch()} data-testid="list-retry">
              <RotateCw aria-hidden="true" className="size-4" />
              {t("error.retry")}
            </Button>
          )}
        </div>
      </div>
    );
  } else if (items.length === 0) {
    const isDefault = isDefaultView(params);
    body = (
      <EmptyState
        icon={SearchX}
        title={isDefault ? t("empty.defaultTitle") : t("empty.title")}
        description={isDefault ? (role === "VIEWER" ? t("empty.defaultBodyViewer") : t("empty.defaultBody")) : t("empty.body")}
        action={
          <div className="flex flex-wrap justify-center gap-2">
            <Button
              variant="secondary"
              onClick={() => {
                refresh();
                update((next) => setRange(next, "90d"));
              }}
              data-testid="empty-widen"
            >
              {t("empty.widen")}
            </Button>
            {isDefault ? null : (
              <Button variant="secondary" onClick={reset} data-testid="empty-reset">
                <RotateCcw aria-hidden="true" className="size-4" />
                {t("empty.reset")}
              </Button>
            )}
          </div>
        }
      />
    );
  } else {
    body = (
      <EventList
        items={items}
        accountName={accountName}
        hasNextPage={listQuery.hasNextPage}
        isFetchingNextPage={listQuery.isFetchingNextPage}
        fetchNextPage={() => void listQuery.fetchNextPage()}
        activeIndex={activeIndex}
        focusToken={focusToken}
        openId={event}
        onActivate={(index) => activate(index)}
        onOpen={(id) => openEvent(id)}
      />
    );
  }

  const total = histogram.data?.total;
  return (
    <div className="grid grid-cols-1 gap-4 2xl:grid-cols-[15rem_minmax(0,1fr)]">
      <aside className="flex flex-col gap-3">
        <PresetPicker
          presets={presets.data}
          loading={presets.isPending}
          active={isPresetId(preset) ? preset : null}
          onChoose={(id) => update((next) => (id ? next.set("preset", id) : next.delete("preset")))}
        />
      </aside>
      <div className="flex min-w-0 flex-col">
        <div className="mb-3">
          <IngestPanel role={role} onFinished={reload} />
        </div>
        <FilterBar params={params} facets={facets.data} update={update} searchRef={searchRef} now={now} onQuickRange={refresh} />
        <Histogram
          data={histogram.data}
          loading={histogram.isPending}
          error={histogram.isError && !badFilter ? errorMessage(histogram.error) : null}
          onRange={(range) => update((next) => setRange(next, range))}
        />
        <div className="mb-2 flex items-center justify-between gap-2">
          <p className="text-sm text-muted-foreground tabular-nums" data-testid="result-count" data-count={total} aria-live="polite">
            {total !== undefined ? t("counts.total", { count: total, formatted: format.number(total) }) : null}
          </p>
          <Button size="sm" variant="ghost" onClick={reload} data-testid="refresh">
            <RotateCw aria-hidden="true" className="size-4" />
            {t("refresh")}
          </Button>
        </div>
        {body}
        {listQuery.isFetchNextPageError ? (
          <Alert tone="danger" className="mt-2">
            <span className="mr-2">{errorMessage(listQuery.error)}</span>
            <Button size="sm" variant="secondary" onClick={() => void listQuery.fetchNextPage()}>
              {t("error.retry")}
            </Button>
          </Alert>
        ) : null}
      </div>
      <EventDrawer
        id={event}
        onClose={() => {
          openEvent(null);
          setFocusToken((token) => token + 1);
        }}
      />
    </div>
  );
}
