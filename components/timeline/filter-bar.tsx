"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { CalendarRange, Plus, RotateCcw, Search, X } from "lucide-react";
import type { TFacets } from "@/server/findings/findings.types";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { Menu, MenuItem } from "@/components/ui/menu";
import { Popover } from "@/components/findings/popover";
import { cn } from "@/components/lib/cn";
import {
  FILTER_FIELDS,
  LIST_FIELDS,
  QUICK_RANGES,
  activeChips,
  isDefaultView,
  isIpOrCidr,
  listValues,
  setField,
  setRange,
  timeRange,
  type TFilterField,
  type TQuickRange,
} from "./timeline-query";

const SEARCH_DELAY_MS = 300;
const SHOWN_VALUES = 2;

type TUpdate = (change: (next: URLSearchParams) => void) => void;

/** "123456789012" → "Prod (123456789012)" when the app knows the account. */
function useValueLabel(facets: TFacets | undefined) {
  const t = useTranslations("timeline.values");
  return (field: TFilterField, value: string) => {
    if (field === "account") {
      const name = facets?.accounts.find((account) => account.id === value)?.name;
      return name ? `${name} (${value})` : value;
    }
    if (field === "readOnly") return value === "true" ? t("readOnly") : t("write");
    if (field === "errorsOnly") return t("errorsOnly");
    return value;
  };
}

/**
 * The filter bar: the time range (quick ranges + custom), removable chips with "+ Filter", and free text.
 * Test hooks: range-<24h|7d|30d|90d>, range-custom, range-from, range-to, range-apply, filter-chip (data-field),
 * filter-chip-remove, filter-add, filter-add-<field>, filter-editor (data-field), filter-input, filter-option
 * (data-value), filter-apply, filter-invalid, filter-reset, search-input.
 */
