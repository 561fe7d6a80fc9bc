"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { deleteItem, type TInventoryRow } from "./eol-api";

/** Confirms deleting a manual or imported entry. Test hooks: eol-delete-dialog, eol-delete-confirm. */
export function EolDeleteDialog({ row, onClose, onDeleted }: { row: TInventoryRow | null; onClose: () => void; onDeleted: (row: TInventoryRow) => void }) {
  const t = useTranslations("checklistsEol.delete");
  const errorMessage = useApiErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    if (!row) return;
    setBusy(true);
    setError(null);
    try {
      await deleteItem(row.id);
      onDeleted(row);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={row !== null} onClose={() => { setError(null); onClose(); }} title={t("title")} testId="eol-delete-dialog">
      <div className="flex flex-col gap-4">
        <p className="text-sm">{row ? t("confirm", { name: `${row.productName} ${row.version}` }) : null}</p>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} data-autofocus>{t("cancel")}</Button>
          <Button variant="danger" onClick={() => void confirm()} disabled={busy} data-testid="eol-delete-confirm">{t("submit")}</Button>
        </div>
      </div>
    </Modal>
  );
}
