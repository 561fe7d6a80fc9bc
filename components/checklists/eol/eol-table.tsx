"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { TInventoryRow } from "./eol-api";
import { StatusBadge } from "./eol-status";

/** The inventory rows: what, which cycle and when it ends, where it runs, whose it is. Test hooks: eol-row (data-id, data-status, data-source), eol-edit, eol-delete. */
export function EolTable({ rows, canEdit, onEdit, onDelete }: { rows: TInventoryRow[]; canEdit: boolean; onEdit: (row: TInventoryRow) => void; onDelete: (row: TInventoryRow) => void }) {
  const t = useTranslations("checklistsEol.table");
  const tSource = useTranslations("checklistsEol.sources");
  const format = useFormatter();
  const date = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm" data-testid="eol-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-muted/50 text-left text-xs font-semibold whitespace-nowrap text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">{t("product")}</th>
            <th scope="col" className="px-3 py-2">{t("version")}</th>
            <th scope="col" className="px-3 py-2">{t("eol")}</th>
            <th scope="col" className="px-3 py-2">{t("where")}</th>
            <th scope="col" className="px-3 py-2">{t("owner")}</th>
            <th scope="col" className="px-3 py-2">{t("source")}</th>
            {canEdit ? <th scope="col" className="px-3 py-2"><span className="sr-only">{t("actions")}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = `${row.productName} ${row.version}`;
            return (
              <tr key={row.id} data-testid="eol-row" data-id={row.id} data-status={row.status} data-source={row.source} className="border-t border-border align-top">
                <td className="px-3 py-2">
                  <div className="font-medium">{row.productName}</div>
                  {row.product ? <div className="font-mono text-xs text-muted-foreground">{row.product}</div> : <div className="text-xs text-muted-foreground">{t("freeText")}</div>}
                </td>
                <td className="px-3 py-2">
                  <div className="font-mono">{row.version}</div>
                  <div className="text-xs text-muted-foreground">{row.cycle ? t("cycle", { cycle: row.cycle }) : t("noCycle")}</div>
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={row.status} />
                  {row.eolDate ? (
                    <div className="mt-1 text-xs whitespace-nowrap" data-testid="eol-date">
                      {date(row.eolDate)}
                      {row.daysLeft !== null ? <> · {row.daysLeft >= 0 ? t("daysLeft", { days: row.daysLeft }) : t("daysAgo", { days: -row.daysLeft })}</> : null}
                    </div>
                  ) : null}
                  {row.eoasDate && row.status !== "eol" ? <div className="text-xs whitespace-nowrap text-muted-foreground">{t("eoas", { date: date(row.eoasDate) })}</div> : null}
                </td>
                <td className="px-3 py-2">
                  {row.accountId ? <div>{row.accountName ?? ""} <span className="font-mono text-xs text-muted-foreground">{row.accountId}</span></div> : null}
                  {row.region ? <div className="font-mono text-xs text-muted-foreground">{row.region}</div> : null}
                  {row.resourceName || row.resourceId ? <div className="max-w-72 truncate font-mono text-xs" title={row.resourceId ?? undefined}>{row.resourceName ?? row.resourceId}</div> : null}
                  {row.systemName ? <div className="text-xs">{t("system", { name: row.systemName })}</div> : null}
                  {!row.accountId && !row.region && !row.resourceId && !row.systemName ? <span className="text-muted-foreground">{t("notEntered")}</span> : null}
                </td>
                <td className="px-3 py-2">{row.ownerName ?? <span className="text-muted-foreground">{t("notEntered")}</span>}</td>
                <td className="px-3 py-2">
                  <div className="whitespace-nowrap">{tSource(row.source)}</div>
                  {row.goneAt ? <div className="text-xs text-danger dark:text-red-300">{t("gone")}</div> : null}
                  {row.notes ? <div className="max-w-60 truncate text-xs text-muted-foreground" title={row.notes}>{row.notes}</div> : null}
                </td>
                {canEdit ? (
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {row.source !== "discovered" ? (
                      <>
                        <Button size="icon" variant="ghost" className="size-8" aria-label={t("edit", { name })} title={t("edit", { name })} data-testid="eol-edit" onClick={() => onEdit(row)}>
                          <Pencil aria-hidden="true" className="size-4" />
                        </Button>
                        <Button size="icon" variant="ghost" className="size-8" aria-label={t("delete", { name })} title={t("delete", { name })} data-testid="eol-delete" onClick={() => onDelete(row)}>
                          <Trash2 aria-hidden="true" className="size-4" />
                        </Button>
                      </>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
