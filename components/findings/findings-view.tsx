"use client";

import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TFindingDetail, TTriageResponse, TWorkflowStatus } from "@/server/findings/findings.types";
import type { TRole } from "@/server/auth/roles.types";
import { isApiError } from "@/components/lib/api-client";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionBar } from "./action-bar";
import { FilterBar } from "./filter-bar";
import { effectiveList, isDefaultView, toggleSeverity } from "./filter-query";
import { FindingDrawer } from "./finding-drawer";
import { FindingsHeader } from "./findings-header";
import { FindingsTable } from "./findings-table";
import { ImportButton } from "./import-button";
import { ListEmpty, ListError, ListSkeleton } from "./list-states";
import { SelectAllDialog } from "./select-all-dialog";
import { SeverityChips } from "./severity-chips";
import { ShortcutHelp } from "./shortcut-help";
import { Toast, type TToast } from "./toast";
import { TriageDialog, type TActionTarget, type TTriageKind } from "./triage-dialog";
import { useFacets, useFindingCounts, useFindingList, useNow, useRetryWriteBack } from "./use-findings";
import { useFindingShortcuts } from "./use-finding-shortcuts";
import { useFindingsParams } from "./use-findings-params";
import { useSelection } from "./use-selection";

type TDialog = { kind: TTriageKind; scope: "selection" | { ids: string[] }; initialStatus?: TWorkflowStatus };

