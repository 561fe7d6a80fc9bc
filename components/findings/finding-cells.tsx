"use client";

import { useTranslations } from "next-intl";
import { Clock, ClockExclamationPoint, CloudCheck, CloudExclamationPoint, Hourglass, LoaderCircle } from "lucide-react";
import type { TFindingListItem, TSlaState, TWorkflowStatus, TWriteBack } from "@/server/findings/findings.types";
import { cn } from "@/components/lib/cn";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { DateTime } from "@/components/ui/date-time";
import { truncateMiddle } from "./raw-fields";

const statusTones: Record<TWorkflowStatus, BadgeTone> = {
  NEW: "info",
  NOTIFIED: "warning",
  RESOLVED: "success",
  SUPPRESSED: "outline",
};

export function StatusBadge({ status, className }: { status: TWorkflowStatus; className?: string }) {
  const t = useTranslations("findings.values.status");
  return (
    <Badge tone={statusTones[status]} data-status={status} className={className}>
      {t(status)}
    </Badge>
  );
}

/** SLA as a clock: overdue red, due within 7 days amber, the due date on hover. Never color alone: the label says it. */
export function SlaBadge({ sla, dueAt, now, relative = true }: { sla: TSlaState; dueAt: string | null; now: string; relative?: boolean }) {
  const t = useTranslations("findings.sla");
  if (sla === "none" || !dueAt) return <span className="text-muted-foreground">{t("none")}</span>;
  const Icon = sla === "overdue" ? ClockExclamationPoint : sla === "dueSoon" ? Hourglass : Clock;
  return (
    <span
      data-sla={sla}
      className={cn(
        "inline-flex min-w-0 flex-col text-xs leading-tight",
        sla === "overdue" && "font-semibold text-danger dark:text-red-300",
        sla === "dueSoon" && "font-semibold text-warning-foreground",
      )}
    >
      <span className="inline-flex items-center gap-1">
        <Icon aria-hidden="true" className="size-3.5 shrink-0" />
        {t(sla)}
      </span>
      {relative ? <DateTime value={dueAt} now={now} variant="relative" className="truncate font-normal" /> : null}
    </span>
  );
}

/** In a row: a spinner while the change is on its way to AWS, a red icon when it failed (the error on hover). */
export function WriteBackMarker({ state, error }: { state: TWriteBack; error: string | null }) {
  const t = useTranslations("findings.writeBack");
  if (state === "PENDING") {
    return (
      <span title={t("PENDING")} data-write-back="PENDING" className="inline-flex text-muted-foreground">
        <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" />
        <span className="sr-only">{t("PENDING")}</span>
      </span>
    );
  }
  if (state === "FAILED") {
    const label = error ? t("failedWith", { error }) : t("FAILED");
    return (
      <span title={label} data-write-back="FAILED" className="inline-flex text-danger dark:text-red-300">
        <CloudExclamationPoint aria-hidden="true" className="size-4" />
        <span className="sr-only">{label}</span>
      </span>
    );
  }
  return null;
}

/** The drawer's write-back line: icon and words for every state. Test hook: write-back-state (data-state). */
export function WriteBackState({ state, error }: { state: TWriteBack; error: string | null }) {
  const t = useTranslations("findings.writeBack");
  const Icon = state === "PENDING" ? LoaderCircle : state === "FAILED" ? CloudExclamationPoint : CloudCheck;
  return (
    <span data-testid="write-back-state" data-state={state} className="inline-flex flex-col gap-1">
      <span
        className={cn(
          "inline-flex items-center gap-1.5 font-medium",
          state === "FAILED" && "text-danger dark:text-red-300",
          state === "SYNCED" && "text-success",
          state === "NONE" && "font-normal text-muted-foreground",
        )}
      >
        <Icon aria-hidden="true" className={cn("size-4", state === "PENDING" && "motion-safe:animate-spin")} />
        {t(state)}
      </span>
      {state === "FAILED" && error ? <span className="font-mono text-xs break-words text-muted-foreground">{error}</span> : null}
    </span>
  );
}

export function SuppressionExpiredBadge() {
  const t = useTranslations("findings");
  return (
    <Badge tone="warning" data-testid="suppression-expired" className="px-1.5 text-[0.7rem] leading-4">
      {t("suppressionExpired")}
    </Badge>
  );
}

export function SourceLabel({ item }: { item: Pick<TFindingListItem, "source" | "productName"> }) {
  const t = useTranslations("findings.values.source");
  const product = item.productName;
  const source = t(item.source);
  return (
    <span className="flex min-w-0 flex-col leading-tight">
      <span className="truncate">{source}</span>
      {product && product !== source ? <span className="truncate text-xs text-muted-foreground">{product}</span> : null}
    </span>
  );
}

export function OwnerLabel({ owner }: { owner: TFindingListItem["owner"] }) {
  const t = useTranslations("findings.values.owner");
  if (!owner) return <span className="text-muted-foreground">{t("none")}</span>;
  return (
    <span className="block truncate" title={owner.email}>
      {owner.name ?? owner.email}
    </span>
  );
}

/** An id, ARN or IP: monospace, shortened in the middle, the whole value on hover and a copy button. */
export function MonoId({ value, label, max = 48, className }: { value: string; label: string; max?: number; className?: string }) {
  return (
    <span className={cn("inline-flex max-w-full min-w-0 items-center gap-0.5", className)}>
      <span className="min-w-0 truncate font-mono text-sm" title={value}>
        {truncateMiddle(value, max)}
      </span>
      <CopyButton value={value} label={label} className="-my-1" />
    </span>
  );
}
