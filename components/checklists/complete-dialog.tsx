"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import type { TChecklistItem, TCompletionResult } from "./checklists-api";
import { useFeedFigures } from "./recurring/feed-chip";
import { useCompleteItem } from "./use-checklists";

const textarea = "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground placeholder:text-muted-foreground aria-invalid:border-danger";

/**
 * Marks an item done for the period it is about, with a result and evidence (prefilled with a fed item's figures).
 * Test hooks: complete-dialog, complete-result-ok, complete-result-issue, complete-note, complete-link,
 * complete-submit, complete-error.
 */
export function CompleteDialog({ item, onClose, onDone }: { item: TChecklistItem; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("checklists.complete");
  const errorMessage = useApiErrorMessage();
  const complete = useCompleteItem();
  const [result, setResult] = useState<TCompletionResult>("OK");
  const figures = useFeedFigures();
  // A fed item's evidence starts with the feed's figures; the result stays the analyst's decision.
  const [note, setNote] = useState(() => (item.feed && item.feed.ok !== null && Object.keys(item.feed.counts).length > 0 ? t("feedEvidence", { figures: figures(item.feed) }) : ""));
  const [link, setLink] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function submit() {
    setProblem(null);
    const trimmedNote = note.trim();
    const trimmedLink = link.trim();
    if (trimmedLink && !/^https?:\/\/\S+$/i.test(trimmedLink)) return setProblem(t("linkInvalid"));
    if (result === "ISSUE" && !trimmedNote && !trimmedLink) return setProblem(t("evidenceRequired"));
    complete.mutate(
      {
        itemId: item.id,
        input: { periodKey: item.period.key, result, ...(trimmedNote ? { note: trimmedNote } : {}), ...(trimmedLink ? { link: trimmedLink } : {}) },
      },
      {
        onSuccess: () => onDone(t("done", { title: item.title, period: item.period.key })),
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  }

  const radio = "flex items-center gap-2 rounded-md border border-border px-3 py-2 text-sm has-checked:border-primary has-checked:bg-accent";
  return (
    <Modal open onClose={onClose} title={t("title")} description={t("description", { title: item.title, period: item.period.key })} testId="complete-dialog" padded={false}>
      <form
        noValidate
        className="flex min-h-0 flex-col"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="flex min-h-0 flex-col gap-4 overflow-y-auto px-5 py-4">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t("result")}</legend>
            <div className="flex flex-wrap gap-2">
              <label className={radio}>
                <input type="radio" name="complete-result" value="OK" data-testid="complete-result-ok" checked={result === "OK"} onChange={() => setResult("OK")} data-autofocus />
                {t("resultOk")}
              </label>
              <label className={radio}>
                <input type="radio" name="complete-result" value="ISSUE" data-testid="complete-result-issue" checked={result === "ISSUE"} onChange={() => setResult("ISSUE")} />
                {t("resultIssue")}
              </label>
            </div>
          </fieldset>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="complete-note">{t("note")}</Label>
            <textarea id="complete-note" data-testid="complete-note" rows={3} maxLength={2000} value={note} aria-describedby="complete-evidence-hint" onChange={(e) => setNote(e.target.value)} className={textarea} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="complete-link">{t("link")}</Label>
            <Input id="complete-link" data-testid="complete-link" type="url" inputMode="url" maxLength={2000} placeholder="https://" value={link} aria-describedby="complete-evidence-hint" onChange={(e) => setLink(e.target.value)} className="w-full" />
          </div>
          <p id="complete-evidence-hint" className="text-xs text-muted-foreground">{t("evidenceHint")}</p>
          {problem ? <Alert tone="danger" data-testid="complete-error">{problem}</Alert> : null}
        </div>
        <div className="flex justify-end gap-2 border-t border-border px-5 py-3">
          <Button type="button" variant="secondary" onClick={onClose} disabled={complete.isPending}>{t("cancel")}</Button>
          <Button type="submit" data-testid="complete-submit" disabled={complete.isPending}>{complete.isPending ? t("saving") : t("submit")}</Button>
        </div>
      </form>
    </Modal>
  );
}
