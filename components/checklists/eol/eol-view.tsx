"use client";

import { useEffect, useState } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { CalendarClock, Plus, RotateCw, TriangleExclamationPoint, Upload, X } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { EOL_SOURCES, type TEolBucket } from "@/server/checklists/eol/inventory.types";
import { eolKeys, fetchInventory, type TDiscoveryRunView, type TInventoryList, type TInventoryRow } from "./eol-api";
import { EolCalendar } from "./eol-calendar";
import { EolChips } from "./eol-chips";
import { EolDeleteDialog } from "./eol-delete-dialog";
import { EolDiscovery } from "./eol-discovery";
import { EolFeedsDialog } from "./eol-feeds-dialog";
import { EolGroups } from "./eol-groups";
import { EolImportDialog } from "./eol-import-dialog";
import { EolItemDialog, type TProductOption } from "./eol-item-dialog";
import { EolTable } from "./eol-table";
import { EOL_VIEWS, useEolParams } from "./use-eol-params";

type TDialog = { kind: "add" } | { kind: "edit"; row: TInventoryRow } | { kind: "delete"; row: TInventoryRow } | { kind: "import" } | { kind: "feeds" } | null;

/**
 * The EOL tab: status chips, filters, the list (or groups by product / account, or the calendar) and,
 * for analysts and admins, add / import / discover / iCal feeds. Every filter is in the URL.
 * Test hooks: eol-panel, eol-view-<list|product|account|calendar>, eol-search, eol-source, eol-gone,
 * eol-add, eol-import, eol-feeds, eol-confirmation, eol-loading, eol-error, eol-retry, eol-filter-<product|account>, eol-page-next / -prev.
 */
