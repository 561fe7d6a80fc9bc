"use client";

import { useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { SeverityBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Input } from "@/components/ui/field";
import { SLA_MAX_DAYS, SLA_MIN_DAYS, SLA_SEVERITIES, type TSlaDays, type TSlaPolicyResponse, type TSlaSeverity } from "@/server/findings/triage-settings.types";
import { FINDINGS_CACHE_PREFIX, fetchSlaPreview, putSlaPolicy, slaKeys } from "./triage-settings-api";
import { SlaPreview } from "./sla-preview";
import { useDebouncedValue } from "./use-debounced-value";

type TDraft = Record<TSlaSeverity, string>;

const toDraft = (policy: TSlaDays): TDraft => ({ critical: String(policy.critical), high: String(policy.high), medium: String(policy.medium), low: String(policy.low) });

function validDays(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return n >= SLA_MIN_DAYS && n <= SLA_MAX_DAYS ? n : null;
}

/** The draft as days, or null while a field is not a valid number of days. */
function parseDraft(draft: TDraft): TSlaDays | null {
  const days = Object.fromEntries(SLA_SEVERITIES.map((s) => [s, validDays(draft[s])]));
  return Object.values(days).every((v) => v !== null) ? (days as TSlaDays) : null;
}

const same = (a: TSlaDays, b: TSlaDays) => SLA_SEVERITIES.every((s) => a[s] === b[s]);

/**
 * The four day counts. Admins edit them and see, before saving, how many open findings the new days
 * make overdue; everyone else reads them. Test hooks: sla-input-<severity>, sla-save, sla-message.
 */
export function SlaPolicyForm({ initial, canEdit, now }: { initial: TSlaPolicyResponse; canEdit: boolean; now: string }) {
  const t = useTranslations("triageSettings.sla");
  const tSeverity = useTranslations("severity");
  const errorMessage = useApiErrorMessage();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<TSlaPolicyResponse>(initial);
  const [draft, setDraft] = useState<TDraft>(() => toDraft(initial));
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  const days = parseDraft(draft);
  const changed = days !== null && !same(days, saved);
  // Debounce a string: a new days object every render would restart the timer forever.
  const debouncedKey = useDebouncedValue(changed ? JSON.stringify(days) : null);
  const debounced = useMemo(() => (debouncedKey ? (JSON.parse(debouncedKey) as TSlaDays) : null), [debouncedKey]);
  const preview = useQuery({
    queryKey: debounced ? slaKeys.preview(debounced) : slaKeys.preview(saved),
    queryFn: ({ signal }) => fetchSlaPreview(debounced!, signal),
    enabled: canEdit && debounced !== null,
    staleTime: 30_000,
  });

  const save = useMutation({
    mutationFn: putSlaPolicy,
    onMutate: () => setMessage(null),
    onSuccess: (result) => {
      setSaved(result);
      setDraft(toDraft(result));
      setMessage({ tone: "success", text: t("saved", { count: result.recomputed }) });
      void queryClient.invalidateQueries({ queryKey: slaKeys.all });
      void queryClient.invalidateQueries({ queryKey: FINDINGS_CACHE_PREFIX });
    },
    onError: (error) => setMessage({ tone: "danger", text: errorMessage(error) }),
  });

  return (
    <Card className="max-w-3xl">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (days && changed) save.mutate(days);
        }}
      >
        <CardHeader>
          <CardTitle>{t("formTitle")}</CardTitle>
          <CardDescription>{t("hint")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {SLA_SEVERITIES.map((severity) => {
              const invalid = validDays(draft[severity]) === null;
              const id = `sla-${severity}`;
              const label = severity.toUpperCase() as Uppercase<TSlaSeverity>;
              return (
                <div key={severity} className="flex flex-col gap-1.5">
                  <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
                    <span aria-hidden="true">
                      <SeverityBadge severity={label} />
                    </span>
                    <span className="sr-only">{t("inputLabel", { severity: tSeverity(label) })}</span>
                  </label>
                  <div className="flex items-center gap-2">
                    <Input
                      id={id}
                      data-testid={`sla-input-${severity}`}
                      type="number"
                      inputMode="numeric"
                      min={SLA_MIN_DAYS}
                      max={SLA_MAX_DAYS}
                      step={1}
                      required
                      readOnly={!canEdit}
                      aria-invalid={invalid || undefined}
                      aria-describedby={invalid ? `${id}-error` : undefined}
                      value={draft[severity]}
                      onChange={(event) => setDraft((d) => ({ ...d, [severity]: event.target.value }))}
                      className="w-24 tabular-nums read-only:bg-muted"
                    />
                    <span className="text-sm text-muted-foreground">{t("daysUnit")}</span>
                  </div>
                  {invalid ? (
                    <p id={`${id}-error`} className="text-xs text-danger dark:text-red-300">
                      {t("invalid")}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          {canEdit && changed ? <SlaPreview query={preview} pending={debounced === null || !same(debounced, days)} /> : null}
          {!canEdit ? (
            <Alert tone="info" role="note">
              {t("readOnly")}
            </Alert>
          ) : null}
          {message ? (
            <Alert tone={message.tone} data-testid="sla-message">
              {message.text}
            </Alert>
          ) : null}
        </CardContent>
        <CardFooter className="flex-wrap justify-between">
          <p className="text-sm text-muted-foreground">
            {saved.updatedBy
              ? t.rich("lastChanged", {
                  email: saved.updatedBy,
                  when: () => <DateTime value={saved.updatedAt} now={now} variant="relative" />,
                  who: (chunks) => <span className="font-mono">{chunks}</span>,
                })
              : t("neverChanged")}
          </p>
          {canEdit ? (
            <span className="flex gap-2">
              <Button type="button" variant="ghost" disabled={!changed || save.isPending} onClick={() => setDraft(toDraft(saved))}>
                {t("reset")}
              </Button>
              <Button type="submit" data-testid="sla-save" disabled={!changed || save.isPending}>
                {save.isPending ? t("saving") : t("save")}
              </Button>
            </span>
          ) : null}
        </CardFooter>
      </form>
    </Card>
  );
}
