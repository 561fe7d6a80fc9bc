"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { recurringHref } from "../checklists-api";
import { useCadenceText } from "../use-cadence-text";
import { useArchivedChecklists, useUpdateChecklist } from "../use-checklists";

/**
 * Archived checklists, loaded when opened: their history stays readable; an admin restores them.
 * Test hooks: archived-checklists, archived-checklist (data-id), archived-restore, archived-history.
 */
export function ArchivedChecklists({ canRestore, onRestored }: { canRestore: boolean; onRestored: (message: string) => void }) {
  const t = useTranslations("checklists.archivedList");
  const format = useFormatter();
  const cadence = useCadenceText();
  const errorMessage = useApiErrorMessage();
  const [open, setOpen] = useState(false);
  const query = useArchivedChecklists(open);
  const restore = useUpdateChecklist();
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <details data-testid="archived-checklists" className="rounded-lg border border-border bg-card" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer px-5 py-3 text-sm font-medium">{t("title")}</summary>
      <div className="flex flex-col gap-2 border-t border-border px-5 py-3 text-sm">
        {query.isPending ? <p role="status">{t("loading")}</p> : null}
        {query.isError ? <Alert tone="danger">{errorMessage(query.error)}</Alert> : null}
        {query.data?.items.length === 0 ? <p className="text-muted-foreground">{t("empty")}</p> : null}
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        <ul className="divide-y divide-border">
          {query.data?.items.map((c) => (
            <li key={c.id} data-testid="archived-checklist" data-id={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="flex flex-col">
                <span className="font-medium">{c.name}</span>
                <span className="text-muted-foreground">
                  {cadence(c.schedule)} · {t("archivedOn", { date: format.dateTime(new Date(c.archivedAt), { dateStyle: "medium" }) })} · {t("itemCount", { count: c.itemCount })}
                </span>
              </div>
              <div className="flex items-center gap-2">
                <Link href={recurringHref({ checklist: c.id, view: "history" })} className="text-link hover:underline" data-testid="archived-history">{t("history")}</Link>
                {canRestore ? (
                  <Button
                    size="sm" variant="secondary" data-testid="archived-restore" disabled={restore.isPending}
                    aria-label={t("restoreLabel", { name: c.name })}
                    onClick={() => {
                      setProblem(null);
                      restore.mutate({ id: c.id, input: { archived: false } }, { onSuccess: () => onRestored(t("restored", { name: c.name })), onError: (error) => setProblem(errorMessage(error)) });
                    }}
                  >
                    {t("restore")}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
        {!canRestore ? <p className="text-xs text-muted-foreground">{t("restoreHint")}</p> : null}
      </div>
    </details>
  );
}
