import { useTranslations } from "next-intl";
import { DateTime } from "@/components/ui/date-time";
import type { TAuditListItem } from "@/server/audit/audit.types";
import { ExpandableRow } from "./expandable-row";

export type AuditEntry = TAuditListItem;

const COLUMNS = 6;
const th = "px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase";
const td = "px-4 py-3";

function toJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  try {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item), 2);
  } catch {
    return String(value);
  }
}

function JsonBlock({ title, json, empty }: { title: string; json: string | null; empty: string }) {
  return (
    <figure className="min-w-0 flex-1">
      <figcaption className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</figcaption>
      {json ? (
        <pre className="max-h-80 overflow-auto rounded-md border border-border bg-card p-3 font-mono text-xs leading-relaxed">
          {json}
        </pre>
      ) : (
        <p className="text-sm text-muted-foreground">{empty}</p>
      )}
    </figure>
  );
}

export function AuditTable({ entries, now }: { entries: AuditEntry[]; now: string }) {
  const t = useTranslations("audit");
  const tCommon = useTranslations("common");

  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
      <table className="w-full min-w-[60rem] border-collapse text-sm" data-testid="audit-table">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-muted/60">
          <tr>
            {(["time", "actor", "action", "target", "ip", "details"] as const).map((column) => (
              <th key={column} scope="col" className={th}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const before = toJson(entry.before);
            const after = toJson(entry.after);
            return (
              <ExpandableRow
                key={entry.id}
                testId="audit-row"
                dataAction={entry.action}
                columns={COLUMNS}
                labels={{
                  show: t("showDetails"),
                  hide: t("hideDetails"),
                  region: t("detailsLabel", { action: entry.action }),
                  none: tCommon("none"),
                }}
                cells={
                  <>
                    <td className={td}>
                      <DateTime value={entry.at.toISOString()} now={now} />
                    </td>
                    <td className={td}>
                      {entry.actorEmail ? (
                        <span className="font-mono whitespace-nowrap">{entry.actorEmail}</span>
                      ) : (
                        <span className="text-muted-foreground">{t("system")}</span>
                      )}
                    </td>
                    <td className={td}>
                      <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{entry.action}</code>
                    </td>
                    <td className={td}>
                      {entry.targetType || entry.targetId ? (
                        <span className="flex flex-col">
                          {entry.targetType ? <span className="text-muted-foreground">{entry.targetType}</span> : null}
                          {entry.targetId ? <span className="font-mono text-xs break-all">{entry.targetId}</span> : null}
                        </span>
                      ) : (
                        <span className="text-muted-foreground">{tCommon("none")}</span>
                      )}
                    </td>
                    <td className={td}>
                      {entry.ip ? (
                        <span className="font-mono text-xs">{entry.ip}</span>
                      ) : (
                        <span className="text-muted-foreground">{tCommon("none")}</span>
                      )}
                    </td>
                  </>
                }
                details={
                  before || after ? (
                    <div className="flex flex-col gap-4 pt-1 md:flex-row">
                      <JsonBlock title={t("before")} json={before} empty={t("noDetails")} />
                      <JsonBlock title={t("after")} json={after} empty={t("noDetails")} />
                    </div>
                  ) : null
                }
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
