"use client";

import { useMemo, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { saveItem, type TInventoryRow } from "./eol-api";

export type TProductOption = { slug: string; title: string };

const FIELDS = ["accountId", "region", "resourceId", "resourceName", "systemName", "ownerName"] as const;

/**
 * Add or edit a manual entry: a catalog product (searchable list) or free text, a version, where it runs,
 * the owner and notes. Test hooks: eol-item-dialog, eol-kind-catalog / eol-kind-free, eol-product-search,
 * eol-product-select, eol-free-name, eol-version, eol-field-<name>, eol-notes, eol-item-submit, eol-item-error.
 */
export function EolItemDialog({ open, row, products, onClose, onSaved }: { open: boolean; row: TInventoryRow | null; products: TProductOption[]; onClose: () => void; onSaved: (row: TInventoryRow) => void }) {
  const t = useTranslations("checklistsEol.item");
  return (
    <Modal open={open} onClose={onClose} title={row ? t("editTitle") : t("addTitle")} description={t("description")} testId="eol-item-dialog" size="lg">
      {open ? <ItemForm key={row?.id ?? "new"} row={row} products={products} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function ItemForm({ row, products, onClose, onSaved }: { row: TInventoryRow | null; products: TProductOption[]; onClose: () => void; onSaved: (row: TInventoryRow) => void }) {
  const t = useTranslations("checklistsEol.item");
  const errorMessage = useApiErrorMessage();
  const [kind, setKind] = useState<"catalog" | "free">(row && !row.product ? "free" : "catalog");
  const [search, setSearch] = useState("");
  const [slug, setSlug] = useState(row?.product ?? "");
  const [freeName, setFreeName] = useState(row && !row.product ? row.productName : "");
  const [version, setVersion] = useState(row?.version ?? "");
  const [fields, setFields] = useState<Record<(typeof FIELDS)[number], string>>(() => Object.fromEntries(FIELDS.map((f) => [f, row?.[f] ?? ""])) as Record<(typeof FIELDS)[number], string>);
  const [notes, setNotes] = useState(row?.notes ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const matches = useMemo(() => {
    const q = search.trim().toLowerCase();
    const list = q ? products.filter((p) => p.slug.includes(q) || p.title.toLowerCase().includes(q)) : products;
    const selected = products.find((p) => p.slug === slug);
    return selected && !list.includes(selected) ? [selected, ...list] : list;
  }, [products, search, slug]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (kind === "catalog" && !slug) return setError(t("chooseProduct"));
    setSaving(true);
    setError(null);
    try {
      const saved = await saveItem(row?.id ?? null, {
        product: kind === "catalog" ? { kind, slug } : { kind, name: freeName },
        version, ...Object.fromEntries(FIELDS.map((f) => [f, fields[f].trim() || undefined])), notes: notes.trim() || undefined,
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("product")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="inline-flex items-center gap-2"><input type="radio" name="kind" checked={kind === "catalog"} onChange={() => setKind("catalog")} data-testid="eol-kind-catalog" />{t("catalog")}</label>
          <label className="inline-flex items-center gap-2"><input type="radio" name="kind" checked={kind === "free"} onChange={() => setKind("free")} data-testid="eol-kind-free" />{t("free")}</label>
        </div>
        {kind === "catalog" ? (
          <div className="flex flex-col gap-2">
            <Label htmlFor="eol-product-search">{t("search")}</Label>
            <Input id="eol-product-search" type="search" className="w-full" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("searchPlaceholder")} data-testid="eol-product-search" />
            <Label htmlFor="eol-product-select">{t("results", { count: matches.length })}</Label>
            <Select id="eol-product-select" size={6} className="h-auto w-full py-1" value={slug} onChange={(e) => setSlug(e.target.value)} data-testid="eol-product-select" required>
              {matches.slice(0, 200).map((p) => <option key={p.slug} value={p.slug}>{p.title} ({p.slug})</option>)}
            </Select>
          </div>
        ) : (
          <div className="flex flex-col gap-1">
            <Label htmlFor="eol-free-name">{t("freeName")}</Label>
            <Input id="eol-free-name" className="w-full" value={freeName} onChange={(e) => setFreeName(e.target.value)} data-testid="eol-free-name" required maxLength={200} />
            <p className="text-xs text-muted-foreground">{t("freeHint")}</p>
          </div>
        )}
      </fieldset>
      <div className="flex flex-col gap-1">
        <Label htmlFor="eol-version">{t("version")}</Label>
        <Input id="eol-version" className="w-full" value={version} onChange={(e) => setVersion(e.target.value)} data-testid="eol-version" required maxLength={100} aria-describedby="eol-version-hint" />
        <p id="eol-version-hint" className="text-xs text-muted-foreground">{t("versionHint")}</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <div key={f} className="flex flex-col gap-1">
            <Label htmlFor={`eol-field-${f}`}>{t(`fields.${f}`)}</Label>
            <Input id={`eol-field-${f}`} className="w-full" value={fields[f]} onChange={(e) => setFields({ ...fields, [f]: e.target.value })} data-testid={`eol-field-${f}`}
              placeholder={f === "accountId" ? "123456789012" : f === "region" ? "ap-northeast-1" : undefined} />
          </div>
        ))}
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="eol-notes">{t("notes")}</Label>
        <textarea id="eol-notes" rows={3} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="eol-notes"
          className="block w-full rounded-md border border-input bg-card px-3 py-2 text-sm" />
      </div>
      {error ? <Alert tone="danger" data-testid="eol-item-error">{error}</Alert> : null}
      <div className="flex justify-end gap-2 border-t border-border pt-3">
        <Button variant="secondary" onClick={onClose}>{t("cancel")}</Button>
        <Button type="submit" disabled={saving} data-testid="eol-item-submit">{saving ? t("saving") : t("save")}</Button>
      </div>
    </form>
  );
}
