import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { DateTime } from "@/components/ui/date-time";
import type { TCollectorStatus } from "./sync-api";
import { td } from "./sync-run-cells";
import { SyncStatusBadge } from "./sync-status-badge";
import { SyncTableSection } from "./sync-table-section";

/** Where each collector's own page is (its runs, progress and per-scope errors in detail). */
const COLLECTOR_KINDS = ["patches", "baseline", "eol-discovery", "cloudtrail"] as const;
const isCollectorKind = (kind: string): kind is (typeof COLLECTOR_KINDS)[number] => (COLLECTOR_KINDS as readonly string[]).includes(kind);

const COLLECTOR_PAGES: Record<string, string> = {
  patches: "/checklists?tab=patches",
  baseline: "/checklists?tab=baseline",
  "eol-discovery": "/checklists?tab=eol",
  cloudtrail: "/timeline",
};

/**
 * The collectors that run after each sync (patch compliance, account baseline, EOL discovery) and the
 * CloudTrail ingest: the newest run of each, how many scopes failed, and the first error.
 * Test hooks: sync-collectors-table, sync-collector-row (data-kind, data-status).
 */
export function SyncCollectorsTable({ collectors, now }: { collectors: TCollectorStatus[]; now: string }) {
  const t = useTranslations("sync.collectors");
  return (
    <SyncTableSection
      id="sync-collectors-title"
      title={t("title")}
      description={t("description")}
      empty={collectors.length === 0 ? { title: t("empty.title"), body: t("empty.body") } : null}
      testId="sync-collectors-table"
      minWidth="min-w-[48rem]"
      columns={[t("columns.collector"), t("columns.status"), t("columns.lastRun"), t("columns.scopes"), t("columns.error")]}
    >
      <tbody>
        {collectors.map((c) => (
          <tr key={c.kind} data-testid="sync-collector-row" data-kind={c.kind} data-status={c.status} className={cn("border-t border-border", c.status === "FAILED" && "bg-danger-soft")}>
            <th scope="row" className={cn(td, "text-left font-medium whitespace-nowrap")}>
              {COLLECTOR_PAGES[c.kind] ? (
                <Link href={COLLECTOR_PAGES[c.kind]!} className="underline-offset-2 hover:underline">
                  {isCollectorKind(c.kind) ? t(`kinds.${c.kind}`) : c.kind}
                </Link>
              ) : (
                c.kind
              )}
            </th>
            <td className={td}>
              <SyncStatusBadge status={c.status} />
            </td>
            <td className={cn(td, "text-xs")}>
              <DateTime value={c.lastStartedAt} now={now} />
            </td>
            <td className={cn(td, "tabular-nums whitespace-nowrap")}>{t("scopes", { scopes: c.scopes, failed: c.failedScopes })}</td>
            <td className={cn(td, "max-w-[28rem] text-xs break-words text-muted-foreground")}>
              {c.firstError ? `${c.firstError.scope}: ${c.firstError.error ?? ""}` : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </SyncTableSection>
  );
}
