"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { CircleCheck, CircleExclamationPoint } from "lucide-react";
import { cn } from "@/components/lib/cn";

// The outcome of the last "Retry now", shown and announced (politely) in one place that outlives the
// row: after a successful retry the row's button goes away, and with "Failed only" the whole row does.
// The live region is in the page from the start (empty), so screen readers announce what is put in it.

export type TRetryAnnouncement = { ok: boolean; text: string };
type TAnnounce = (announcement: TRetryAnnouncement) => void;

const AnnounceContext = createContext<TAnnounce>(() => undefined);

export function useRetryAnnouncer(): TAnnounce {
  return useContext(AnnounceContext);
}

/** Test hook: delivery-retry-announcement (data-ok). */
export function RetryAnnouncer({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState<TRetryAnnouncement | null>(null);
  const announce = useCallback<TAnnounce>((next) => setAnnouncement(next), []);
  const value = useMemo(() => announce, [announce]);
  const Icon = announcement?.ok ? CircleCheck : CircleExclamationPoint;
  return (
    <AnnounceContext.Provider value={value}>
      <div role="status" aria-live="polite" aria-atomic="true" className="empty:sr-only" data-testid="delivery-retry-announcement" data-ok={announcement ? String(announcement.ok) : undefined}>
        {announcement ? (
          <p
            className={cn(
              "flex items-start gap-2 rounded-md border px-3 py-2 text-sm",
              announcement.ok ? "border-success/40 bg-success-soft text-success" : "border-danger/40 bg-danger-soft text-danger dark:text-red-300",
            )}
          >
            <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span className="min-w-0">{announcement.text}</span>
          </p>
        ) : null}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}
