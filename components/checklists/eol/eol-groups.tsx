"use client";

import { useFormatter, useTranslations } from "next-intl";
import { EOL_BUCKETS, type TInventoryGroup } from "@/server/checklists/eol/inventory.types";

/** Counts per status for each product or account; a group's name filters the list to it. Test hooks: eol-group (data-key). */
export function EolGroups({ by, groups, onOpen }: { by: "product" | "account"; groups: TInventoryGroup[]; onOpen: (key: string) => void }) {
  const t = useTranslations("checklistsEol");
  const format = useFormatter();
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="eol-groups" data-by={by}>
        <caption className="sr-only">{t(`groups.${by}Caption`)}</caption>
        <thead className="bg-muted/50 text-left text-xs font-semibold whitespace-nowrap text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">{t(`groups.${by}`)}</th>
            {EOL_BUCKETS.map((b) => <th key={b} scope="col" className="px-3 py-2 text-right">{t(`buckets.${b}`)}</th>)}
            <th scope="col" className="px-3 py-2 text-right">{t("groups.total")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} data-testid="eol-group" data-key={g.key} className="border-t border-border">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <button type="button" className="text-link underline-offset-2 hover:underline" onClick={() => onOpen(g.key)}>
                  {g.label || t("groups.noAccount")}
                </button>
              </th>
              {EOL_BUCKETS.map((b) => (
                <td key={b} className={`px-3 py-2 text-right tabular-nums ${g.counts[b] === 0 ? "text-muted-foreground" : "font-semibold"}`}>{format.number(g.counts[b])}</td>
              ))}
              <td className="px-3 py-2 text-right tabular-nums">{format.number(g.counts.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
