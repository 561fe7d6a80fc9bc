"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { CsvImportError, importCsv, type TCsvRowError } from "./eol-api";

const MAX_BYTES = 2_000_000;
const SAMPLE = "product,product_name,version,account_id,region,resource_id,resource_name,system,owner,notes\npython,,3.9,123456789012,ap-northeast-1,,batch-worker,Billing,team-a,\n,In-house ERP,7.2,,,,,ERP,team-b,on premises\n";

/**
 * CSV import: all rows or none. The server's refusal lists each bad row with its line and reasons.
 * Test hooks: eol-import-dialog, eol-import-file, eol-import-submit, eol-import-error, eol-import-rows (rows: eol-import-row data-line).
 */
export function EolImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (count: number) => void }) {
  const t = useTranslations("checklistsEol.import");
  const errorMessage = useApiErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; rows: TCsvRowError[] } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return setError({ message: t("chooseFile"), rows: [] });
    if (file.size > MAX_BYTES) return setError({ message: t("tooLarge"), rows: [] });
    setBusy(true);
    setError(null);
    try {
      const result = await importCsv(await file.text(), file.name);
      setFile(null);
      onImported(result.imported);
    } catch (e) {
      setError({ message: errorMessage(e), rows: e instanceof CsvImportError ? e.rows : [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} onClose={onClose} title={t("title")} description={t("description")} testId="eol-import-dialog" size="lg">
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor="eol-import-file">{t("file")}</Label>
          <input id="eol-import-file" type="file" accept=".csv,text/csv" data-testid="eol-import-file" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setError(null); }} className="text-sm" />
        </div>
        <div className="text-xs text-muted-foreground">
          <p>{t("columns")}</p>
          <pre className="mt-1 overflow-x-auto rounded-md bg-muted p-2 font-mono">{SAMPLE}</pre>
        </div>
        {error ? (
          <Alert tone="danger" data-testid="eol-import-error">
            <p>{error.message}</p>
            {error.rows.length ? (
              <table className="mt-2 w-full text-left text-xs" data-testid="eol-import-rows">
                <caption className="sr-only">{t("errorsCaption")}</caption>
                <thead><tr><th scope="col" className="pr-3">{t("line")}</th><th scope="col">{t("problems")}</th></tr></thead>
                <tbody>
                  {error.rows.map((r) => (
                    <tr key={r.line} data-testid="eol-import-row" data-line={r.line} className="align-top">
                      <td className="pr-3 tabular-nums">{r.line}</td>
                      <td><ul>{r.errors.map((m, i) => <li key={i}>{m}</li>)}</ul></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2 border-t border-border pt-3">
          <Button variant="secondary" onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" disabled={busy} data-testid="eol-import-submit">{busy ? t("importing") : t("submit")}</Button>
        </div>
      </form>
    </Modal>
  );
}
