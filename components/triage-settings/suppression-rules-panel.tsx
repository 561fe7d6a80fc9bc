"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Plus, ShieldOff } from "lucide-react";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { TSuppressionRule } from "@/server/findings/triage-settings.types";
import { DeleteRuleDialog } from "./delete-rule-dialog";
import { RuleDialog } from "./rule-dialog";
import { RuleRow } from "./rule-row";
import { patchRule } from "./triage-settings-api";
import { usePickLists, useRuleMutation, useRules } from "./use-suppression-rules";

const th = "px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase";

type TEditing = { rule: TSuppressionRule | null; key: number };

/** The rules table with create, edit, enable/disable and delete. Test hooks: rule-create, rules-table, rules-message. */
export function SuppressionRulesPanel({ initial, renderedAt, canEdit }: { initial: TSuppressionRule[]; renderedAt: string; canEdit: boolean }) {
  const t = useTranslations("triageSettings.rules");
  const tCommon = useTranslations("common");
  const errorMessage = useApiErrorMessage();
  const rules = useRules(initial, renderedAt);
  const lists = usePickLists(true);
  const [editing, setEditing] = useState<TEditing | null>(null);
  const [deleting, setDeleting] = useState<TSuppressionRule | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const toggle = useRuleMutation((rule: TSuppressionRule) => patchRule(rule.id, { enabled: !rule.enabled }));

  const names = useMemo(() => ({
    accounts: new Map(lists.data?.accounts.map((a) => [a.id, a.name]) ?? []),
    ous: new Map(lists.data?.ous.map((o) => [o.id, o.name]) ?? []),
  }), [lists.data]);

  const items = rules.data.items;
  const openCreate = () => setEditing({ rule: null, key: Date.now() });
  const done = (text: string) => {
    setEditing(null);
    setDeleting(null);
    setMessage({ tone: "success", text });
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <span className="text-sm text-muted-foreground">{t("count", { count: items.length })}</span>
        {canEdit ? (
          <Button onClick={openCreate} data-testid="rule-create">
            <Plus aria-hidden="true" className="size-4" />
            {t("create")}
          </Button>
        ) : null}
      </div>
      {!canEdit ? <Alert tone="info" role="note">{t("readOnly")}</Alert> : null}
      {message ? <Alert tone={message.tone} data-testid="rules-message">{message.text}</Alert> : null}
      {rules.isError ? (
        <Alert tone="danger">
          <span className="flex flex-wrap items-center gap-3">
            {t("loadError", { message: errorMessage(rules.error) })}
            <Button size="sm" variant="secondary" onClick={() => void rules.refetch()}>{tCommon("tryAgain")}</Button>
          </span>
        </Alert>
      ) : null}

      {items.length === 0 ? (
        <EmptyState
          icon={ShieldOff}
          title={t("empty.title")}
          description={canEdit ? t("empty.body") : t("empty.bodyReadOnly")}
          action={canEdit ? <Button onClick={openCreate}><Plus aria-hidden="true" className="size-4" />{t("create")}</Button> : undefined}
        />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
          <table className="w-full min-w-[56rem] border-collapse text-sm" data-testid="rules-table" aria-busy={rules.isFetching || undefined}>
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-muted/60">
              <tr>
                {(["rule", "criteria", "expiry", "covers", "enabled", "actions"] as const).map((c) => (
                  <th key={c} scope="col" className={th}>{t(`columns.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((rule) => (
                <RuleRow
                  key={rule.id}
                  rule={rule}
                  now={renderedAt}
                  canEdit={canEdit}
                  busy={toggle.isPending && toggle.variables?.id === rule.id}
                  names={names}
                  onEdit={() => setEditing({ rule, key: Date.now() })}
                  onDelete={() => setDeleting(rule)}
                  onToggle={() => {
                    setMessage(null);
                    toggle.mutate(rule, {
                      onSuccess: (result) => setMessage({ tone: "success", text: result.rule.enabled ? t("enabledNow", { count: result.suppressed }) : t("disabledNow") }),
                      onError: (error) => setMessage({ tone: "danger", text: errorMessage(error) }),
                    });
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editing ? <RuleDialog key={editing.key} open rule={editing.rule} onClose={() => setEditing(null)} onDone={done} /> : null}
      {deleting ? <DeleteRuleDialog key={deleting.id} rule={deleting} onClose={() => setDeleting(null)} onDone={done} /> : null}
    </div>
  );
}
