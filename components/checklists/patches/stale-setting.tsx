"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { STALE_DAYS_MAX, STALE_DAYS_MIN } from "@/server/checklists/patches/patches.types";
import { useSaveStaleDays } from "./use-patches";

/** The stale threshold: a small form for admins (audited on the server). Test hooks: stale-setting, stale-days, stale-save, stale-saved. */
export function StaleSetting({ staleDays }: { staleDays: number }) {
  const t = useTranslations("checklistsPatches.setting");
  const errorMessage = useApiErrorMessage();
  const save = useSaveStaleDays();
  const [value, setValue] = useState(String(staleDays));
  // The saved value changed (this form or another admin): the field follows it.
  const [seen, setSeen] = useState(staleDays);
  if (seen !== staleDays) {
    setSeen(staleDays);
    setValue(String(staleDays));
  }
  const parsed = Number(value);
  const valid = Number.isInteger(parsed) && parsed >= STALE_DAYS_MIN && parsed <= STALE_DAYS_MAX;
  return (
    <form data-testid="stale-setting" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4" onSubmit={(e) => {
      e.preventDefault();
      if (valid) save.mutate(parsed);
    }}>
      <h3 className="text-base font-semibold">{t("title")}</h3>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="patch-stale-days">{t("label")}</Label>
          <Input id="patch-stale-days" data-testid="stale-days" type="number" inputMode="numeric" min={STALE_DAYS_MIN} max={STALE_DAYS_MAX} step={1} className="w-28"
            value={value} aria-invalid={!valid} aria-describedby="patch-stale-help" onChange={(e) => {
              save.reset();
              setValue(e.target.value);
            }} />
        </div>
        <Button type="submit" variant="secondary" data-testid="stale-save" disabled={!valid || save.isPending || parsed === staleDays}>{t("save")}</Button>
      </div>
      <p id="patch-stale-help" className="text-xs text-muted-foreground">{t("help", { min: STALE_DAYS_MIN, max: STALE_DAYS_MAX })}</p>
      {save.isSuccess ? <Alert tone="success" data-testid="stale-saved">{t("saved", { days: save.data.staleDays })}</Alert> : null}
      {save.isError ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
    </form>
  );
}
