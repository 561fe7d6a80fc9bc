"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ExternalLink, RotateCw } from "lucide-react";
import { STANDARDS, type TFindingDetail } from "@/server/findings/findings.types";
import { SeverityBadge } from "@/components/ui/badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { MonoId, OwnerLabel, SlaBadge, StatusBadge, SuppressionExpiredBadge, WriteBackState } from "./finding-cells";
import { guardDutyFacts, remediation, standardsOf } from "./raw-fields";

function Field({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{label}</dt>
      <dd className="mt-1 min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

const STANDARD_NAMES: Record<string, "fsbp" | "cis"> = { [STANDARDS.fsbp]: "fsbp", [STANDARDS.cis]: "cis" };

/**
 * Every normalized field of a finding, its remediation, GuardDuty's activity details and the
 * write-back state with Retry. Test hooks: write-back-state, action-retry (in the drawer).
 */
export function DetailOverview({
  finding,
  now,
  canAct,
  onRetry,
  retryPending,
}: {
  finding: TFindingDetail;
  now: string;
  canAct: boolean;
  onRetry: () => void;
  retryPending: boolean;
}) {
  const t = useTranslations("findings.detail");
  const tValues = useTranslations("findings.values");
  const tCommon = useTranslations("common");
  const none = <span className="text-muted-foreground">{tCommon("none")}</span>;
  const fix = remediation(finding.raw);
  const gd = guardDutyFacts(finding.raw);
  const standards = standardsOf(finding.raw, finding.generatorId);
  const date = (value: string | null) => (value ? <DateTime value={value} now={now} /> : none);
  const suppressed = finding.suppressedUntil || finding.suppressionReason || finding.suppressionRule;

  return (
    <div className="flex flex-col gap-6">
      {finding.description ? <p className="text-sm leading-relaxed whitespace-pre-line">{finding.description}</p> : null}

      <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
        <Field label={t("severity")}>
          <SeverityBadge severity={finding.severity} />
        </Field>
        <Field label={t("status")}>
          <span className="flex flex-wrap items-center gap-1.5">
            <StatusBadge status={finding.workflowStatus} />
            {finding.recordState === "ARCHIVED" ? <Badge tone="neutral">{tValues("record.archived")}</Badge> : null}
            {finding.suppressionExpiredAt ? <SuppressionExpiredBadge /> : null}
          </span>
        </Field>
        <Field label={t("account")}>
          <span className="block">{finding.accountName ?? none}</span>
          <MonoId value={finding.awsAccountId} label={t("accountId")} />
        </Field>
        <Field label={t("ou")}>
          {finding.ouId ? (
            <>
              <span className="block">{finding.ouName ?? finding.ouId}</span>
              <span className="font-mono text-xs text-muted-foreground">{finding.ouId}</span>
            </>
          ) : (
            none
          )}
        </Field>
        <Field label={t("region")}>
          <span className="font-mono">{finding.region}</span>
        </Field>
        <Field label={t("product")}>
          <span className="block">{finding.productName ?? tValues(`source.${finding.source}`)}</span>
          {finding.productName && finding.productName !== tValues(`source.${finding.source}`) ? (
            <span className="text-xs text-muted-foreground">{tValues(`source.${finding.source}`)}</span>
          ) : null}
        </Field>
        <Field label={t("control")}>
          {finding.controlId ? <span className="font-mono">{finding.controlId}</span> : none}
          {standards.length > 0 ? (
            <span className="mt-1 flex flex-wrap gap-1">
              {standards.map((standard) => (
                <Badge key={standard} tone="outline" title={standard}>
                  {STANDARD_NAMES[standard] ? tValues(`standard.${STANDARD_NAMES[standard]}`) : standard}
                </Badge>
              ))}
            </span>
          ) : null}
          {finding.complianceStatus ? (
            <span className="mt-1 block text-xs text-muted-foreground">{t("compliance", { status: finding.complianceStatus })}</span>
          ) : null}
        </Field>
        <Field label={t("owner")}>
          <OwnerLabel owner={finding.owner} />
        </Field>
        <Field label={t("firstSeen")}>{date(finding.firstObservedAt)}</Field>
        <Field label={t("lastSeen")}>{date(finding.lastObservedAt)}</Field>
        <Field label={t("due")}>
          {finding.dueAt ? (
            <span className="flex flex-col gap-1">
              <DateTime value={finding.dueAt} now={now} />
              {finding.sla === "overdue" || finding.sla === "dueSoon" ? <SlaBadge sla={finding.sla} dueAt={finding.dueAt} now={now} relative={false} /> : null}
            </span>
          ) : (
            <span className="text-muted-foreground">{t("noSla")}</span>
          )}
        </Field>
        <Field label={t("updatedInAws")}>{date(finding.awsUpdatedAt)}</Field>
        <Field label={t("resource")} wide>
          {finding.resourceType ? <span className="block text-xs text-muted-foreground">{finding.resourceType}</span> : null}
          {finding.resourceId ? <MonoId value={finding.resourceId} label={t("resourceId")} max={64} /> : none}
        </Field>
        <Field label={t("findingId")} wide>
          <MonoId value={finding.externalId} label={t("findingId")} max={64} />
        </Field>
      </dl>

      {suppressed ? (
        <Section title={t("suppression")}>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            <Field label={t("suppressionReason")} wide>
              {finding.suppressionReason ? <span className="whitespace-pre-line">{finding.suppressionReason}</span> : none}
            </Field>
            <Field label={t("suppressedUntil")}>{date(finding.suppressedUntil)}</Field>
            <Field label={t("suppressionRule")}>{finding.suppressionRule ? finding.suppressionRule.name : t("manual")}</Field>
          </dl>
        </Section>
      ) : null}

      <Section title={t("note")}>
        {finding.note ? (
          <p className="rounded-md border border-border bg-muted/40 p-3 text-sm whitespace-pre-line" data-testid="finding-note">
            {finding.note}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">{t("noNote")}</p>
        )}
      </Section>

      <Section title={t("writeBack")}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <WriteBackState state={finding.writeBack} error={finding.writeBackError} />
          {canAct && finding.writeBack === "FAILED" ? (
            <Button size="sm" variant="secondary" data-testid="action-retry" onClick={onRetry} disabled={retryPending}>
              <RotateCw aria-hidden="true" className={retryPending ? "size-4 motion-safe:animate-spin" : "size-4"} />
              {t("retry")}
            </Button>
          ) : null}
        </div>
        {finding.outbox.length > 0 ? (
          <ul className="flex flex-col gap-1 text-xs text-muted-foreground" aria-label={t("outbox")}>
            {finding.outbox.slice(0, 5).map((entry) => (
              <li key={entry.id} className="flex flex-wrap gap-x-2">
                <span className="font-mono">{entry.kind}</span>
                <span>{tValues(`outbox.${entry.state}`)}</span>
                <span>{t("attempts", { count: entry.attempts })}</span>
                <DateTime value={entry.sentAt ?? entry.createdAt} now={now} variant="relative" />
                {entry.lastError ? <span className="w-full font-mono break-words text-danger dark:text-red-300">{entry.lastError}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>

      {fix ? (
        <Section title={t("remediation")}>
          {fix.text ? <p className="text-sm leading-relaxed">{fix.text}</p> : null}
          {fix.url ? (
            <a href={fix.url} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 text-sm font-medium text-link hover:underline">
              {t("remediationLink")}
              <ExternalLink aria-hidden="true" className="size-3.5" />
              <span className="sr-only">{t("newTab")}</span>
            </a>
          ) : null}
        </Section>
      ) : null}

      {gd ? (
        <Section title={t("activity")}>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2" data-testid="guardduty-facts">
            {gd.findingType ? (
              <Field label={t("gd.type")} wide>
                <span className="font-mono">{gd.findingType}</span>
              </Field>
            ) : null}
            {gd.actionType ? (
              <Field label={t("gd.action")}>
                <span className="font-mono">{gd.actionType}</span>
                {gd.direction || gd.protocol ? (
                  <span className="block text-xs text-muted-foreground">{[gd.direction, gd.protocol].filter(Boolean).join(" · ")}</span>
                ) : null}
              </Field>
            ) : null}
            {gd.remoteIp ? (
              <Field label={t("gd.remoteIp")}>
                <MonoId value={gd.remoteIp} label={t("gd.remoteIp")} />
                {gd.country || gd.city || gd.organization ? (
                  <span className="block text-xs text-muted-foreground">{[gd.city, gd.country, gd.organization].filter(Boolean).join(" · ")}</span>
                ) : null}
              </Field>
            ) : null}
            {gd.localPorts.length > 0 ? (
              <Field label={t("gd.localPorts")}>
                <span className="font-mono">{gd.localPorts.join(", ")}</span>
              </Field>
            ) : null}
            {gd.remotePorts.length > 0 ? (
              <Field label={t("gd.remotePorts")}>
                <span className="font-mono">{gd.remotePorts.join(", ")}</span>
              </Field>
            ) : null}
            {gd.domain ? (
              <Field label={t("gd.domain")}>
                <span className="font-mono break-all">{gd.domain}</span>
              </Field>
            ) : null}
            {gd.api ? (
              <Field label={t("gd.api")}>
                <span className="font-mono">{[gd.serviceName, gd.api].filter(Boolean).join(" · ")}</span>
              </Field>
            ) : null}
            {gd.count ? <Field label={t("gd.count")}>{gd.count}</Field> : null}
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
