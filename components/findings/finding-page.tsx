"use client";

import { useCallback, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ChevronLeft } from "lucide-react";
import type { TRole } from "@/server/auth/roles.types";
import type { TTriageResponse, TWorkflowStatus } from "@/server/findings/findings.types";
import { Card } from "@/components/ui/card";
import { FindingDetail } from "./finding-detail";
import { Toast, type TToast } from "./toast";
import { TriageDialog, type TTriageKind } from "./triage-dialog";
import { useFacets, useNow } from "./use-findings";

/** /findings/<id>: the drawer's content as a page of its own, with the same actions. Test hook: finding-page. */
export function FindingPage({ id, role, userId, renderedAt }: { id: string; role: TRole; userId: string; renderedAt: string }) {
  const t = useTranslations("findings");
  const router = useRouter();
  const now = useNow(renderedAt);
  const facets = useFacets();
  const canAct = role !== "VIEWER";
  const [dialog, setDialog] = useState<{ kind: TTriageKind; status: TWorkflowStatus } | null>(null);
  const [toast, setToast] = useState<TToast | null>(null);
  const dismiss = useCallback(() => setToast(null), []);

  function onDone(kind: TTriageKind, result: TTriageResponse, detail: { status?: TWorkflowStatus }) {
    const status = detail.status ? t(`values.status.${detail.status}`) : "";
    const text = t(`result.${kind}`, { count: result.affected, status });
    setToast({ id: Date.now(), tone: "success", text: result.writeBack > 0 ? `${text} ${t("result.writeBack", { count: result.writeBack })}` : text });
    setDialog(null);
  }

  return (
    <div data-testid="finding-page" className="flex flex-col gap-4">
      <Link href={`/findings?finding=${encodeURIComponent(id)}`} className="inline-flex items-center gap-1 self-start text-sm font-medium text-link hover:underline">
        <ChevronLeft aria-hidden="true" className="size-4" />
        {t("page.back")}
      </Link>
      <Card className="overflow-hidden">
        <FindingDetail
          id={id}
          now={now}
          canAct={canAct}
          headingLevel="h1"
          onAction={(kind, finding) => setDialog({ kind, status: finding.workflowStatus })}
          onOpenFinding={(other) => router.push(`/findings/${encodeURIComponent(other)}`)}
        />
      </Card>
      <TriageDialog
        kind={dialog?.kind ?? null}
        target={dialog ? { kind: "ids", ids: [id] } : null}
        onClose={() => setDialog(null)}
        onDone={onDone}
        userId={userId}
        users={facets.data?.users ?? []}
        initialStatus={dialog?.status}
      />
      <Toast toast={toast} onDismiss={dismiss} />
    </div>
  );
}