/** The findings list with its filter, counts, selection, drawer, dialogs and shortcuts. See app/(console)/findings/page.tsx for the test hooks. */
export function FindingsView({ role, userId, renderedAt }: { role: TRole; userId: string; renderedAt: string }) {
  const t = useTranslations("findings");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const canAct = role !== "VIEWER";
  const now = useNow(renderedAt);
  const { params, list, filter, finding, update, openFinding } = useFindingsParams();
  const listQuery = useFindingList(list);
  const counts = useFindingCounts(filter);
  const facets = useFacets();
  const retry = useRetryWriteBack();
  const items = useMemo(() => listQuery.data?.pages.flatMap((page) => page.items) ?? [], [listQuery.data]);
  const selection = useSelection(list, items);
  const [active, setActive] = useState({ list, index: 0 });
  const activeIndex = active.list === list ? Math.min(active.index, Math.max(items.length - 1, 0)) : 0;
  const [focusToken, setFocusToken] = useState(0);
  const [dialog, setDialog] = useState<TDialog | null>(null);
  const [selectAllOpen, setSelectAllOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [toast, setToast] = useState<TToast | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const total = counts.data?.total;
  const selectedCount = selection.allMatching ? (total ?? 0) : selection.ids.size;

  const showToast = useCallback((tone: TToast["tone"], text: string) => setToast({ id: Date.now(), tone, text }), []);
  const dismissToast = useCallback(() => setToast(null), []);
  const reset = useCallback(() => update((next) => [...next.keys()].forEach((key) => key !== "finding" && next.delete(key))), [update]);

  function activate(index: number, focus = false) {
    setActive({ list, index });
    if (focus) setFocusToken((token) => token + 1);
  }

  function move(step: number) {
    if (items.length === 0) return;
    const index = Math.min(Math.max(activeIndex + step, 0), items.length - 1);
    activate(index, true);
    if (finding && items[index]) openFinding(items[index].id, "replace");
  }

  /** Keyboard and drawer actions go to the selection, else to the open finding, else to the active row. */
  function openAction(kind: TTriageKind) {
    if (!canAct) return;
    if (selection.allMatching || selection.ids.size > 0) return setDialog({ kind, scope: "selection" });
    const id = finding ?? items[activeIndex]?.id;
    if (id) setDialog({ kind, scope: { ids: [id] }, initialStatus: items.find((item) => item.id === id)?.workflowStatus });
  }

  const target: TActionTarget | null = !dialog
    ? null
    : dialog.scope !== "selection"
      ? { kind: "ids", ids: dialog.scope.ids }
      : selection.allMatching
        ? { kind: "filter", filter, count: total }
        : { kind: "ids", ids: [...selection.ids] };

  function onDone(kind: TTriageKind, result: TTriageResponse, detail: { status?: TWorkflowStatus }) {
    const status = detail.status ? t(`values.status.${detail.status}`) : "";
    const text = t(`result.${kind}`, { count: result.affected, status });
    showToast("success", result.writeBack > 0 ? `${text} ${t("result.writeBack", { count: result.writeBack })}` : text);
    if (dialog?.scope === "selection") selection.clear();
    setDialog(null);
  }

  const failedSelected = items.filter((item) => selection.isSelected(item.id) && item.writeBack === "FAILED").map((item) => item.id);
  function retrySelected() {
    retry.mutate(failedSelected, {
      onSuccess: ({ retried }) => showToast("success", t("result.retry", { count: retried })),
      onError: (cause) => showToast("danger", errorMessage(cause)),
    });
  }

  useFindingShortcuts({
    j: () => move(1),
    k: () => move(-1),
    x: () => {
      if (canAct && items[activeIndex] && !selection.allMatching) selection.toggle(activeIndex, false);
    },
    Enter: () => {
      const item = items[activeIndex];
      if (item) openFinding(item.id);
    },
    Escape: () => {
      if (finding) {
        openFinding(null);
        setFocusToken((token) => token + 1);
      } else if (selection.ids.size > 0 || selection.allMatching) selection.clear();
    },
    "/": () => searchRef.current?.focus(),
    s: () => openAction("status"),
    a: () => openAction("assign"),
    n: () => openAction("note"),
    u: () => openAction("suppress"),
    "?": () => setHelpOpen(true),
  });

  const badFilter = isApiError(listQuery.error) && listQuery.error.status === 400;
  let body: ReactNode;
  if (listQuery.isPending) body = <ListSkeleton />;
  else if (listQuery.isError && items.length === 0) {
    body = <ListError message={errorMessage(listQuery.error)} badFilter={badFilter} onRetry={() => void listQuery.refetch()} onReset={reset} />;
  } else if (items.length === 0) {
    body = <ListEmpty isDefault={isDefaultView(params)} onReset={reset} onWiden={() => update((next) => next.set("status", "all"))} />;
  } else {
    body = (
      <FindingsTable
        items={items}
        hasNextPage={listQuery.hasNextPage}
        isFetchingNextPage={listQuery.isFetchingNextPage}
        fetchNextPage={() => void listQuery.fetchNextPage()}
        total={total}
        canSelect={canAct}
        selection={{ isSelected: selection.isSelected, loadedSelected: selection.loadedSelected, allMatching: selection.allMatching }}
        onToggle={selection.toggle}
        onToggleAllLoaded={selection.toggleAllLoaded}
        activeIndex={activeIndex}
        onActivate={(index) => activate(index)}
        focusToken={focusToken}
        openId={finding}
        onOpen={(id) => openFinding(id)}
        now={now}
      />
    );
  }

  return (
    <>
      <FindingsHeader
        userId={userId}
        filter={filter}
        viewQuery={list}
        importSlot={canAct ? <ImportButton /> : null}
        onNavigate={(href) => window.history.pushState(null, "", href)}
        onHelp={() => setHelpOpen(true)}
      />
      <FilterBar params={params} facets={facets.data} update={update} searchRef={searchRef} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <SeverityChips
          counts={counts.data}
          loading={counts.isPending}
          selected={effectiveList(params, "severity")}
          onToggle={(severity) => update((next) => toggleSeverity(next, severity))}
        />
        <p className="text-sm text-muted-foreground tabular-nums" data-testid="result-count" data-count={total} aria-live="polite">
          {total !== undefined ? t("counts.total", { count: total, formatted: format.number(total) }) : null}
        </p>
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
      {canAct && selectedCount > 0 ? (
        <ActionBar
          count={selectedCount}
          allMatching={selection.allMatching}
          matchingCount={total}
          canSelectAllMatching={selection.loadedSelected === items.length || (total !== undefined && selectedCount < total)}
          retryCount={failedSelected.length}
          retryPending={retry.isPending}
          onAction={(kind) => setDialog({ kind, scope: "selection" })}
          onRetry={retrySelected}
          onSelectAllMatching={() => {
            void counts.refetch();
            setSelectAllOpen(true);
          }}
          onClear={selection.clear}
        />
      ) : null}
      <FindingDrawer
        id={finding}
        now={now}
        canAct={canAct}
        onClose={() => {
          openFinding(null);
          setFocusToken((token) => token + 1);
        }}
        onAction={(kind: TTriageKind, detail: TFindingDetail) => setDialog({ kind, scope: { ids: [detail.id] }, initialStatus: detail.workflowStatus })}
        onOpenFinding={(id) => openFinding(id, "push")}
      />
      <TriageDialog
        kind={dialog?.kind ?? null}
        target={target}
        onClose={() => setDialog(null)}
        onDone={onDone}
        userId={userId}
        users={facets.data?.users ?? []}
        initialStatus={dialog?.initialStatus}
      />
      <SelectAllDialog
        open={selectAllOpen}
        count={total}
        onClose={() => setSelectAllOpen(false)}
        onConfirm={() => {
          selection.selectAllMatching();
          setSelectAllOpen(false);
        }}
      />
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} canAct={canAct} />
      <Toast toast={toast} onDismiss={dismissToast} />
    </>
  );
}
