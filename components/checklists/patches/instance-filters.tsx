"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import { PATCH_STATES } from "@/server/checklists/patches/patches.types";

type TProps = {
  params: URLSearchParams;
  regions: string[];
  accountName: (id: string) => string;
  ouName: (id: string) => string;
  onChange: (changes: Record<string, string | null>) => void;
};

/**
 * The instance list's filters: state, region, patch group, free text; account and OU (set from the roll-ups) as
 * removable chips. Every change updates the URL. Test hooks: filter-state, filter-region, filter-group, filter-q,
 * filter-chip (data-key), filters-clear.
 */
export function InstanceFilters({ params, regions, accountName, ouName, onChange }: TProps) {
  const t = useTranslations("checklistsPatches.filters");
  const [q, setQ] = useState(params.get("q") ?? "");
  const [group, setGroup] = useState(params.get("group") ?? "");
  const urlQ = params.get("q") ?? "";
  const urlGroup = params.get("group") ?? "";
  // The URL changed from elsewhere (a chip, "clear", Back): the inputs follow it (React's "adjust state on prop change").
  const [seen, setSeen] = useState({ q: urlQ, group: urlGroup });
  if (seen.q !== urlQ || seen.group !== urlGroup) {
    setSeen({ q: urlQ, group: urlGroup });
    if (urlQ !== q.trim()) setQ(urlQ);
    if (urlGroup !== group.trim()) setGroup(urlGroup);
  }
  // Typing settles for 300 ms before the URL (and the list) follows.
  useEffect(() => {
    if (q === urlQ && group === urlGroup) return;
    const timer = setTimeout(() => onChange({ q: q.trim() || null, group: group.trim() || null }), 300);
    return () => clearTimeout(timer);
  }, [q, group, urlQ, urlGroup, onChange]);

  const chips = [
    params.get("account") ? { key: "account", label: t("chipAccount", { name: accountName(params.get("account")!) }) } : null,
    params.get("ou") ? { key: "ou", label: t("chipOu", { name: ouName(params.get("ou")!) }) } : null,
  ].filter((c): c is { key: string; label: string } => c !== null);
  const any = ["account", "ou", "region", "state", "group", "q"].some((k) => params.get(k));

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="patch-filter-state">{t("state")}</Label>
          <Select id="patch-filter-state" data-testid="filter-state" className="w-auto min-w-44" value={params.get("state") ?? ""} onChange={(e) => onChange({ state: e.target.value || null })}>
            <option value="">{t("allStates")}</option>
            {PATCH_STATES.map((s) => <option key={s} value={s}>{t(`stateOption.${s}`)}</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="patch-filter-region">{t("region")}</Label>
          <Select id="patch-filter-region" data-testid="filter-region" className="w-auto min-w-52" value={params.get("region") ?? ""} onChange={(e) => onChange({ region: e.target.value || null })}>
            <option value="">{t("allRegions")}</option>
            {regions.map((r) => <option key={r} value={r}>{r}</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="patch-filter-group">{t("group")}</Label>
          <Input id="patch-filter-group" data-testid="filter-group" className="w-44" value={group} placeholder={t("groupPlaceholder")} onChange={(e) => setGroup(e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="patch-filter-q">{t("search")}</Label>
          <Input id="patch-filter-q" type="search" data-testid="filter-q" className="w-64" value={q} placeholder={t("searchPlaceholder")} onChange={(e) => setQ(e.target.value)} />
        </div>
        {any ? (
          <Button variant="ghost" size="sm" data-testid="filters-clear" onClick={() => {
            setQ("");
            setGroup("");
            onChange({ account: null, ou: null, region: null, state: null, group: null, q: null });
          }}>
            {t("clear")}
          </Button>
        ) : null}
      </div>
      {chips.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("active")}>
          {chips.map((chip) => (
            <li key={chip.key} data-testid="filter-chip" data-key={chip.key} className="inline-flex items-center gap-1 rounded-full border border-border bg-muted px-3 py-1 text-sm">
              {chip.label}
              <button type="button" className="rounded-full p-0.5 hover:bg-accent" aria-label={t("remove", { label: chip.label })} onClick={() => onChange({ [chip.key]: null })}>
                <X aria-hidden="true" className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
