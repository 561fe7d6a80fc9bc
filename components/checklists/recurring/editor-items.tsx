"use client";

import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, Plus, Trash2, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { ITEM_SOURCES } from "@/server/checklists/recurring/checklist-input.schema";
import type { TItemSource } from "../checklists-api";
import { draftKey, type TDraftItem } from "./editor-draft";

/**
 * The editor's item list: title, source (manual or fed), move up / down, archive (kept for history) or
 * remove (new items). Test hooks: editor-items, editor-item (data-archived), editor-item-title,
 * editor-item-source, editor-item-up, editor-item-down, editor-item-remove, editor-item-restore, editor-add-item.
 */
export function EditorItems({ items, onChange, errors }: { items: TDraftItem[]; onChange: (items: TDraftItem[]) => void; errors?: Record<number, string> }) {
  const t = useTranslations("checklists.editor");
  const tSource = useTranslations("checklists.source");
  const active = items.filter((i) => !i.archived);
  const update = (key: string, patch: Partial<TDraftItem>) => onChange(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const move = (key: string, by: -1 | 1) => {
    const index = items.findIndex((i) => i.key === key);
    let target = index + by;
    while (target >= 0 && target < items.length && items[target]!.archived) target += by;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
  };

  return (
    <fieldset className="flex flex-col gap-2" data-testid="editor-items">
      <legend className="mb-1 text-sm font-medium">{t("items", { count: active.length })}</legend>
      {items.length === 0 ? <p className="text-sm text-muted-foreground">{t("noItems")}</p> : null}
      <ol className="flex flex-col gap-2">
        {items.map((item) => {
          const position = active.indexOf(item);
          const error = position >= 0 ? errors?.[position] : undefined;
          const label = item.title.trim() || t("untitled");
          return (
            <li key={item.key} data-testid="editor-item" data-archived={item.archived} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <Input
                  aria-label={t("itemTitle", { position: position + 1 })}
                  data-testid="editor-item-title"
                  value={item.title}
                  maxLength={300}
                  disabled={item.archived}
                  onChange={(e) => update(item.key, { title: e.target.value })}
                  className="min-w-64 flex-[3]"
                  {...(error ? { "aria-invalid": true, "aria-describedby": `item-error-${item.key}` } : {})}
                />
                <Select aria-label={t("itemSource", { title: label })} data-testid="editor-item-source" className="w-44" value={item.source} disabled={item.archived} onChange={(e) => update(item.key, { source: e.target.value as TItemSource })}>
                  {ITEM_SOURCES.map((s) => <option key={s} value={s}>{tSource(s)}</option>)}
                </Select>
                {item.archived ? (
                  <Button variant="ghost" size="sm" onClick={() => update(item.key, { archived: false })} data-testid="editor-item-restore" aria-label={t("restoreItem", { title: label })}>
                    <Undo2 aria-hidden="true" className="size-4" />
                    {t("archivedItem")}
                  </Button>
                ) : (
                  <>
                    <Button variant="ghost" size="icon" className="size-9" onClick={() => move(item.key, -1)} disabled={position <= 0} data-testid="editor-item-up" aria-label={t("moveUp", { title: label })}>
                      <ArrowUp aria-hidden="true" className="size-4" />
                    </Button>
                    <Button variant="ghost" size="icon" className="size-9" onClick={() => move(item.key, 1)} disabled={position === active.length - 1} data-testid="editor-item-down" aria-label={t("moveDown", { title: label })}>
                      <ArrowDown aria-hidden="true" className="size-4" />
                    </Button>
                    <Button
                      variant="ghost" size="icon" className="size-9" data-testid="editor-item-remove"
                      aria-label={item.id ? t("archiveItem", { title: label }) : t("removeItem", { title: label })}
                      onClick={() => (item.id ? update(item.key, { archived: true }) : onChange(items.filter((i) => i.key !== item.key)))}
                    >
                      <Trash2 aria-hidden="true" className="size-4" />
                    </Button>
                  </>
                )}
              </div>
              {error ? <p id={`item-error-${item.key}`} className="text-xs text-danger dark:text-red-300">{t("errors.itemTitle")}</p> : null}
            </li>
          );
        })}
      </ol>
      <div>
        <Button variant="secondary" size="sm" onClick={() => onChange([...items, { key: draftKey(), title: "", source: "manual", archived: false }])} data-testid="editor-add-item">
          <Plus aria-hidden="true" className="size-4" />
          {t("addItem")}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t("itemsHint")}</p>
    </fieldset>
  );
}
