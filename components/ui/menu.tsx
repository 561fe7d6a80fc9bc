"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { Check } from "lucide-react";
import { cn } from "@/components/lib/cn";

/*
 * A menu button following the WAI-ARIA menu button pattern:
 * Enter / Space / ↓ opens on the first item, ↑ on the last; ↑ ↓ Home End move;
 * Esc closes and returns focus to the button; Tab or a click outside closes.
 */

interface MenuContextValue {
  close: (returnFocus: boolean) => void;
}

const MenuContext = createContext<MenuContextValue | null>(null);

const ITEM_SELECTOR = '[role="menuitem"]:not([aria-disabled="true"]),[role="menuitemradio"]:not([aria-disabled="true"])';

export interface MenuProps {
  /** Visible content of the trigger button. */
  trigger: ReactNode;
  /** Accessible name of the trigger, when its content is only an icon. */
  triggerLabel?: string;
  triggerClassName?: string;
  /** A square trigger holding only an icon. */
  iconOnly?: boolean;
  triggerTestId?: string;
  /** Accessible name of the menu itself. */
  menuLabel: string;
  /** Non-interactive content above the items (e.g. who is signed in), exposed as a labelled group. */
  header?: { label: string; content: ReactNode };
  align?: "start" | "end";
  children: ReactNode;
}

export function Menu({
  trigger,
  triggerLabel,
  triggerClassName,
  iconOnly = false,
  triggerTestId,
  menuLabel,
  header,
  align = "end",
  children,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const [focusTarget, setFocusTarget] = useState<"first" | "last">("first");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = useCallback(
    () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []),
    [],
  );

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  // Move focus into the menu once it is rendered.
  useEffect(() => {
    if (!open) return;
    const list = items();
    const checked = list.find((item) => item.getAttribute("aria-checked") === "true");
    const target = focusTarget === "last" ? list.at(-1) : (checked ?? list[0]);
    target?.focus();
  }, [open, focusTarget, items]);

  // Close on a pointer press outside.
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function openMenu(target: "first" | "last") {
    setFocusTarget(target);
    setOpen(true);
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openMenu(event.key === "ArrowUp" ? "last" : "first");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (next: number) => {
      event.preventDefault();
      list[(next + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        return move(index + 1);
      case "ArrowUp":
        return move(index < 0 ? list.length - 1 : index - 1);
      case "Home":
        return move(0);
      case "End":
        return move(list.length - 1);
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        return close(true);
      case "Tab":
        return close(false);
    }
  }

  return (
    <div ref={rootRef} className="relative shrink-0">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        data-testid={triggerTestId}
        onClick={() => (open ? close(false) : openMenu("first"))}
        onKeyDown={onButtonKeyDown}
        className={cn(
          "inline-flex h-10 shrink-0 items-center gap-2 whitespace-nowrap rounded-md text-sm font-medium hover:bg-accent hover:text-accent-foreground",
          iconOnly ? "w-10 justify-center" : "px-2.5",
          open && "bg-accent",
          triggerClassName,
        )}
      >
        {trigger}
      </button>
      {open ? (
        <div
          className={cn(
            "absolute top-full z-50 mt-1 w-64 rounded-lg border border-border bg-card p-1 text-card-foreground shadow-lg",
            align === "end" ? "right-0" : "left-0",
          )}
        >
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-label={menuLabel}
            aria-orientation="vertical"
            tabIndex={-1}
            onKeyDown={onMenuKeyDown}
          >
            {header ? (
              <div role="group" aria-label={header.label} className="mb-1 border-b border-border px-3 py-2">
                {header.content}
              </div>
            ) : null}
            <MenuContext.Provider value={{ close }}>{children}</MenuContext.Provider>
          </div>
        </div>
      ) : null}
    </div>
  );
}

const itemClass =
  "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-accent focus:bg-accent " +
  "focus-visible:outline-offset-0 disabled:opacity-60";

type ItemProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onSelect" | "role"> & {
  onSelect?: () => void;
};

function useMenu(): MenuContextValue {
  const context = useContext(MenuContext);
  if (!context) throw new Error("Menu items must be rendered inside <Menu>");
  return context;
}

export function MenuItem({ onSelect, className, children, ...props }: ItemProps) {
  const { close } = useMenu();
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={cn(itemClass, className)}
      onClick={() => {
        close(true);
        onSelect?.();
      }}
      {...props}
    >
      {children}
    </button>
  );
}

export function MenuRadioItem({ checked, onSelect, className, children, ...props }: ItemProps & { checked: boolean }) {
  const { close } = useMenu();
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      tabIndex={-1}
      className={cn(itemClass, className)}
      onClick={() => {
        close(true);
        if (!checked) onSelect?.();
      }}
      {...props}
    >
      <span className="flex size-4 items-center justify-center" aria-hidden="true">
        {checked ? <Check className="size-4" /> : null}
      </span>
      {children}
    </button>
  );
}

export function MenuGroup({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <div id={id} role="presentation" className="px-3 pt-2 pb-1 text-xs font-semibold text-muted-foreground">
        {label}
      </div>
      {children}
    </div>
  );
}

export function MenuSeparator() {
  return <div role="separator" className="my-1 h-px bg-border" />;
}