export function EolView({ initial, initialRun, renderedAt, canEdit, products, catalogAsOf }: {
  initial?: { search: string; data: TInventoryList };
  initialRun: TDiscoveryRunView | null;
  renderedAt: string;
  canEdit: boolean;
  products: TProductOption[];
  catalogAsOf: string;
}) {
  const t = useTranslations("checklistsEol");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const client = useQueryClient();
  const { params, search, view, month, update } = useEolParams();
  const [dialog, setDialog] = useState<TDialog>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [q, setQ] = useState(params.get("q") ?? "");
  const query = useQuery({
    queryKey: eolKeys.list(search),
    queryFn: ({ signal }) => fetchInventory(search, signal),
    placeholderData: keepPreviousData,
    ...(initial && initial.search === search ? { initialData: initial.data, initialDataUpdatedAt: Date.parse(renderedAt) } : {}),
  });

  // Typing in the search box updates the URL (and the list) after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => { if ((params.get("q") ?? "") !== q.trim()) update({ q: q.trim() || null }); }, 300);
    return () => clearTimeout(timer);
  }, [q, params, update]);

  const refresh = () => client.invalidateQueries({ queryKey: eolKeys.all, predicate: (k) => k.queryKey[1] !== "discovery" });
  const done = (message: string) => {
    setDialog(null);
    setConfirmation(message);
    void refresh();
  };
  const data = query.data;
  const product = params.get("product");
  const account = params.get("account");
  const productLabel = product ? (data?.items.find((r) => (r.product ?? `free:${r.productName}`) === product)?.productName ?? (product.startsWith("free:") ? product.slice(5) : product)) : null;
  const filtered = Boolean(params.get("status") || product || account || params.get("source") || params.get("q"));

  return (
    <section aria-labelledby="eol-heading" className="flex flex-col gap-4" data-testid="eol-panel">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="eol-heading" className="text-lg font-semibold">{t("title")}</h2>
          <p className="max-w-prose text-sm text-muted-foreground">{t("description", { asOf: catalogAsOf })}</p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => setDialog({ kind: "add" })} data-testid="eol-add"><Plus aria-hidden="true" className="size-4" />{t("actions.add")}</Button>
            <Button size="sm" variant="secondary" onClick={() => setDialog({ kind: "import" })} data-testid="eol-import"><Upload aria-hidden="true" className="size-4" />{t("actions.import")}</Button>
            <Button size="sm" variant="secondary" onClick={() => setDialog({ kind: "feeds" })} data-testid="eol-feeds"><CalendarClock aria-hidden="true" className="size-4" />{t("actions.feeds")}</Button>
          </div>
        ) : null}
      </div>
      {!canEdit ? <Alert tone="info" role="note">{t("readOnly")}</Alert> : null}
      <EolDiscovery initial={initialRun} canEdit={canEdit} />
      {confirmation ? <Alert tone="success" data-testid="eol-confirmation">{confirmation}</Alert> : null}

      <EolChips counts={data?.summary} selected={params.get("status")} onSelect={(bucket: TEolBucket | null) => update({ status: bucket, view: view === "calendar" ? null : params.get("view") })} />

      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <Label htmlFor="eol-search">{t("filters.search")}</Label>
          <Input id="eol-search" type="search" className="w-[22rem] max-w-full" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("filters.searchPlaceholder")} data-testid="eol-search" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="eol-source">{t("filters.source")}</Label>
          <Select id="eol-source" className="w-44" value={params.get("source") ?? ""} onChange={(e) => update({ source: e.target.value || null })} data-testid="eol-source">
            <option value="">{t("filters.anySource")}</option>
            {EOL_SOURCES.map((s) => <option key={s} value={s}>{t(`sources.${s}`)}</option>)}
          </Select>
        </div>
        <label className="inline-flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" checked={params.get("gone") === "1"} onChange={(e) => update({ gone: e.target.checked ? "1" : null })} data-testid="eol-gone" />
          {t("filters.showGone")}
        </label>
        <div role="group" aria-label={t("views.label")} className="ml-auto inline-flex max-w-full flex-wrap rounded-md border border-border p-0.5">
          {EOL_VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} data-testid={`eol-view-${v}`} onClick={() => update({ view: v === "list" ? null : v, page: params.get("page") })}
              className={`h-8 shrink-0 whitespace-nowrap rounded px-3 text-sm font-medium ${view === v ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-accent hover:text-accent-foreground"}`}>
              {t(`views.${v}`)}
            </button>
          ))}
        </div>
      </div>
      {product || account ? (
        <div className="flex flex-wrap gap-2">
          {product ? <FilterChip testId="eol-filter-product" label={t("filters.product", { name: productLabel ?? product })} remove={t("filters.remove")} onRemove={() => update({ product: null })} /> : null}
          {account ? <FilterChip testId="eol-filter-account" label={t("filters.account", { name: account === "none" ? t("groups.noAccount") : account })} remove={t("filters.remove")} onRemove={() => update({ account: null })} /> : null}
        </div>
      ) : null}

      {view === "calendar" ? (
        <EolCalendar month={month} search={search.replace(/(^|&)(status|page)=[^&]*/g, "").replace(/^&/, "")} onMonth={(m) => update({ month: m })} />
      ) : !data && query.isError ? (
        <div role="alert" data-testid="eol-error" className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft p-6">
          <h3 className="flex items-center gap-2 text-lg font-semibold text-danger dark:text-red-300"><TriangleExclamationPoint aria-hidden="true" className="size-5" />{t("errorTitle")}</h3>
          <p>{errorMessage(query.error)}</p>
          <Button variant="secondary" onClick={() => void query.refetch()} data-testid="eol-retry"><RotateCw aria-hidden="true" className="size-4" />{t("retry")}</Button>
        </div>
      ) : !data ? (
        <div role="status" data-testid="eol-loading" className="flex flex-col gap-2"><span className="sr-only">{t("loading")}</span>{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}</div>
      ) : data.total === 0 ? (
        <EmptyState
          title={filtered ? t("empty.filteredTitle") : t("empty.title")}
          description={filtered ? t("empty.filteredDescription") : canEdit ? t("empty.description") : t("empty.viewerDescription")}
          action={filtered ? <Button variant="secondary" onClick={() => { setQ(""); update({ status: null, product: null, account: null, source: null, q: null }); }}>{t("filters.clear")}</Button> : undefined}
        />
      ) : view === "product" || view === "account" ? (
        <EolGroups by={view} groups={view === "product" ? data.byProduct : data.byAccount} onOpen={(key) => update({ [view]: key, view: null })} />
      ) : (
        <>
          {query.isRefetchError ? <Alert tone="danger">{t("refreshError", { message: errorMessage(query.error) })}</Alert> : null}
          <EolTable rows={data.items} canEdit={canEdit} onEdit={(row) => setDialog({ kind: "edit", row })} onDelete={(row) => setDialog({ kind: "delete", row })} />
          <nav aria-label={t("paging.label")} className="flex items-center justify-between text-sm">
            <span className="text-muted-foreground" data-testid="eol-range">
              {t("paging.range", { from: format.number((data.page - 1) * data.pageSize + 1), to: format.number(Math.min(data.total, data.page * data.pageSize)), total: format.number(data.total) })}
            </span>
            <span className="flex gap-2">
              <Button variant="secondary" size="sm" disabled={data.page <= 1} onClick={() => update({ page: data.page > 2 ? String(data.page - 1) : null })} data-testid="eol-page-prev">{t("paging.previous")}</Button>
              <Button variant="secondary" size="sm" disabled={data.page * data.pageSize >= data.total} onClick={() => update({ page: String(data.page + 1) })} data-testid="eol-page-next">{t("paging.next")}</Button>
            </span>
          </nav>
        </>
      )}

      {canEdit ? (
        <>
          <EolItemDialog open={dialog?.kind === "add" || dialog?.kind === "edit"} row={dialog?.kind === "edit" ? dialog.row : null} products={products} onClose={() => setDialog(null)}
            onSaved={(row) => done(t("saved", { name: `${row.productName} ${row.version}` }))} />
          <EolDeleteDialog row={dialog?.kind === "delete" ? dialog.row : null} onClose={() => setDialog(null)} onDeleted={(row) => done(t("deleted", { name: `${row.productName} ${row.version}` }))} />
          <EolImportDialog open={dialog?.kind === "import"} onClose={() => setDialog(null)} onImported={(count) => done(t("imported", { count }))} />
          <EolFeedsDialog open={dialog?.kind === "feeds"} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </section>
  );
}

function FilterChip({ label, remove, onRemove, testId }: { label: string; remove: string; onRemove: () => void; testId: string }) {
  return (
    <span data-testid={testId} className="inline-flex h-8 items-center gap-1 rounded-full border border-border bg-card pr-1 pl-3 text-sm">
      {label}
      <button type="button" onClick={onRemove} aria-label={`${remove}: ${label}`} title={remove} className="inline-flex size-6 items-center justify-center rounded-full hover:bg-accent">
        <X aria-hidden="true" className="size-3.5" />
      </button>
    </span>
  );
}
