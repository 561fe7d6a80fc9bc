"use client";

import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { RULE_LIMITS, type TSuppressionRule } from "@/server/findings/triage-settings.types";
import { PickList, type TPickOption } from "./pick-list";
import { changesOf, criteriaOf, EMPTY_FORM, formOf, hasCriteria, type TRuleForm } from "./rule-form";
import { Modal } from "@/components/ui/modal";
import { patchRule, postRule, previewRule, ruleKeys, type TPickLists } from "./triage-settings-api";
import { useDebouncedValue } from "./use-debounced-value";
import { usePickLists, useRuleMutation } from "./use-suppression-rules";

const textarea = "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground placeholder:text-muted-foreground aria-invalid:border-danger";

function ouPath(ous: TPickLists["ous"], id: string): string {
  const byId = new Map(ous.map((o) => [o.id, o]));
  const names: string[] = [];
  for (let ou = byId.get(id); ou && names.length < 10; ou = ou.parentId ? byId.get(ou.parentId) : undefined) names.unshift(ou.name);
  return names.join(" / ");
}

/** Create (rule = null) or edit a rule. Test hooks: rule-dialog, rule-name, rule-reason, rule-expiry, rule-save, rule-preview, rule-dialog-error. */
export function RuleDialog({ open, rule, onClose, onDone }: { open: boolean; rule: TSuppressionRule | null; onClose: () => void; onDone: (message: string) => void }) {
  const t = useTranslations("triageSettings.dialog");
  const tc = useTranslations("triageSettings.criteria");
  const errorMessage = useApiErrorMessage();
  const initial = useMemo(() => (rule ? formOf(rule) : EMPTY_FORM), [rule]);
  const [form, setForm] = useState<TRuleForm>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof TRuleForm>(key: K, value: TRuleForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const lists = usePickLists(open);
  const criteria = criteriaOf(form);
  const criteriaKey = useDebouncedValue(JSON.stringify(criteria));
  const preview = useQuery({
    queryKey: ruleKeys.preview(criteriaKey),
    queryFn: ({ signal }) => previewRule(JSON.parse(criteriaKey), signal),
    enabled: open && criteriaKey !== "{}",
    staleTime: 10_000,
  });

  const save = useRuleMutation(async (next: TRuleForm) => {
    if (!rule) {
      const result = await postRule({ name: next.name.trim(), reason: next.reason.trim(), criteria: criteriaOf(next), expiresAt: next.expiry || null, enabled: next.enabled });
      return t("created", { name: result.rule.name, count: result.suppressed });
    }
    const result = await patchRule(rule.id, changesOf(initial, next));
    return t("saved", { name: result.rule.name, suppressed: result.suppressed, released: result.released }).trim();
  });

  function submit() {
    setProblem(null);
    if (!form.name.trim()) return setProblem(t("nameRequired"));
    if (!form.reason.trim()) return setProblem(t("reasonRequired"));
    if (!hasCriteria(criteria)) return setProblem(t("criteriaRequired"));
    if (rule && Object.keys(changesOf(initial, form)).length === 0) return onClose();
    save.mutate(form, { onSuccess: onDone, onError: (error) => setProblem(errorMessage(error)) });
  }

  const pick = lists.data;
  const accountOptions: TPickOption[] = pick?.accounts.map((a) => ({ value: a.id, label: a.name === a.id ? a.id : a.name, hint: a.id })) ?? [];
  const ouOptions: TPickOption[] = pick?.ous.map((o) => ({ value: o.id, label: ouPath(pick.ous, o.id), hint: o.id })) ?? [];
  const plain = (values: string[] | undefined): TPickOption[] => values?.map((v) => ({ value: v, label: v })) ?? [];
  const today = new Date().toISOString().slice(0, 10);

  let previewText: string;
  if (!hasCriteria(criteria)) previewText = t("previewNeedsCriteria");
  else if (preview.isError) previewText = t("previewError", { message: errorMessage(preview.error) });
  else if (!preview.data || preview.isFetching || criteriaKey !== JSON.stringify(criteria)) previewText = t("previewLoading");
  else previewText = t("preview", { matches: preview.data.matches, would: preview.data.wouldSuppress });

  return (
    <Modal size="lg" padded={false} open={open} onClose={onClose} title={rule ? t("editTitle") : t("createTitle")} description={t("description")} testId="rule-dialog">
      <form
        noValidate
        className="flex min-h-0 flex-col"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="flex min-h-0 flex-col gap-4 overflow-y-auto px-5 py-4">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="rule-name">{t("name")}</Label>
            <Input id="rule-name" data-testid="rule-name" value={form.name} maxLength={RULE_LIMITS.name} placeholder={t("namePlaceholder")} onChange={(e) => set("name", e.target.value)} className="w-full" />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="rule-reason">{t("reason")}</Label>
            <textarea id="rule-reason" data-testid="rule-reason" rows={2} value={form.reason} maxLength={RULE_LIMITS.reason} aria-describedby="rule-reason-hint" onChange={(e) => set("reason", e.target.value)} className={textarea} />
            <p id="rule-reason-hint" className="text-xs text-muted-foreground">{t("reasonHint")}</p>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="rule-expiry">{t("expiry")}</Label>
            <Input id="rule-expiry" data-testid="rule-expiry" type="date" min={today} value={form.expiry} aria-describedby="rule-expiry-hint" onChange={(e) => set("expiry", e.target.value)} className="w-48" />
            <p id="rule-expiry-hint" className="text-xs text-muted-foreground">{t("expiryHint")}</p>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" data-testid="rule-enabled-input" checked={form.enabled} onChange={(e) => set("enabled", e.target.checked)} />
            {t("enabled")}
          </label>

          <fieldset className="flex flex-col gap-3 rounded-md border border-border p-3">
            <legend className="px-1 text-sm font-semibold">{t("criteria")}</legend>
            <p className="text-xs text-muted-foreground">{t("criteriaHint")}</p>
            {lists.isPending ? <p role="status" className="text-sm text-muted-foreground">{t("loadingOptions")}</p> : null}
            {lists.isError ? <Alert tone="danger">{t("optionsError", { message: errorMessage(lists.error) })}</Alert> : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <PickList label={tc("accountIds")} options={accountOptions} selected={form.accountIds} onChange={(v) => set("accountIds", v)} testId="rule-accounts" />
              <PickList label={`${tc("ouIds")} (${tc("subOus")})`} options={ouOptions} selected={form.ouIds} onChange={(v) => set("ouIds", v)} testId="rule-ous" />
              <PickList label={tc("controlIds")} options={plain(pick?.controls)} selected={form.controlIds} onChange={(v) => set("controlIds", v)} testId="rule-controls" />
              <PickList label={tc("products")} options={plain(pick?.products)} selected={form.products} onChange={(v) => set("products", v)} testId="rule-products" />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="rule-types">{tc("findingTypes")}</Label>
              <textarea id="rule-types" data-testid="rule-types" rows={2} spellCheck={false} value={form.findingTypes} aria-describedby="rule-types-hint" onChange={(e) => set("findingTypes", e.target.value)} className={`${textarea} font-mono`} />
              <p id="rule-types-hint" className="text-xs text-muted-foreground">{t("findingTypesHint")}</p>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="rule-pattern">{tc("resourcePattern")}</Label>
              <Input id="rule-pattern" data-testid="rule-pattern" spellCheck={false} maxLength={RULE_LIMITS.pattern} value={form.resourcePattern} aria-describedby="rule-pattern-hint" onChange={(e) => set("resourcePattern", e.target.value)} className="w-full font-mono" />
              <p id="rule-pattern-hint" className="text-xs text-muted-foreground">{t("resourcePatternHint")}</p>
            </div>
            <p role="status" aria-live="polite" data-testid="rule-preview" className="rounded-md bg-muted px-3 py-2 text-sm">{previewText}</p>
          </fieldset>
          {problem ? <Alert tone="danger" data-testid="rule-dialog-error">{problem}</Alert> : null}
        </div>
        <div className="flex justify-end gap-2 border-t border-border px-5 py-3">
          <Button type="button" variant="secondary" onClick={onClose} disabled={save.isPending}>{t("cancel")}</Button>
          <Button type="submit" data-testid="rule-save" disabled={save.isPending}>{save.isPending ? t("saving") : rule ? t("save") : t("create")}</Button>
        </div>
      </form>
    </Modal>
  );
}
