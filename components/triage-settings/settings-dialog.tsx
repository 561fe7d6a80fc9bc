"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { Button } from "@/components/ui/button";

/**
 * A modal dialog on the native <dialog> element: showModal() makes the page behind it inert, keeps
 * Tab inside and closes on Esc. Focus goes to the first field and back to the opener on close.
 */
export function SettingsDialog({
  open,
  onClose,
  title,
  description,
  children,
  testId,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const t = useTranslations("triageSettings.dialog");
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus], input:not([type=hidden]), textarea, select")?.focus();
    // On close or unmount: back to where the user was.
    return () => {
      if (dialog.open) dialog.close();
      const target = returnTo.current;
      returnTo.current = null;
      if (target?.isConnected) target.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cn(
        "m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-border bg-card p-0 text-card-foreground shadow-xl backdrop:bg-black/50",
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
            <Button variant="ghost" size="sm" onClick={onClose} aria-label={t("close")} className="-mr-2 px-2">
              <X aria-hidden="true" className="size-4" />
            </Button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
