"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from "react";
import { useTranslations } from "next-intl";
import { CircleCheck, Eye, EyeOff, RotateCw, SearchX, StickyNote, UserRoundCheck } from "lucide-react";
import type { TFindingDetail } from "@/server/findings/findings.types";
import { isApiError } from "@/components/lib/api-client";
import { cn } from "@/components/lib/cn";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { SeverityBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { DetailOverview } from "./detail-overview";
import { EventsPanel, HistoryPanel, RawPanel, RelatedPanel, ResourcesPanel } from "./detail-tabs";
import { StatusBadge } from "./finding-cells";
import type { TTriageKind } from "./triage-dialog";
import { useFindingDetail, useRetryWriteBack } from "./use-findings";

export const DETAIL_TABS = ["overview", "resources", "history", "related", "events", "raw"] as const;
export type TDetailTab = (typeof DETAIL_TABS)[number];

/**
 * A finding in full: header with the triage actions, then tabs. Shown in the list's drawer and on
 * /findings/<id>. Test hooks: drawer-tab-<name>, finding-detail (data-id, data-status), action-* (ANALYST+).
 */
export function FindingDetail({
  id,
  now,
  canAct,
  headingLevel,
  headingRef,
  onAction,
  onOpenFinding,
  toolbar,
}: {
  id: string;
  now: string;
  canAct: boolean;
  headingLevel: "h1" | "h2";
  headingRef?: Ref<HTMLHeadingElement>;
  onAction: (kind: TTriageKind, finding: TFindingDetail) => void;
  onOpenFinding: (id: string) => void;
  /** buttons beside the heading (the drawer's close and full-page links) */
  toolbar?: ReactNode;
}) {
  const t = useTranslations("findings.detail");
  const tDrawer = useTranslations("findings.drawer");
  const errorMessage = useApiErrorMessage();
  const query = useFindingDetail(id);
  const retry = useRetryWriteBack();
  const [tab, setTab] = useState<TDetailTab>("overview");
  const [retryResult, setRetryResult] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const Heading = headingLevel;

  if (query.isPending) {
    return (
      <div role="status" aria-live="polite" className="flex flex-col gap-3 p-5" data-testid="detail-loading">
        <span className="sr-only">{tDrawer("loading")}</span>
        {toolbar ? <div className="flex justify-end">{toolbar}</div> : null}
        <Skeleton className="h-6 w-32" />
        <Skeleton className="h-7 w-4/5" />
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="mt-4 h-40 w-full" />
      </div>
    );
  }

  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <div className="flex flex-col gap-4 p-5" data-testid="detail-error">
        {toolbar ? <div className="flex justify-end">{toolbar}</div> : null}
        <Heading ref={headingRef} tabIndex={-1} className="flex items-center gap-2 text-lg font-semibold outline-none">
          <SearchX aria-hidden="true" className="size-5 text-muted-foreground" />
          {notFound ? tDrawer("notFound") : tDrawer("error")}
        </Heading>
        {notFound ? (
          <p className="text-sm text-muted-foreground">{tDrawer("notFoundBody")}</p>
        ) : (
          <>
            <Alert tone="danger">{errorMessage(query.error)}</Alert>
            <Button variant="secondary" className="self-start" onClick={() => void query.refetch()} data-testid="detail-retry">
              <RotateCw aria-hidden="true" className="size-4" />
              {tDrawer("tryAgain")}
            </Button>
          </>
        )}
      </div>
    );
  }

  const finding = query.data;
  const suppressed = finding.workflowStatus === "SUPPRESSED";

  function retryWriteBack() {
    setRetryResult(null);
    retry.mutate([finding.id], {
      onSuccess: ({ retried }) => setRetryResult({ tone: "success", text: t("retried", { count: retried }) }),
      onError: (cause) => setRetryResult({ tone: "danger", text: errorMessage(cause) }),
    });
  }

  return (
    <div className="flex min-h-0 flex-col" data-testid="finding-detail" data-id={finding.id} data-status={finding.workflowStatus}>
      <header className="flex flex-col gap-3 border-b border-border px-5 pt-4 pb-3">
        <div className="flex items-start justify-between gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={finding.severity} />
            <StatusBadge status={finding.workflowStatus} />
          </div>
          {toolbar}
        </div>
        <Heading ref={headingRef} tabIndex={-1} className="text-lg leading-snug font-semibold break-words outline-none lg:text-xl">
          {finding.title}
        </Heading>
        {canAct ? (
          <div className="flex flex-wrap gap-2" role="group" aria-label={t("actions")}>
            <ActionButton kind="status" icon={CircleCheck} onClick={() => onAction("status", finding)} />
            <ActionButton kind="assign" icon={UserRoundCheck} onClick={() => onAction("assign", finding)} />
            <ActionButton kind="note" icon={StickyNote} onClick={() => onAction("note", finding)} />
            {suppressed ? (
              <ActionButton kind="unsuppress" icon={Eye} onClick={() => onAction("unsuppress", finding)} />
            ) : (
              <ActionButton kind="suppress" icon={EyeOff} onClick={() => onAction("suppress", finding)} />
            )}
          </div>
        ) : null}
        {retryResult ? (
          <Alert tone={retryResult.tone} data-testid="retry-result">
            {retryResult.text}
          </Alert>
        ) : null}
      </header>
      <Tabs tab={tab} onChange={setTab}>
        {tab === "overview" ? (
          <DetailOverview finding={finding} now={now} canAct={canAct} onRetry={retryWriteBack} retryPending={retry.isPending} />
        ) : tab === "resources" ? (
          <ResourcesPanel finding={finding} />
        ) : tab === "history" ? (
          <HistoryPanel finding={finding} now={now} />
        ) : tab === "related" ? (
          <RelatedPanel finding={finding} onOpen={onOpenFinding} />
        ) : tab === "events" ? (
          <EventsPanel finding={finding} />
        ) : (
          <RawPanel finding={finding} />
        )}
      </Tabs>
    </div>
  );
}

