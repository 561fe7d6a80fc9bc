"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Maximize2, X } from "lucide-react";
import type { TFindingDetail } from "@/server/findings/findings.types";
import { FindingDetail } from "./finding-detail";
import type { TTriageKind } from "./triage-dialog";

/**
 * The right-side drawer over the list (the list stays where it was). Its URL is the list's with
 * ?finding=<id>; "open as a page" goes to /findings/<id>. Esc closes it. Test hook: drawer (data-id).
 */
export function FindingDrawer({
  id,
  now,
  canAct,
  onClose,
  onAction,
  onOpenFinding,
}: {
  id: string | null;
  now: string;
  canAct: boolean;
  onClose: () => void;
  onAction: (kind: TTriageKind, finding: TFindingDetail) => void;
  onOpenFinding: (id: string) => void;
}) {
  const t = useTranslations("findings.drawer");
  const ref = useRef<HTMLElement>(null);
  const isOpen = id !== null;

  // Opening moves focus into the drawer; switching findings (j/k) leaves focus where it is.
  useEffect(() => {
    if (isOpen) ref.current?.focus({ preventScroll: true });
  }, [isOpen]);

  if (!id) return null;
  return (
    <aside
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-label={t("label")}
      data-testid="drawer"
      data-id={id}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || event.defaultPrevented) return;
        event.stopPropagation();
        onClose();
      }}
      className="fixed top-14 right-0 bottom-0 z-30 flex w-[min(46rem,100vw)] flex-col border-l border-border bg-card text-card-foreground shadow-2xl outline-none"
    >
      <FindingDetail
        key={id}
        id={id}
        now={now}
        canAct={canAct}
        headingLevel="h2"
        onAction={onAction}
        onOpenFinding={onOpenFinding}
        toolbar={
          <div className="flex shrink-0 items-center gap-1">
            <Link
              href={`/findings/${encodeURIComponent(id)}`}
              aria-label={t("openPage")}
              title={t("openPage")}
              data-testid="drawer-open-page"
              className="inline-flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
            >
              <Maximize2 aria-hidden="true" className="size-4" />
            </Link>
            <button
              type="button"
              onClick={onClose}
              aria-label={t("close")}
              title={t("closeHint")}
              data-testid="drawer-close"
              className="inline-flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
            >
              <X aria-hidden="true" className="size-5" />
            </button>
          </div>
        }
      />
    </aside>
  );
}
