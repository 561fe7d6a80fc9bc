"use client";

import { useId, useMemo, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import type { TFacets } from "./findings-api";
import { ENUM_OPTIONS, FIELD_PARAMS, RANGE_FIELDS, effectiveList, listValues, setClosedRange, setEnumList, type TFilterField } from "./filter-query";
import { useFilterValueLabel } from "./filter-labels";

type Option = { value: string; label: string };

const SINGLE_OPTIONS = {
  sla: ["overdue", "dueSoon"],
  record: ["active", "archived", "all"],
  suppressionExpired: ["true"],
} as const;

/** Which editor a field gets. */
function editorKind(field: TFilterField): "checks" | "single" | "range" {
  if (RANGE_FIELDS.includes(field)) return "range";
  if (field === "owner" || field === "sla" || field === "record" || field === "suppressionExpired") return "single";
  return "checks";
}

function facetValues(field: TFilterField, facets: TFacets | undefined): string[] {
  if (!facets) return [];
  switch (field) {
    case "product":
      return facets.products;
    case "account":
      return facets.accounts.map((account) => account.id);
    case "ou":
      return facets.ous.map((ou) => ou.id);
    case "region":
      return facets.regions;
    case "resourceType":
      return facets.resourceTypes;
    case "control":
      return facets.controls;
    default:
      return [];
  }
}

/** Writes the edited values of one field into the URL parameters. */
export function applyField(params: URLSearchParams, field: TFilterField, values: string[]): void {
  if (field === "severity" || field === "status") {
    setEnumList(params, field, values);
    return;
  }
  if (field === "closed") {
    setClosedRange(params, values[0] ?? "", values[1] ?? "");
    return;
  }
  const keys = FIELD_PARAMS[field];
  if (editorKind(field) === "range") {
    keys.forEach((key, index) => {
      const value = values[index] ?? "";
      if (value) params.set(key, value);
      else params.delete(key);
    });
    return;
  }
  const [key] = keys as [string];
  const cleaned = values.filter(Boolean);
  if (cleaned.length > 0) params.set(key, cleaned.join(","));
  else params.delete(key);
}

/** The values a field holds in the URL, as the editor starts with them. */
function currentValues(params: URLSearchParams, field: TFilterField): string[] {
  if (field === "severity" || field === "status") return effectiveList(params, field);
  const keys = FIELD_PARAMS[field];
  if (editorKind(field) === "range") return keys.map((key) => (params.get(key) ?? "").slice(0, 10));
  return listValues(params, keys[0] as string) ?? [];
}

/**
 * The editor of one filter: checkboxes (with a search over long lists), a single choice, or a date
 * range. Test hooks: filter-editor (data-field), filter-option (data-value), filter-apply.
 */
export function FilterEditor({
  field,
  params,
  facets,
  onApply,
  onCancel,
}: {
  field: TFilterField;
  params: URLSearchParams;
  facets: TFacets | undefined;
  onApply: (values: string[]) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("findings.filter");
  const tFields = useTranslations("findings.fields");
  const label = useFilterValueLabel(facets);
  const kind = editorKind(field);
  const [values, setValues] = useState<string[]>(() => currentValues(params, field));
  const [search, setSearch] = useState("");
  const ids = { search: useId(), from: useId(), to: useId(), group: useId() };

  const options: Option[] = useMemo(() => {
    let raw: string[];
    if (field in ENUM_OPTIONS) raw = [...ENUM_OPTIONS[field as keyof typeof ENUM_OPTIONS]];
    else if (field in SINGLE_OPTIONS) raw = [...SINGLE_OPTIONS[field as keyof typeof SINGLE_OPTIONS]];
    else if (field === "owner") raw = ["me", "none", ...(facets?.users.map((user) => user.id) ?? [])];
    else raw = facetValues(field, facets);
    // Values in the URL that the facets don't list (yet) stay choosable.
    const all = [...raw, ...values.filter((value) => value && !raw.includes(value) && kind !== "range")];
    return all.map((value) => ({ value, label: label(field, value) }));
  }, [field, facets, label, values, kind]);

  const longList = options.length > 8;
  const needle = search.trim().toLowerCase();
  const shown = needle ? options.filter((option) => option.label.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle)) : options;

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(values);
  }

  const name = tFields(field);
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="filter-editor" data-field={field}>
      <p id={ids.group} className="text-sm font-semibold">
        {t("editorTitle", { field: name })}
      </p>
      {kind === "range" ? (
        <div className="grid grid-cols-2 gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor={ids.from} className="text-xs">
              {t("from")}
            </Label>
            <Input
              id={ids.from}
              type="date"
              data-testid="filter-from"
              value={values[0] ?? ""}
              max={values[1] || undefined}
              onChange={(event) => setValues([event.target.value, values[1] ?? ""])}
              className="w-full"
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={ids.to} className="text-xs">
              {t("to")}
            </Label>
            <Input
              id={ids.to}
              type="date"
              data-testid="filter-to"
              value={values[1] ?? ""}
              min={values[0] || undefined}
              onChange={(event) => setValues([values[0] ?? "", event.target.value])}
              className="w-full"
            />
          </div>
        </div>
      ) : (
        <>
          {longList ? (
            <div className="flex flex-col gap-1">
              <Label htmlFor={ids.search} className="sr-only">
                {t("searchOptions", { field: name })}
              </Label>
              <Input
                id={ids.search}
                type="search"
                value={search}
                placeholder={t("searchOptions", { field: name })}
                onChange={(event) => setSearch(event.target.value)}
                className="h-9 w-full"
                autoComplete="off"
              />
            </div>
          ) : null}
          <div role={kind === "single" ? "radiogroup" : "group"} aria-labelledby={ids.group} className="flex max-h-64 flex-col gap-0.5 overflow-y-auto">
            {shown.length === 0 ? <p className="px-1 py-2 text-sm text-muted-foreground">{t("noOptions")}</p> : null}
            {shown.map((option) => {
              const checked = values.includes(option.value);
              return (
                <label
                  key={option.value}
                  data-testid="filter-option"
                  data-value={option.value}
                  className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent"
                >
                  <input
                    type={kind === "single" ? "radio" : "checkbox"}
                    name={kind === "single" ? ids.group : undefined}
                    checked={checked}
                    onChange={() =>
                      setValues(
                        kind === "single"
                          ? [option.value]
                          : checked
                            ? values.filter((value) => value !== option.value)
                            : [...values, option.value],
                      )
                    }
                    className="size-4 shrink-0 accent-primary"
                  />
                  <span className="min-w-0 truncate" title={option.label}>
                    {option.label}
                  </span>
                </label>
              );
            })}
          </div>
        </>
      )}
      <div className="flex justify-between gap-2 border-t border-border pt-3">
        <Button size="sm" variant="ghost" onClick={() => setValues(kind === "range" ? ["", ""] : [])}>
          {t("clear")}
        </Button>
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={onCancel}>
            {t("cancel")}
          </Button>
          <Button size="sm" type="submit" data-testid="filter-apply">
            {t("apply")}
          </Button>
        </div>
      </div>
    </form>
  );
}
