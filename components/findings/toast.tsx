"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { CircleCheck, TriangleExclamationPoint, X } from "lucide-react";
import { cn } from "@/components/lib/cn";

export type TToast = { id: number; tone: "success" | "danger"; text: string };

const VISIBLE_MS = 8_000;

/** A short confirmation after an action (how many findings changed), announced politely. Test hook: toast (data-tone). */
export function Toast({ toast, onDismiss }: { toast: TToast | null; onDismiss: () => void }) {
  const t = useTranslations("findings.dialog");

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex max-w-sm flex-col">
      {toast ? (
        <div
          key={toast.id}
          data-testid="toast"
          data-tone={toast.tone}
          className={cn(
            "pointer-events-auto flex items-start gap-2 rounded-lg border bg-card px-4 py-3 text-sm shadow-lg",
            toast.tone === "success" ? "border-success/40" : "border-danger/40",
          )}
        >
          {toast.tone === "success" ? (
            <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
          ) : (
            <TriangleExclamationPoint aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />
          )}
          <span className="min-w-0 flex-1">{toast.text}</span>
          <button
            type="button"
            onClick={onDismiss}
            aria-label={t("dismiss")}
            className="-my-1 -mr-2 inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-accent"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
