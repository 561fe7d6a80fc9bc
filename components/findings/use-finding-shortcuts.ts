"use client";

import { useEffect, useRef } from "react";

export type TShortcutHandlers = Partial<Record<"j" | "k" | "x" | "Enter" | "Escape" | "/" | "s" | "a" | "n" | "u" | "?", () => void>>;

const TEXT_INPUTS = new Set(["text", "search", "email", "number", "password", "date", "datetime-local", "month", "time", "url", "tel", "week"]);

/** Typing in a field must never trigger a shortcut; checkboxes and buttons are fine. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** Elements whose own Enter does something (follow the link, press the button). */
function ownsEnter(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("a[href], button, summary, input, select, textarea, [role=tab], [role=menuitem]") !== null;
}

/**
 * The list's single-key shortcuts, on the document: only when focus is not in a text field,
 * no modal dialog is open and no modifier (other than Shift for "?") is held.
 */
export function useFindingShortcuts(handlers: TShortcutHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTextEntry(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const key = event.key as keyof TShortcutHandlers;
      const handler = ref.current[key];
      if (!handler) return;
      if (key === "Enter" && ownsEnter(event.target)) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