export function FilterBar({
  params,
  facets,
  update,
  searchRef,
  now,
  onQuickRange,
}: {
  params: URLSearchParams;
  facets: TFacets | undefined;
  update: TUpdate;
  searchRef: Ref<HTMLInputElement>;
  now: number;
  /** a quick range was chosen: it ends now */
  onQuickRange: () => void;
}) {
  const t = useTranslations("timeline.filter");
  const tFields = useTranslations("timeline.fields");
  const label = useValueLabel(facets);
  const [editing, setEditing] = useState<TFilterField | "range" | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const chips = activeChips(params);
  const range = timeRange(params, now);

  function openEditor(field: TFilterField | "range", from: HTMLElement | null) {
    returnFocus.current = from;
    setEditing(field);
  }
  function closeEditor(focusBack: boolean) {
    setEditing(null);
    if (focusBack) returnFocus.current?.focus();
  }

  return (
    <div className="mb-3 flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label={t("range.label")} className="inline-flex max-w-full flex-wrap overflow-hidden rounded-md border border-border">
          {(Object.keys(QUICK_RANGES) as TQuickRange[]).map((quick) => (
            <button
              key={quick}
              type="button"
              data-testid={`range-${quick}`}
              aria-pressed={range.quick === quick}
              onClick={() => {
                onQuickRange();
                update((next) => setRange(next, quick));
              }}
              className={cn("h-8 shrink-0 whitespace-nowrap px-3 text-sm hover:bg-accent", range.quick === quick && "bg-primary text-primary-foreground hover:bg-primary")}
            >
              {t(`range.quick.${quick}`)}
            </button>
          ))}
          <button
            type="button"
            data-testid="range-custom"
            aria-pressed={range.quick === null}
            aria-haspopup="dialog"
            onClick={(event) => openEditor("range", event.currentTarget)}
            className={cn("inline-flex h-8 shrink-0 items-center gap-1.5 whitespace-nowrap border-l border-border px-3 text-sm hover:bg-accent", range.quick === null && "bg-primary text-primary-foreground hover:bg-primary")}
          >
            <CalendarRange aria-hidden="true" className="size-4" />
            {range.quick === null ? <RangeText from={range.from} to={range.to} /> : t("range.custom")}
          </button>
        </div>
        <SearchBox value={params.get("q") ?? ""} onChange={(q) => update((next) => (q ? next.set("q", q) : next.delete("q")))} inputRef={searchRef} />
      </div>
      <div ref={barRef} className="relative flex flex-wrap items-center gap-2" role="group" aria-label={t("label")}>
        {chips.map((chip) => {
          const name = tFields(chip.field);
          const names = chip.values.slice(0, SHOWN_VALUES).map((value) => label(chip.field, value));
          const rest = chip.values.length - SHOWN_VALUES;
          const text = rest > 0 ? `${names.join(", ")} ${t("more", { count: rest })}` : names.join(", ");
          return (
            <span key={chip.field} data-testid="filter-chip" data-field={chip.field} className="inline-flex h-8 max-w-full items-center overflow-hidden rounded-full border border-border bg-card text-sm">
              <button
                type="button"
                aria-haspopup="dialog"
                aria-expanded={editing === chip.field}
                onClick={(event) => openEditor(chip.field, event.currentTarget)}
                title={t("edit", { field: name })}
                className="flex h-full min-w-0 items-center gap-1 pr-1 pl-3 hover:bg-accent"
              >
                {chip.field === "errorsOnly" ? null : <span className="text-muted-foreground">{name}:</span>}
                <span className={cn("max-w-72 truncate font-medium", ["principal", "resource", "sourceIp"].includes(chip.field) && "font-mono text-xs")}>{text}</span>
              </button>
              <button
                type="button"
                data-testid="filter-chip-remove"
                aria-label={t("remove", { field: name })}
                title={t("remove", { field: name })}
                onClick={() => update((next) => next.delete(chip.field))}
                className="flex h-full items-center px-2 text-muted-foreground hover:bg-accent hover:text-accent-foreground"
              >
                <X aria-hidden="true" className="size-3.5" />
              </button>
            </span>
          );
        })}
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
          {FILTER_FIELDS.map((field) => (
            <MenuItem key={field} data-testid={`filter-add-${field}`} onSelect={() => openEditor(field, barRef.current?.querySelector<HTMLElement>("[data-testid=filter-add]") ?? null)}>
              {tFields(field)}
            </MenuItem>
          ))}
        </Menu>
        {!isDefaultView(params) ? (
          <Button
            size="sm"
            variant="ghost"
            data-testid="filter-reset"
            title={t("resetLabel")}
            onClick={() =>
              update((next) => {
                for (const key of [...next.keys()]) if (key !== "event") next.delete(key);
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
          label={editing === "range" ? t("range.customTitle") : editing ? t("editorTitle", { field: tFields(editing) }) : ""}
          anchorRef={barRef}
          testId="filter-popover"
        >
          {editing === "range" ? (
            <RangeEditor
              from={range.from}
              to={range.to}
              onCancel={() => closeEditor(true)}
              onApply={(from, to) => {
                update((next) => setRange(next, { from, to }));
                closeEditor(true);
              }}
            />
          ) : editing ? (
            <FieldEditor
              key={editing}
              field={editing}
              initial={LIST_FIELDS.has(editing) ? listValues(params, editing) : [params.get(editing) ?? ""].filter(Boolean)}
              facets={facets}
              label={label}
              onCancel={() => closeEditor(true)}
              onApply={(values) => {
                update((next) => setField(next, editing, values));
                closeEditor(true);
              }}
            />
          ) : null}
        </Popover>
      </div>
    </div>
  );
}

function RangeText({ from, to }: { from: string; to: string }) {
  const format = useFormatter();
  const options = { dateStyle: "medium", timeStyle: "short" } as const;
  return (
    <span className="tabular-nums">
      {format.dateTime(new Date(from), options)} – {format.dateTime(new Date(to), options)}
    </span>
  );
}

/** ISO → the value of a datetime-local input in the browser's time zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function RangeEditor({ from, to, onApply, onCancel }: { from: string; to: string; onApply: (from: string, to: string) => void; onCancel: () => void }) {
  const t = useTranslations("timeline.filter");
  const ids = { from: useId(), to: useId(), error: useId() };
  const [values, setValues] = useState({ from: toLocalInput(from), to: toLocalInput(to) });
  const fromMs = Date.parse(values.from);
  const toMs = Date.parse(values.to);
  const invalid = Number.isNaN(fromMs) || Number.isNaN(toMs) ? t("range.invalid") : fromMs >= toMs ? t("range.order") : toMs - fromMs > 400 * 86_400_000 ? t("range.tooLong") : null;
  const [touched, setTouched] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!invalid) onApply(new Date(fromMs).toISOString(), new Date(toMs).toISOString());
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="range-editor" noValidate>
      <p className="text-sm font-semibold">{t("range.customTitle")}</p>
      <div className="flex flex-col gap-1">
        <Label htmlFor={ids.from} className="text-xs">
          {t("range.from")}
        </Label>
        <Input id={ids.from} type="datetime-local" data-testid="range-from" value={values.from} onChange={(event) => setValues({ ...values, from: event.target.value })} aria-describedby={ids.error} className="w-full" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={ids.to} className="text-xs">
          {t("range.to")}
        </Label>
        <Input id={ids.to} type="datetime-local" data-testid="range-to" value={values.to} onChange={(event) => setValues({ ...values, to: event.target.value })} aria-describedby={ids.error} className="w-full" />
      </div>
      <p id={ids.error} role="alert" className="text-sm text-danger dark:text-red-300" data-testid="range-invalid">
        {touched && invalid ? invalid : null}
      </p>
      <EditorButtons onCancel={onCancel} applyTestId="range-apply" />
    </form>
  );
}

function EditorButtons({ onCancel, onClear, applyTestId = "filter-apply" }: { onCancel: () => void; onClear?: () => void; applyTestId?: string }) {
  const t = useTranslations("timeline.filter");
  return (
    <div className="flex justify-between gap-2 border-t border-border pt-3">
      {onClear ? (
        <Button size="sm" variant="ghost" onClick={onClear}>
          {t("clear")}
        </Button>
      ) : (
        <span />
      )}
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button size="sm" type="submit" data-testid={applyTestId}>
          {t("apply")}
        </Button>
      </div>
    </div>
  );
}

const TEXT_FIELDS = new Set<TFilterField>(["principal", "eventName", "eventSource", "sourceIp", "resource"]);

/** One filter's editor: a text input (list fields take comma-separated values), account/region checkboxes, or a single choice. */
function FieldEditor({
  field,
  initial,
  facets,
  label,
  onApply,
  onCancel,
}: {
  field: TFilterField;
  initial: string[];
  facets: TFacets | undefined;
  label: (field: TFilterField, value: string) => string;
  onApply: (values: string[]) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("timeline.filter");
  const tFields = useTranslations("timeline.fields");
  const ids = { input: useId(), hint: useId(), error: useId(), group: useId(), search: useId() };
  const [search, setSearch] = useState("");
  const [text, setText] = useState(initial.join(", "));
  const [values, setValues] = useState<string[]>(field === "errorsOnly" ? ["true"] : initial);
  const [touched, setTouched] = useState(false);
  const name = tFields(field);

  const textValues = LIST_FIELDS.has(field) ? text.split(",").map((value) => value.trim()).filter(Boolean) : [text.trim()].filter(Boolean);
  const invalid =
    field === "sourceIp" && textValues[0] && !isIpOrCidr(textValues[0])
      ? t("invalid.sourceIp")
      : field === "eventName" && textValues.some((value) => !/^[A-Za-z0-9_.:-]{1,128}$/.test(value))
        ? t("invalid.eventName")
        : field === "eventSource" && textValues.some((value) => !/^[a-z0-9.-]{1,128}$/.test(value))
          ? t("invalid.eventSource")
          : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (TEXT_FIELDS.has(field)) {
      if (!invalid) onApply(textValues);
    } else onApply(values);
  }

  let options: string[] = [];
  if (field === "account") options = facets?.accounts.map((account) => account.id) ?? [];
  if (field === "region") options = facets?.regions ?? [];
  if (field === "readOnly") options = ["true", "false"];
  if (field === "errorsOnly") options = ["true"];
  options = [...options, ...values.filter((value) => !options.includes(value))];
  const single = field === "readOnly" || field === "errorsOnly";
  const needle = search.trim().toLowerCase();
  const shown = needle ? options.filter((option) => label(field, option).toLowerCase().includes(needle)) : options;

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="filter-editor" data-field={field} noValidate>
      <p id={ids.group} className="text-sm font-semibold">
        {t("editorTitle", { field: name })}
      </p>
      {TEXT_FIELDS.has(field) ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor={ids.input} className="sr-only">
            {name}
          </Label>
          <Input
            id={ids.input}
            data-testid="filter-input"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t(`placeholder.${field as "principal"}`)}
            aria-describedby={`${ids.hint} ${ids.error}`}
            aria-invalid={touched && invalid ? true : undefined}
            className="w-full font-mono text-xs"
            autoComplete="off"
            spellCheck={false}
          />
          <p id={ids.hint} className="text-xs text-muted-foreground">
            {t(`hint.${field as "principal"}`)}
          </p>
          <p id={ids.error} role="alert" data-testid="filter-invalid" className="text-sm text-danger dark:text-red-300">
            {touched && invalid ? invalid : null}
          </p>
        </div>
      ) : (
        <>
          {options.length > 8 ? (
            <>
              <Label htmlFor={ids.search} className="sr-only">
                {t("searchOptions", { field: name })}
              </Label>
              <Input id={ids.search} type="search" value={search} placeholder={t("searchOptions", { field: name })} onChange={(event) => setSearch(event.target.value)} className="h-9 w-full" autoComplete="off" />
            </>
          ) : null}
          <div role={single ? "radiogroup" : "group"} aria-labelledby={ids.group} className="flex max-h-64 flex-col gap-0.5 overflow-y-auto">
            {shown.length === 0 ? <p className="px-1 py-2 text-sm text-muted-foreground">{t("noOptions")}</p> : null}
            {shown.map((option) => {
              const checked = values.includes(option);
              return (
                <label key={option} data-testid="filter-option" data-value={option} className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent">
                  <input
                    type={single ? "radio" : "checkbox"}
                    name={single ? ids.group : undefined}
                    checked={checked}
                    onChange={() => setValues(single ? [option] : checked ? values.filter((value) => value !== option) : [...values, option])}
                    className="size-4 shrink-0 accent-primary"
                  />
                  <span className={cn("min-w-0 truncate", field === "region" && "font-mono text-xs")}>{label(field, option)}</span>
                </label>
              );
            })}
          </div>
        </>
      )}
      <EditorButtons onCancel={onCancel} onClear={() => (TEXT_FIELDS.has(field) ? setText("") : setValues([]))} />
    </form>
  );
}

/** Free text, written to the URL a moment after typing stops. "/" focuses it. */
function SearchBox({ value, onChange, inputRef }: { value: string; onChange: (q: string) => void; inputRef: Ref<HTMLInputElement> }) {
  const t = useTranslations("timeline.filter.search");
  const id = useId();
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
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
        className="h-8 w-full pl-9"
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
