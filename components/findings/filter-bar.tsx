"use client";

import { useEffect, useId, useRef, useState, type Ref } from "react";
import { useTranslations } from "next-intl";
import { ArrowDownWideNarrow, ArrowUpNarrowWide, Plus, RotateCcw, Search, X } from "lucide-react";
import { SORT_KEYS, type TSortKey } from "@/server/findings/findings.types";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import { Menu, MenuItem } from "@/components/ui/menu";
import type { TFacets } from "./findings-api";
import { FilterEditor, applyField } from "./filter-editor";
import { useFilterValueLabel, useReviewChipText } from "./filter-labels";
import { ADDABLE_FIELDS, LINK_ONLY_FIELDS, RANGE_FIELDS, SORT_DEFAULT, activeChips, defaultDir, isDefaultView, removeField, type TChip, type TFilterField } from "./filter-query";
import { Popover } from "./popover";

const SEARCH_DELAY_MS = 300;
const SHOWN_VALUES = 2;

/**
 * The filter bar: removable chips, "+ Filter", search (q) and sort. Everything is written to the URL.
 * Test hooks: filter-chip (data-field), filter-chip-remove, filter-add, filter-reset, search-input,
 * sort-select, sort-dir.
 */
export function FilterBar({
  params,
  facets,
  update,
  searchRef,
}: {
  params: URLSearchParams;
  facets: TFacets | undefined;
  update: (change: (next: URLSearchParams) => void) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const t = useTranslations("findings.filter");
  const tFields = useTranslations("findings.fields");
  const label = useFilterValueLabel(facets);
  const reviewText = useReviewChipText(params);
  const [editing, setEditing] = useState<TFilterField | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const chips = activeChips(params);
  const sort = (SORT_KEYS as readonly string[]).includes(params.get("sort") ?? "") ? (params.get("sort") as TSortKey) : SORT_DEFAULT;
  const dir = params.get("dir") === "asc" || params.get("dir") === "desc" ? (params.get("dir") as "asc" | "desc") : defaultDir(sort);
  const sortId = useId();

  function chipText(chip: TChip): string {
    if (RANGE_FIELDS.includes(chip.field)) {
      return `${label(chip.field, chip.values[0] ?? "")} – ${label(chip.field, chip.values[1] ?? "")}`;
    }
    const names = chip.values.slice(0, SHOWN_VALUES).map((value) => label(chip.field, value));
    const rest = chip.values.length - SHOWN_VALUES;
    return rest > 0 ? `${names.join(", ")} ${t("more", { count: rest })}` : names.join(", ");
  }

  function openEditor(field: TFilterField, from: HTMLElement | null) {
    returnFocus.current = from;
    setEditing(field);
  }

  function closeEditor(focusBack: boolean) {
    setEditing(null);
    if (focusBack) returnFocus.current?.focus();
  }

  return (
    <div className="mb-3 flex flex-col gap-2">
      <div ref={barRef} className="relative flex flex-wrap items-center gap-2" role="group" aria-label={t("label")}>
        {chips.map((chip) => {
          const name = tFields(chip.field);
          return (
            <span
              key={chip.field}
              data-testid="filter-chip"
              data-field={chip.field}
              data-default={chip.isDefault || undefined}
              className="inline-flex h-8 max-w-full items-center overflow-hidden rounded-full border border-border bg-card text-sm"
            >
              {LINK_ONLY_FIELDS.includes(chip.field) ? (
                // Set by a link (a review section): not editable here, only removable.
                <span data-testid="filter-chip-text" className="flex h-full min-w-0 items-center pr-1 pl-3">
                  <span className="max-w-96 truncate font-medium" title={reviewText ?? undefined}>{reviewText}</span>
                </span>
              ) : (
                <button
                  type="button"
                  aria-haspopup="dialog"
                  aria-expanded={editing === chip.field}
                  onClick={(event) => openEditor(chip.field, event.currentTarget)}
                  title={t("edit", { field: name })}
                  className="flex h-full min-w-0 items-center gap-1 pr-1 pl-3 hover:bg-accent"
                >
                  <span className="text-muted-foreground">{name}:</span>
                  <span className="max-w-72 truncate font-medium">{chipText(chip)}</span>
                </button>
              )}
              <button
                type="button"
                data-testid="filter-chip-remove"
                aria-label={t("remove", { field: name })}
                title={t("remove", { field: name })}
                onClick={() => update((next) => removeField(next, chip.field))}
                className="flex h-full items-center px-2 text-muted-foreground hover:bg-accent hover:text-accent-foreground"
              >
                <X aria-hidden="true" className="size-3.5" />
              </button>
            </span>
          );
        })}
        <div ref={addRef}>
          <Menu
            align="start"
            triggerTestId="filter-add"
            menuLabel={t("addMenu")}
            triggerClassName="h-8 rounded-full border border-dashed border-input px-3"
            trigger={
              <>
                <Plus aria-hidden="true" className="size-4" />
                {t("add")}
              </>
            }
          >
            {ADDABLE_FIELDS.map((field) => (
              <MenuItem key={field} data-testid={`filter-add-${field}`} onSelect={() => openEditor(field, addRef.current?.querySelector("button") ?? null)}>
                {tFields(field)}
              </MenuItem>
            ))}
          </Menu>
        </div>
        {!isDefaultView(params) ? (
          <Button
            size="sm"
            variant="ghost"
            data-testid="filter-reset"
            title={t("resetLabel")}
            onClick={() =>
              update((next) => {
                for (const key of [...next.keys()]) if (key !== "finding") next.delete(key);
              })
            }
          >
            <RotateCcw aria-hidden="true" className="size-4" />
            {t("reset")}
          </Button>
        ) : null}
        <Popover
          open={editing !== null}
          onClose={closeEditor}
          label={editing ? t("editorTitle", { field: tFields(editing) }) : ""}
          anchorRef={barRef}
          testId="filter-popover"
        >
          {editing ? (
            <FilterEditor
              key={editing}
              field={editing}
              params={params}
              facets={facets}
              onCancel={() => closeEditor(true)}
              onApply={(values) => {
                update((next) => applyField(next, editing, values));
                closeEditor(true);
              }}
            />
          ) : null}
        </Popover>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <SearchBox value={params.get("q") ?? ""} onChange={(q) => update((next) => (q ? next.set("q", q) : next.delete("q")))} inputRef={searchRef} />
        <div className="ml-auto flex items-center gap-1.5">
          <Label htmlFor={sortId} className="text-sm text-muted-foreground">
            {t("sort.label")}
          </Label>
          <Select
            id={sortId}
            data-testid="sort-select"
            value={sort}
            onChange={(event) =>
              update((next) => {
                const value = event.target.value as TSortKey;
                if (value === SORT_DEFAULT) next.delete("sort");
                else next.set("sort", value);
                next.delete("dir");
              })
            }
            className="w-40"
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`sort.${key}`)}
              </option>
            ))}
          </Select>
          <Button
            size="sm"
            variant="secondary"
            data-testid="sort-dir"
            data-dir={dir}
            aria-label={t("sort.dirLabel", { dir: t(`sort.${dir}`) })}
            title={t("sort.dirLabel", { dir: t(`sort.${dir}`) })}
            onClick={() =>
              update((next) => {
                const flipped = dir === "asc" ? "desc" : "asc";
                if (flipped === defaultDir(sort)) next.delete("dir");
                else next.set("dir", flipped);
              })
            }
            className="h-9 w-9 px-0"
          >
            {dir === "asc" ? <ArrowUpNarrowWide aria-hidden="true" className="size-4" /> : <ArrowDownWideNarrow aria-hidden="true" className="size-4" />}
          </Button>
        </div>
      </div>
    </div>
  );
}

/** Free-text search, written to the URL a moment after typing stops. "/" focuses it (see the page's shortcuts). */
function SearchBox({ value, onChange, inputRef }: { value: string; onChange: (q: string) => void; inputRef: Ref<HTMLInputElement> }) {
  const t = useTranslations("findings.filter.search");
  const id = useId();
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  // The URL changed from elsewhere (reset, a saved view): show its value.
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onChangeRef.current(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <div role="search" className="relative w-full max-w-md min-w-56 flex-1">
      <Label htmlFor={id} className="sr-only">
        {t("label")}
      </Label>
      <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        ref={inputRef}
        id={id}
        type="search"
        data-testid="search-input"
        value={text}
        maxLength={200}
        placeholder={t("placeholder")}
        aria-keyshortcuts="/"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onChange(text.trim());
          if (event.key === "Escape" && text) {
            event.stopPropagation();
            setText("");
            onChange("");
          }
        }}
        className="h-9 w-full pl-9"
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
