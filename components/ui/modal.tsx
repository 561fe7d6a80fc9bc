"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { cn } from "@/components/lib/cn";

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert,
 * keeps Tab inside and closes on Esc. Focus goes to the first field (or `initialFocus`) and back
 * to where it was when the dialog closes.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  testId,
  className,
  size = "md",
  padded = true,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  /** md: 32rem wide; lg: 40rem (forms with several sections) */
  size?: "md" | "lg";
  /** false: the children bring their own padding (e.g. a form with a footer) */
  padded?: boolean;
}) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>("[data-autofocus], input:not([type=hidden]), textarea, select");
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && returnTo.current) {
      const target = returnTo.current;
      returnTo.current = null;
      if (target.isConnected) target.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(event) => {
        // Esc: the parent decides (it owns `open`).
        event.preventDefault();
        onClose();
      }}
      className={cn(
        size === "lg" ? "w-[min(40rem,calc(100vw-2rem))]" : "w-[min(32rem,calc(100vw-2rem))]",
        "m-auto rounded-lg border border-border bg-card p-0 text-card-foreground shadow-xl backdrop:bg-black/50",
        className,
      )}
    >
      {open ? (
        <div className="flex max-h-[calc(100dvh-4rem)] flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-border px-5 py-4">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold">
                {title}
              </h2>
              {description ? (
                <div id={descriptionId} className="mt-1 text-sm text-muted-foreground">
                  {description}
                </div>
              ) : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label={t("close")}
              className="-mt-1 -mr-2 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
            >
              <X aria-hidden="true" className="size-5" />
            </button>
          </div>
          {padded ? <div className="overflow-y-auto px-5 py-4">{children}</div> : children}
        </div>
      ) : null}
    </dialog>
  );
}
