"use client";

import { useEffect, useRef, type ReactNode } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ArrowRight, RotateCw, X } from "lucide-react";
import type { TTimelineEventDetail } from "@/server/timeline/timeline.types";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Badge, SeverityBadge, type Severity } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/findings/finding-cells";
import type { TWorkflowStatus } from "@/server/findings/findings.types";
import { timelineLink } from "./timeline-query";
import { useEventDetail } from "./use-timeline";

const DAY_MS = 86_400_000;
const SEVERITIES = new Set(["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"]);

/** ±24 h around the event. */
function around(time: string): { from: string; to: string } {
  const at = Date.parse(time);
  return { from: new Date(at - DAY_MS).toISOString(), to: new Date(at + DAY_MS).toISOString() };
}

/**
 * The right-side drawer over the list: every normalized field, the resources, the findings on the same
 * resources, pivots, and the raw CloudTrail record. Its URL is the list's with ?event=<id>. Esc closes it.
 * Test hooks: event-drawer (data-id), drawer-close, event-detail, detail-loading, detail-error, detail-retry,
 * event-field (data-field), event-resource, event-finding (data-id), no-findings, pivot-principal, pivot-resource, raw-json.
 */
export function EventDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useTranslations("timeline.drawer");
  const ref = useRef<HTMLElement>(null);
  const isOpen = id !== null;
  useEffect(() => {
    if (isOpen) ref.current?.focus({ preventScroll: true });
  }, [isOpen]);
  if (!id) return null;
  return (
    <aside
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-label={t("label")}
      data-testid="event-drawer"
      data-id={id}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || event.defaultPrevented) return;
        event.stopPropagation();
        onClose();
      }}
      className="fixed top-14 right-0 bottom-0 z-30 flex w-[min(46rem,100vw)] flex-col border-l border-border bg-card text-card-foreground shadow-2xl outline-none"
    >
      <EventDetail key={id} id={id} onClose={onClose} />
    </aside>
  );
}

function EventDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useTranslations("timeline.drawer");
  const errorMessage = useApiErrorMessage();
  const query = useEventDetail(id);
  const event = query.data;
  const close = (
    <button
      type="button"
      onClick={onClose}
      aria-label={t("close")}
      title={t("closeHint")}
      data-testid="drawer-close"
      className="inline-flex size-9 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground"
    >
      <X aria-hidden="true" className="size-5" />
    </button>
  );

  return (
    <>
      <header className="flex items-start gap-2 border-b border-border px-4 py-3">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-lg font-semibold">{event ? event.name : t("title")}</h2>
          {event ? <p className="truncate font-mono text-xs text-muted-foreground">{event.source}</p> : null}
        </div>
        {close}
      </header>
      <div className="flex-1 overflow-y-auto px-4 py-4" data-testid="event-detail" data-id={id}>
        {query.isPending ? (
          <div role="status" data-testid="detail-loading" className="flex flex-col gap-3">
            <span className="sr-only">{t("loading")}</span>
            {Array.from({ length: 8 }, (_, index) => (
              <Skeleton key={index} className="h-6 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <div role="alert" data-testid="detail-error" className="flex flex-col items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft p-4">
            <p>{errorMessage(query.error)}</p>
            <Button variant="secondary" size="sm" data-testid="detail-retry" onClick={() => void query.refetch()}>
              <RotateCw aria-hidden="true" className="size-4" />
              {t("retry")}
            </Button>
          </div>
        ) : event ? (
          <EventBody event={event} />
        ) : null}
      </div>
    </>
  );
}

function Field({ name, field, children, mono }: { name: string; field: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 border-b border-border py-1.5 text-sm last:border-b-0" data-testid="event-field" data-field={field}>
      <dt className="text-muted-foreground">{name}</dt>
      <dd className={mono ? "min-w-0 font-mono text-xs break-all" : "min-w-0 break-words"}>{children}</dd>
    </div>
  );
}

function EventBody({ event }: { event: TTimelineEventDetail }) {
  const t = useTranslations("timeline.drawer");
  const tValues = useTranslations("timeline.values");
  const format = useFormatter();
  const json = JSON.stringify(event.raw, null, 2);
  const range = around(event.time);
  const principal = event.principal.arn ?? event.principal.accessKeyId ?? event.principal.userName;
  const dash = <span className="text-muted-foreground">—</span>;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="event-fields">
        <h3 id="event-fields" className="sr-only">
          {t("fields")}
        </h3>
        <dl>
          <Field name={t("field.time")} field="time">
            {format.dateTime(new Date(event.time), { dateStyle: "full", timeStyle: "long" })}
          </Field>
          <Field name={t("field.id")} field="id" mono>
            {event.id}
          </Field>
          <Field name={t("field.account")} field="account" mono>
            {event.accountId}
          </Field>
          <Field name={t("field.region")} field="region" mono>
            {event.region}
          </Field>
          <Field name={t("field.principalArn")} field="principalArn" mono>
            {event.principal.arn ?? dash}
          </Field>
          <Field name={t("field.principalType")} field="principalType">
            {event.principal.type ?? dash}
          </Field>
          <Field name={t("field.userName")} field="userName" mono>
            {event.principal.userName ?? dash}
          </Field>
          <Field name={t("field.accessKeyId")} field="accessKeyId" mono>
            {event.principal.accessKeyId ?? dash}
          </Field>
          <Field name={t("field.sourceAddress")} field="sourceAddress" mono>
            {event.sourceAddress ?? dash}
          </Field>
          <Field name={t("field.userAgent")} field="userAgent" mono>
            {event.userAgent ?? dash}
          </Field>
          <Field name={t("field.readOnly")} field="readOnly">
            {event.readOnly === null ? dash : event.readOnly ? tValues("readOnly") : tValues("write")}
          </Field>
          <Field name={t("field.result")} field="result">
            {event.error ? (
              <span className="text-danger dark:text-red-300">
                <span className="font-mono text-xs font-semibold">{event.error.code}</span>
                {event.error.message ? ` — ${event.error.message}` : null}
              </span>
            ) : (
              t("success")
            )}
          </Field>
          <Field name={t("field.origin")} field="origin">
            {t(`origin.${event.origin}`)}
          </Field>
        </dl>
      </section>

      <section aria-labelledby="event-pivots" className="flex flex-col gap-2">
        <h3 id="event-pivots" className="text-sm font-semibold">
          {t("pivots")}
        </h3>
        <div className="flex flex-wrap gap-2">
          {principal ? (
            <Link href={timelineLink({ principal }, range)} data-testid="pivot-principal" className="inline-flex items-center gap-1 rounded-md border border-border px-2.5 py-1.5 text-sm hover:bg-accent">
              {t("byPrincipal")}
              <ArrowRight aria-hidden="true" className="size-4" />
            </Link>
          ) : null}
          {event.resources[0] ? (
            <Link href={timelineLink({ resource: event.resources[0] }, range)} data-testid="pivot-resource" className="inline-flex items-center gap-1 rounded-md border border-border px-2.5 py-1.5 text-sm hover:bg-accent">
              {t("onResource")}
              <ArrowRight aria-hidden="true" className="size-4" />
            </Link>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="event-resources" className="flex flex-col gap-2">
        <h3 id="event-resources" className="text-sm font-semibold">
          {t("resources")} <span className="font-normal text-muted-foreground">({event.resources.length})</span>
        </h3>
        {event.resources.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noResources")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {event.resources.map((resource) => (
              <li key={resource} data-testid="event-resource" className="flex items-center gap-2 rounded-md border border-border px-2 py-1">
                <Link href={timelineLink({ resource }, range)} className="min-w-0 flex-1 truncate font-mono text-xs text-link hover:underline" title={t("eventsOn", { resource })}>
                  {resource}
                </Link>
                <CopyButton value={resource} label={resource} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="event-findings" className="flex flex-col gap-2">
        <h3 id="event-findings" className="text-sm font-semibold">
          {t("findings")} <span className="font-normal text-muted-foreground">({event.findings.length})</span>
        </h3>
        {event.findings.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="no-findings">
            {t("noFindings")}
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
            {event.findings.map((finding) => (
              <li key={finding.id}>
                <Link href={`/findings/${encodeURIComponent(finding.id)}`} data-testid="event-finding" data-id={finding.id} className="flex items-center gap-2 px-3 py-2 text-sm hover:bg-accent">
                  {SEVERITIES.has(finding.severity) ? <SeverityBadge severity={finding.severity as Severity} /> : <Badge>{finding.severity}</Badge>}
                  <span className="min-w-0 flex-1 truncate" title={finding.title}>
                    {finding.title}
                  </span>
                  <span className="hidden font-mono text-xs text-muted-foreground sm:inline">{finding.accountId}</span>
                  <StatusBadge status={finding.workflowStatus as TWorkflowStatus} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <figure className="flex flex-col gap-2">
        <div className="flex items-center justify-between gap-2">
          <figcaption className="text-sm font-semibold">{t("raw")}</figcaption>
          <CopyButton value={json} label={t("raw")} />
        </div>
        <pre data-testid="raw-json" tabIndex={0} className="max-h-[60vh] overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs leading-relaxed">
          {json}
        </pre>
      </figure>
    </div>
  );
}
