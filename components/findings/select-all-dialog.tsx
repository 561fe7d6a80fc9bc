"use client";

import { useFormatter, useTranslations } from "next-intl";
import { MAX_FILTER_TARGET } from "@/server/findings/findings.types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

/**
 * "Select all N matching this filter": states the count before anything is selected, and refuses
 * above the server's limit. Test hooks: select-all-dialog, confirm-count (data-count), select-all-confirm.
 */
export function SelectAllDialog({
  open,
  count,
  onConfirm,
  onClose,
}: {
  open: boolean;
  count: number | undefined;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("findings.selectAll");
  const format = useFormatter();
  const known = count ?? 0;
  const tooMany = known > MAX_FILTER_TARGET;
  return (
    <Modal open={open} onClose={onClose} title={t("title")} testId="select-all-dialog">
      <div className="flex flex-col gap-4">
        <p className="text-base" data-testid="confirm-count" data-count={count}>
          {t("body", { count: known, formatted: format.number(known) })}
        </p>
        {tooMany ? (
          <Alert tone="danger" data-testid="select-all-too-many">
            {t("tooMany", { formatted: format.number(known), max: format.number(MAX_FILTER_TARGET) })}
          </Alert>
        ) : (
          <p className="text-sm text-muted-foreground">{t("hint")}</p>
        )}
        <div className="flex justify-end gap-2 border-t border-border pt-4">
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          {tooMany ? null : (
            <Button data-testid="select-all-confirm" data-autofocus onClick={onConfirm} disabled={count === undefined || known === 0}>
              {t("confirm", { count: known, formatted: format.number(known) })}
            </Button>
          )}
        </div>
      </div>
    </Modal>
  );
}
