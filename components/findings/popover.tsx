"use client";

import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import { cn } from "@/components/lib/cn";

/**
 * A non-modal panel under its trigger (the filter editors): focus moves in on open; Esc or a
 * press outside closes it, and Esc returns focus to the trigger.
 */
export function Popover({
  open,
  onClose,
  label,
  anchorRef,
  children,
  className,
  testId,
}: {
  open: boolean;
  onClose: (returnFocus: boolean) => void;
  label: string;
  anchorRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>("[data-autofocus], input, select, textarea, button")?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (ref.current?.contains(target) || anchorRef?.current?.contains(target)) return;
      onCloseRef.current(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, anchorRef]);

  if (!open) return null;
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onClose(true);
        }
      }}
      className={cn(
        "absolute top-full left-0 z-40 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-card p-3 text-card-foreground shadow-lg",
        className,
      )}
    >
      {children}
    </div>
  );
}