function ActionButton({ kind, icon: Icon, onClick }: { kind: TTriageKind; icon: typeof CircleCheck; onClick: () => void }) {
  const t = useTranslations("findings.actions");
  return (
    <Button size="sm" variant="secondary" data-testid={`action-${kind}`} onClick={onClick}>
      <Icon aria-hidden="true" className="size-4" />
      {t(kind)}
    </Button>
  );
}

/** WAI-ARIA tabs: ← → Home End move between tabs and select them. */
function Tabs({ tab, onChange, children }: { tab: TDetailTab; onChange: (tab: TDetailTab) => void; children: ReactNode }) {
  const t = useTranslations("findings.drawer.tabs");
  const baseId = useId();
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = DETAIL_TABS.indexOf(tab);
    const next =
      event.key === "ArrowRight" ? (index + 1) % DETAIL_TABS.length
      : event.key === "ArrowLeft" ? (index - 1 + DETAIL_TABS.length) % DETAIL_TABS.length
      : event.key === "Home" ? 0
      : event.key === "End" ? DETAIL_TABS.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    const target = DETAIL_TABS[next]!;
    onChange(target);
    listRef.current?.querySelector<HTMLElement>(`[data-tab="${target}"]`)?.focus();
  }

  return (
    <>
      <div ref={listRef} role="tablist" aria-label={t("label")} onKeyDown={onKeyDown} className="flex gap-1 overflow-x-auto border-b border-border px-3">
        {DETAIL_TABS.map((name) => {
          const selected = name === tab;
          return (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${baseId}-tab-${name}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={selected ? 0 : -1}
              data-tab={name}
              data-testid={`drawer-tab-${name}`}
              onClick={() => onChange(name)}
              className={cn(
                "-mb-px border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                selected ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
              )}
            >
              {t(name)}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} tabIndex={0} className="min-h-0 flex-1 overflow-y-auto p-5 outline-none">
        {children}
      </div>
    </>
  );
}
