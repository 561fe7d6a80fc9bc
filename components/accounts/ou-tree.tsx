"use client";

import { useId, useMemo, useOptimistic, useRef, useState, useTransition, type KeyboardEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ChevronRight, Folder, FolderTree } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { accountsHref, type TOuNode } from "./organization-model";

type Visible = { node: TOuNode; parentId: string | null };

function flattenVisible(nodes: TOuNode[], expanded: Set<string>, parentId: string | null = null): Visible[] {
  return nodes.flatMap((node) => [
    { node, parentId },
    ...(expanded.has(node.id) ? flattenVisible(node.children, expanded, node.id) : []),
  ]);
}

// The focus ring belongs on the row, not on the <li> that also wraps the children.
const rowFocus =
  "[[role=treeitem]:focus-visible>&]:outline-2 [[role=treeitem]:focus-visible>&]:-outline-offset-2 [[role=treeitem]:focus-visible>&]:outline-ring";

/**
 * The OU tree, following the WAI-ARIA tree view pattern: one tab stop; ↑ ↓ move, → opens or goes
 * to the first child, ← closes or goes to the parent, Home / End, Enter or Space selects, a letter
 * jumps to the next OU starting with it. Selecting an OU puts it in the URL (?ou=…).
 * Test hooks: ou-tree, ou-node (data-ou-id, data-count).
 */
export function OuTree({
  roots,
  selectedId,
  initiallyExpanded,
  labelledBy,
}: {
  roots: TOuNode[];
  selectedId: string | null;
  initiallyExpanded: string[];
  labelledBy: string;
}) {
  const t = useTranslations("accounts.tree");
  const router = useRouter();
  const baseId = useId();
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useOptimistic(selectedId);
  const [expanded, setExpanded] = useState(() => new Set(initiallyExpanded));
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());

  const visible = useMemo(() => flattenVisible(roots, expanded), [roots, expanded]);
  const isVisible = (id: string | null) => id !== null && visible.some((entry) => entry.node.id === id);
  const tabStop = (isVisible(focusedId) ? focusedId : isVisible(selected) ? selected : visible[0]?.node.id) ?? null;

  function focus(entry: Visible | undefined) {
    if (!entry) return;
    setFocusedId(entry.node.id);
    items.current.get(entry.node.id)?.focus();
  }

  function setOpen(id: string, open: boolean) {
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function select(id: string) {
    setFocusedId(id);
    if (id === selected) return;
    startTransition(() => {
      setSelected(id);
      router.push(accountsHref(id), { scroll: false });
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.ouId;
    const index = visible.findIndex((entry) => entry.node.id === id);
    const current = visible[index];
    if (!current) return;
    const hasChildren = current.node.children.length > 0;
    const open = expanded.has(current.node.id);
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        focus(visible[index + 1]);
        break;
      case "ArrowUp":
        focus(visible[index - 1]);
        break;
      case "Home":
        focus(visible[0]);
        break;
      case "End":
        focus(visible.at(-1));
        break;
      case "ArrowRight":
        if (hasChildren && !open) setOpen(current.node.id, true);
        else if (hasChildren) focus(visible[index + 1]);
        break;
      case "ArrowLeft":
        if (hasChildren && open) setOpen(current.node.id, false);
        else focus(visible.find((entry) => entry.node.id === current.parentId));
        break;
      case "Enter":
      case " ":
        select(current.node.id);
        break;
      default: {
        // Type-ahead: the next visible OU whose name starts with the typed character.
        const char = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey ? event.key.toLowerCase() : null;
        const order = [...visible.slice(index + 1), ...visible.slice(0, index)];
        const match = char ? order.find((entry) => entry.node.name.toLowerCase().startsWith(char)) : undefined;
        if (match) focus(match);
        else handled = false;
      }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function renderNodes(nodes: TOuNode[], level: number): ReactNode {
    return nodes.map((node, index) => {
      const hasChildren = node.children.length > 0;
      const open = hasChildren && expanded.has(node.id);
      const isSelected = selected === node.id;
      const labelId = `${baseId}-${node.id}`;
      return (
        <li
          key={node.id}
          ref={(element) => {
            if (element) items.current.set(node.id, element);
            return () => {
              items.current.delete(node.id);
            };
          }}
          role="treeitem"
          data-testid="ou-node"
          data-ou-id={node.id}
          data-count={node.count}
          aria-level={level}
          aria-setsize={nodes.length}
          aria-posinset={index + 1}
          aria-expanded={hasChildren ? open : undefined}
          aria-selected={isSelected}
          aria-labelledby={`${labelId} ${labelId}-count`}
          tabIndex={tabStop === node.id ? 0 : -1}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocusedId(node.id);
          }}
          className="focus-visible:outline-none"
        >
          <div
            onClick={() => select(node.id)}
            style={{ paddingInlineStart: `${(level - 1) * 1.1 + 0.25}rem` }}
            className={cn(
              "flex h-9 cursor-pointer items-center gap-1.5 rounded-md pr-2 text-sm",
              isSelected ? "bg-primary text-primary-foreground" : "hover:bg-accent hover:text-accent-foreground",
              rowFocus,
            )}
          >
            {hasChildren ? (
              // Not a button: the tree item is the one focusable element; → and ← open and close.
              <span
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  setOpen(node.id, !open);
                }}
                className="flex size-6 shrink-0 items-center justify-center rounded hover:bg-black/10 dark:hover:bg-white/10"
              >
                <ChevronRight className={cn("size-4 transition-transform", open && "rotate-90")} />
              </span>
            ) : (
              <span aria-hidden="true" className="size-6 shrink-0" />
            )}
            {level === 1 ? (
              <FolderTree aria-hidden="true" className="size-4 shrink-0 opacity-80" />
            ) : (
              <Folder aria-hidden="true" className="size-4 shrink-0 opacity-80" />
            )}
            <span id={labelId} className={cn("min-w-0 flex-1 truncate", isSelected && "font-semibold")} title={node.name}>
              {node.name}
            </span>
            <span aria-hidden="true" className="text-xs tabular-nums opacity-90">
              {node.count}
            </span>
            <span id={`${labelId}-count`} className="sr-only">
              {t("count", { count: node.count })}
            </span>
          </div>
          {open ? <ul role="group">{renderNodes(node.children, level + 1)}</ul> : null}
        </li>
      );
    });
  }

  return (
    <ul
      role="tree"
      aria-labelledby={labelledBy}
      aria-busy={pending || undefined}
      data-testid="ou-tree"
      onKeyDown={onKeyDown}
      className={cn("flex flex-col", pending && "opacity-80")}
    >
      {renderNodes(roots, 1)}
    </ul>
  );
}
