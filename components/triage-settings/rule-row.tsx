"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Pencil, Trash2 } from "lucide-react";
import { cn } from "@/components/lib/cn";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { TSuppressionRule } from "@/server/findings/triage-settings.types";
import { CriteriaSummary } from "./criteria-summary";

/** A rule's expiry as its day (rules expire at the end of a UTC day), the exact time and "in 3 weeks" on hover. */
function ExpiryDate({ value, now }: { value: string; now: string }) {
  const format = useFormatter();
  const date = new Date(value);
  const title = `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC · ${format.relativeTime(date, new Date(now))}`;
  return (
    <time dateTime={value} title={title} className="tabular-nums">
      {format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" })}
    </time>
  );
}

/**
 * One rule. Test hooks: rule-row (data-name), rule-covers (data-count), rule-matches, rule-enabled,
 * rule-edit, rule-delete.
 */
export function RuleRow({
  rule,
  now,
  canEdit,
  busy,
  names,
  onToggle,
  onEdit,
  onDelete,
}: {
  rule: TSuppressionRule;
  now: string;
  canEdit: boolean;
  busy: boolean;
  names: { accounts: Map<string, string>; ous: Map<string, string> };
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("triageSettings.rules");
  const format = useFormatter();
  return (
    <tr data-testid="rule-row" data-name={rule.name} aria-busy={busy || undefined} className={cn("border-t border-border align-top", busy && "opacity-70")}>
      <th scope="row" className="max-w-xs px-3 py-3 text-left font-normal">
        <span className="block font-semibold">{rule.name}</span>
        <span className="block text-sm break-words text-muted-foreground">{rule.reason}</span>
        {rule.createdBy ? <span className="mt-1 block text-xs text-muted-foreground">{t("createdBy", { email: rule.createdBy.email })}</span> : null}
      </th>
      <td className="px-3 py-3">
        <CriteriaSummary criteria={rule.criteria} accountNames={names.accounts} ouNames={names.ous} />
      </td>
      <td className="px-3 py-3 text-sm whitespace-nowrap">
        {rule.expiresAt ? (
          <span className="flex flex-col items-start gap-1">
            <ExpiryDate value={rule.expiresAt} now={now} />
            {rule.expired ? <Badge tone="warning">{t("expired")}</Badge> : null}
          </span>
        ) : (
          <span className="text-muted-foreground">{t("noExpiry")}</span>
        )}
      </td>
      <td className="px-3 py-3 text-sm">
        <span data-testid="rule-covers" data-count={rule.covers} className="block font-semibold tabular-nums">
          {t("covers", { count: rule.covers })}
        </span>
        <span data-testid="rule-matches" data-count={rule.matches} className="block text-xs text-muted-foreground tabular-nums" title={format.number(rule.matches)}>
          {t("matches", { count: rule.matches })}
        </span>
      </td>
      <td className="px-3 py-3">
        <button
          type="button"
          role="switch"
          aria-checked={rule.enabled}
          aria-label={t("toggleLabel", { name: rule.name })}
          data-testid="rule-enabled"
          disabled={!canEdit || busy}
          onClick={onToggle}
          className="group inline-flex items-center gap-2 text-sm disabled:cursor-not-allowed disabled:opacity-60"
        >
          <span
            aria-hidden="true"
            className={cn(
              "relative inline-flex h-5 w-9 shrink-0 rounded-full border border-input transition-colors",
              rule.enabled ? "bg-primary" : "bg-muted",
            )}
          >
            <span className={cn("absolute top-0.5 size-3.5 rounded-full bg-card shadow transition-transform", rule.enabled ? "translate-x-4.5" : "translate-x-0.5")} />
          </span>
          <span>{rule.enabled ? t("on") : t("off")}</span>
        </button>
      </td>
      <td className="px-3 py-3">
        {canEdit ? (
          <span className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" onClick={onEdit} disabled={busy} aria-label={t("editLabel", { name: rule.name })} data-testid="rule-edit">
              <Pencil aria-hidden="true" className="size-4" />
              {t("edit")}
            </Button>
            <Button size="sm" variant="secondary" onClick={onDelete} disabled={busy} aria-label={t("deleteLabel", { name: rule.name })} data-testid="rule-delete">
              <Trash2 aria-hidden="true" className="size-4" />
              {t("delete")}
            </Button>
          </span>
        ) : null}
      </td>
    </tr>
  );
}
