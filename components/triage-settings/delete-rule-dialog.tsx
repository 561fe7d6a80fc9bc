"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TSuppressionRule } from "@/server/findings/triage-settings.types";
import { Modal } from "@/components/ui/modal";
import { deleteRule } from "./triage-settings-api";
import { useRuleMutation } from "./use-suppression-rules";

/** Confirms a delete and says how many findings return to the queue. Test hooks: rule-delete-dialog, rule-delete-keep, rule-delete-confirm. */
export function DeleteRuleDialog({ rule, onClose, onDone }: { rule: TSuppressionRule; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("triageSettings.delete");
  const tDialog = useTranslations("triageSettings.dialog");
  const errorMessage = useApiErrorMessage();
  const [keep, setKeep] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = useRuleMutation(() => deleteRule(rule.id, keep));

  return (
    <Modal padded={false} open onClose={onClose} title={t("title")} testId="rule-delete-dialog">
      <div className="flex flex-col gap-3 px-5 py-4 text-sm">
        <p>{t("body", { name: rule.name, count: rule.covers })}</p>
        {rule.covers > 0 ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" data-testid="rule-delete-keep" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
            {t("keep")}
          </label>
        ) : null}
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-border px-5 py-3">
        <Button variant="secondary" onClick={onClose} disabled={remove.isPending} data-autofocus>
          {tDialog("cancel")}
        </Button>
        <Button
          variant="danger"
          data-testid="rule-delete-confirm"
          disabled={remove.isPending}
          onClick={() => {
            setProblem(null);
            remove.mutate(undefined, {
              onSuccess: (result) => onDone(t("deleted", { name: rule.name, count: result.released })),
              onError: (error) => setProblem(errorMessage(error)),
            });
          }}
        >
          {remove.isPending ? t("deleting") : t("confirm")}
        </Button>
      </div>
    </Modal>
  );
}
