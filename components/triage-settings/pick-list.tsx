"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";

export type TPickOption = { value: string; label: string; hint?: string };

/**
 * A filterable checkbox list for one criterion (accounts, OUs, controls, products). Values already
 * chosen stay listed first even when the options no longer contain them.
 */
export function PickList({
  label,
  options,
  selected,
  onChange,
  testId,
}: {
  label: string;
  options: TPickOption[];
  selected: string[];
  onChange: (next: string[]) => void;
  testId?: string;
}) {
  const t = useTranslations("triageSettings.dialog");
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const chosen = new Set(selected);
  const known = new Set(options.map((o) => o.value));
  const all: TPickOption[] = [...selected.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v })), ...options];
  const needle = filter.trim().toLowerCase();
  const shown = all
    .filter((o) => !needle || o.label.toLowerCase().includes(needle) || o.value.toLowerCase().includes(needle) || chosen.has(o.value))
    .sort((a, b) => Number(chosen.has(b.value)) - Number(chosen.has(a.value)));

  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5" data-testid={testId}>
      <legend className="mb-1.5 flex w-full items-baseline justify-between gap-2 text-sm font-medium">
        <span>{label}</span>
        <span className="text-xs font-normal text-muted-foreground">{t("selected", { count: selected.length })}</span>
      </legend>
      {options.length > 8 ? (
        <>
          <label htmlFor={filterId} className="sr-only">
            {t("filter", { label })}
          </label>
          <Input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t("filter", { label })} className="h-8 w-full" />
        </>
      ) : null}
      <div className="max-h-36 overflow-y-auto rounded-md border border-border p-1">
        {all.length === 0 ? <p className="px-2 py-1 text-sm text-muted-foreground">{t("noOptions")}</p> : null}
        {all.length > 0 && shown.length === 0 ? <p className="px-2 py-1 text-sm text-muted-foreground">{t("noMatch")}</p> : null}
        {shown.map((option) => (
          <label key={option.value} className="flex cursor-pointer items-baseline gap-2 rounded px-2 py-1 text-sm hover:bg-accent">
            <input
              type="checkbox"
              className="translate-y-0.5"
              checked={chosen.has(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...selected, option.value] : selected.filter((v) => v !== option.value))}
            />
            <span className="min-w-0 break-all">{option.label}</span>
            {option.hint ? <span className="ml-auto shrink-0 font-mono text-xs text-muted-foreground">{option.hint}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
