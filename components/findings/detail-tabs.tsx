"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ArrowRight } from "lucide-react";
import type { TFindingDetail, TFindingListItem, THistoryEntry } from "@/server/findings/findings.types";
import { Badge, SeverityBadge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { DateTime } from "@/components/ui/date-time";
import { buttonVariants } from "@/components/ui/button";
import type { TFacets } from "./findings-api";
import { MonoId, StatusBadge } from "./finding-cells";
import { rawResources } from "./raw-fields";
import { useFacets } from "./use-findings";

const DAY_MS = 86_400_000;

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? "null";
  } catch {
    return String(value);
  }
}

export function ResourcesPanel({ finding }: { finding: TFindingDetail }) {
  const t = useTranslations("findings.detail");
  const resources = rawResources(finding.raw);
  if (resources.length === 0) return <p className="text-sm text-muted-foreground">{t("noResources")}</p>;
  return (
    <ul className="flex flex-col gap-4" data-testid="resource-list">
      {resources.map((resource, index) => (
        <li key={`${resource.id ?? "resource"}-${index}`} className="rounded-md border border-border p-3">
          <p className="text-sm font-semibold">{resource.type ?? t("unknownType")}</p>
          {resource.id ? <MonoId value={resource.id} label={t("resourceId")} max={72} /> : null}
          {resource.region || resource.partition ? (
            <p className="mt-1 font-mono text-xs text-muted-foreground">{[resource.partition, resource.region].filter(Boolean).join(" · ")}</p>
          ) : null}
          {resource.tags.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("tags")}>
              {resource.tags.map(([key, value]) => (
                <li key={key}>
                  <Badge tone="outline" className="font-mono font-normal">
                    {key}
                    {value ? `=${value}` : ""}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null}
          {resource.details !== undefined ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-link">{t("details")}</summary>
              <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed">{toJson(resource.details)}</pre>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === "object" && value !== null && ("from" in value || "to" in value);
}

const FIELD_KEYS = ["workflowStatus", "severity", "ownerId", "owner", "note", "suppressedUntil", "suppressionReason", "suppressionRule", "suppressionRuleId", "recordState", "writeBack", "title", "complianceStatus", "dueAt", "action"] as const;
const STATUS_VALUES = ["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"];
type TFieldKey = (typeof FIELD_KEYS)[number];

function HistoryEntry({ entry, now, users }: { entry: THistoryEntry; now: string; users: TFacets["users"] }) {
  const t = useTranslations("findings.history");
  const tCommon = useTranslations("common");
  const tStatus = useTranslations("findings.values.status");
  const fieldName = (key: string) => ((FIELD_KEYS as readonly string[]).includes(key) ? t(`fields.${key as TFieldKey}`) : key);
  const show = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === "") return tCommon("none");
    if (key === "workflowStatus" && typeof value === "string" && STATUS_VALUES.includes(value)) return tStatus(value as "NEW");
    if (key === "ownerId" && typeof value === "string") return users.find((user) => user.id === value)?.email ?? value;
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
    if (typeof value === "object" && value !== null && "email" in value && typeof value.email === "string") return value.email;
    return toJson(value);
  };
  const changes = Object.entries(entry.changes ?? {});
  return (
    <li data-testid="history-entry" data-origin={entry.origin} className="relative border-l-2 border-border pb-4 pl-4 last:pb-0">
      <span aria-hidden="true" className="absolute top-1.5 -left-[5px] size-2 rounded-full bg-muted-foreground" />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <Badge tone={entry.origin === "user" ? "info" : "neutral"}>{t(`origin.${entry.origin}`)}</Badge>
        {entry.actor ? <span className="font-mono text-xs">{entry.actor.email}</span> : <span className="text-xs">{t(`actorless.${entry.origin}`)}</span>}
        <DateTime value={entry.at} now={now} variant="relative" className="text-xs text-muted-foreground" />
      </div>
      {changes.length > 0 ? (
        <ul className="mt-1.5 flex flex-col gap-1 text-sm">
          {changes.map(([key, value]) => (
            <li key={key} className="break-words">
              <span className="text-muted-foreground">{fieldName(key)}: </span>
              {isChange(value) ? (
                <>
                  <span className="line-through decoration-1 opacity-80">{show(key, value.from)}</span>
                  <ArrowRight aria-hidden="true" className="mx-1 inline size-3.5" />
                  <span className="sr-only">{t("to")} </span>
                  <span className="font-medium">{show(key, value.to)}</span>
                </>
              ) : (
                <span className="whitespace-pre-line">{show(key, value)}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function HistoryPanel({ finding, now }: { finding: TFindingDetail; now: string }) {
  const t = useTranslations("findings.history");
  const facets = useFacets();
  if (finding.history.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  const entries = [...finding.history].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <ol className="flex flex-col" aria-label={t("label")}>
      {entries.map((entry) => (
        <HistoryEntry key={entry.id} entry={entry} now={now} users={facets.data?.users ?? []} />
      ))}
    </ol>
  );
}

function RelatedList({ title, items, onOpen, empty }: { title: string; items: TFindingListItem[]; onOpen: (id: string) => void; empty: string }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">
        {title} <span className="font-normal text-muted-foreground tabular-nums">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
          {items.map((item) => (
            <li key={item.id}>
              <a
                href={`/findings/${encodeURIComponent(item.id)}`}
                data-testid="related-finding"
                data-id={item.id}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  onOpen(item.id);
                }}
                className="flex items-center gap-2 px-3 py-2 text-sm hover:bg-accent"
              >
                <SeverityBadge severity={item.severity} />
                <span className="min-w-0 flex-1 truncate" title={item.title}>
                  {item.title}
                </span>
                <span className="hidden font-mono text-xs text-muted-foreground sm:inline">{item.awsAccountId}</span>
                <StatusBadge status={item.workflowStatus} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function RelatedPanel({ finding, onOpen }: { finding: TFindingDetail; onOpen: (id: string) => void }) {
  const t = useTranslations("findings.related");
  return (
    <div className="flex flex-col gap-6">
      <RelatedList title={t("sameResource")} items={finding.related.sameResource} onOpen={onOpen} empty={t("noneResource")} />
      <RelatedList title={t("sameControl")} items={finding.related.sameControl} onOpen={onOpen} empty={t("noneControl")} />
    </div>
  );
}

type TTimelineFinding = Pick<TFindingDetail, "resourceId" | "resourceType" | "awsAccountId" | "raw" | "firstObservedAt" | "lastObservedAt" | "awsCreatedAt" | "awsUpdatedAt">;

/** ±24 h around the time the finding was observed (first to last). */
function findingWindow(finding: TTimelineFinding, params: URLSearchParams): void {
  const first = Date.parse(finding.firstObservedAt ?? finding.awsCreatedAt);
  const last = Date.parse(finding.lastObservedAt ?? finding.awsUpdatedAt);
  if (Number.isFinite(first)) params.set("from", new Date(first - DAY_MS).toISOString());
  if (Number.isFinite(last)) params.set("to", new Date(last + DAY_MS).toISOString());
}

const IAM_PRINCIPAL_TYPES = new Set(["AwsIamAccessKey", "AwsIamUser", "AwsIamRole"]);

function textAt(value: unknown, ...path: string[]): string | null {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return null;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === "string" && current.trim() !== "" ? current.trim() : null;
}

/**
 * The IAM principal a finding is about (GuardDuty IAM findings: an access key, an IAM user or role), as the
 * timeline's principal filter takes it: the user's name, else the access key id, else the user/role ARN.
 */
export function findingPrincipal(finding: Pick<TTimelineFinding, "resourceId" | "resourceType" | "raw">): string | null {
  for (const resource of rawResources(finding.raw)) {
    if (resource.type === "AwsIamAccessKey") {
      const key = resource.id?.match(/AccessKey:(\S+)$/)?.[1] ?? null;
      const name = textAt(resource.details, "AwsIamAccessKey", "PrincipalName") ?? textAt(resource.details, "AwsIamAccessKey", "UserName");
      return name ?? textAt(resource.details, "AwsIamAccessKey", "AccessKeyId") ?? key;
    }
    if ((resource.type === "AwsIamUser" || resource.type === "AwsIamRole") && resource.id) return resource.id;
    if (resource.type === "AccessKey") {
      // Native GuardDuty: Resource.AccessKeyDetails
      return textAt(resource.details, "AccessKeyDetails", "UserName") ?? textAt(resource.details, "AccessKeyDetails", "AccessKeyId");
    }
  }
  if (finding.resourceType && IAM_PRINCIPAL_TYPES.has(finding.resourceType) && finding.resourceId) {
    return finding.resourceId.match(/AccessKey:(\S+)$/)?.[1] ?? finding.resourceId;
  }
  return null;
}

/** The CloudTrail events around the finding: the timeline page filtered by its resource, a day either side. */
export function timelineHref(finding: Pick<TFindingDetail, "resourceId" | "firstObservedAt" | "lastObservedAt" | "awsCreatedAt" | "awsUpdatedAt">): string | null {
  if (!finding.resourceId) return null;
  const params = new URLSearchParams({ resource: finding.resourceId });
  findingWindow({ ...finding, resourceType: null, awsAccountId: "", raw: null }, params);
  return `/timeline?${params}`;
}

/** For IAM findings (GuardDuty access keys, IAM users and roles): the events made by that principal in its account, a day either side. */
export function principalTimelineHref(finding: TTimelineFinding): string | null {
  const principal = findingPrincipal(finding);
  if (!principal) return null;
  const params = new URLSearchParams({ principal });
  if (!principal.startsWith("arn:") && /^\d{12}$/.test(finding.awsAccountId)) params.set("account", finding.awsAccountId);
  findingWindow(finding, params);
  return `/timeline?${params}`;
}

export function EventsPanel({ finding }: { finding: TFindingDetail }) {
  const t = useTranslations("findings.events");
  const tPivot = useTranslations("timeline.pivot");
  const href = timelineHref(finding);
  const principalHref = principalTimelineHref(finding);
  return (
    <div className="flex flex-col items-start gap-3">
      <p className="text-sm leading-relaxed">{href ? t("body") : t("noResource")}</p>
      <div className="flex flex-wrap gap-2">
        {href ? (
          <Link href={href} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="events-link">
            {tPivot("byResource")}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        ) : null}
        {principalHref ? (
          <Link href={principalHref} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="events-principal-link">
            {tPivot("byPrincipal")}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export function RawPanel({ finding }: { finding: TFindingDetail }) {
  const t = useTranslations("findings.detail");
  const json = toJson(finding.raw);
  return (
    <figure className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <figcaption className="text-sm font-semibold">{t("rawTitle")}</figcaption>
        <CopyButton value={json} label={t("rawTitle")} />
      </div>
      <pre data-testid="raw-json" tabIndex={0} className="max-h-[60vh] overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs leading-relaxed">
        {json}
      </pre>
    </figure>
  );
}
