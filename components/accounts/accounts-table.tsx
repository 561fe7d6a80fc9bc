import { useTranslations } from "next-intl";
import type { TAccountOverview } from "@/server/accounts/get-organization-overview";
import { SEVERITIES } from "@/server/findings/severity.types";
import { cn } from "@/components/lib/cn";
import { SeverityCount } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { DateTime } from "@/components/ui/date-time";
import { AccountStatus } from "./account-status";
import { AccountTags } from "./account-tags";

const COLUMNS = ["account", "id", "ou", "status", "open", "lastSynced", "tags"] as const;
const th = "whitespace-nowrap px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase";
const td = "px-3 py-2.5 align-top";

type Group = { key: "organization" | "outside"; accounts: TAccountOverview[] };

/**
 * Accounts with their open findings. When accounts from outside the organization are listed, the
 * rows are split in two labelled groups. Test hooks: accounts-table, account-row (data-account-id),
 * account-group (data-group), severity-count (data-severity).
 */
export function AccountsTable({
  inOrganization,
  outside,
  ouNames,
  unitOf,
  now,
}: {
  inOrganization: TAccountOverview[];
  outside: TAccountOverview[];
  ouNames: Record<string, string>;
  /** the OU an account is listed under (its own, or the root when unknown) */
  unitOf: (ouId: string | null) => string | null;
  now: string;
}) {
  const t = useTranslations("accounts");
  const tCommon = useTranslations("common");
  const grouped = outside.length > 0;
  const groups: Group[] = [
    { key: "organization", accounts: inOrganization },
    { key: "outside", accounts: outside },
  ];

  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
      <table className="w-full min-w-[62rem] border-collapse text-sm" data-testid="accounts-table">
        <caption className="sr-only">{t("list.caption")}</caption>
        <thead className="bg-muted/60">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={th}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        {groups
          .filter((group) => group.accounts.length > 0)
          .map((group) => (
            <tbody key={group.key} data-testid="account-group" data-group={group.key}>
              {grouped ? (
                <tr className="border-t border-border bg-muted/40">
                  <th scope="rowgroup" colSpan={COLUMNS.length} className="px-3 py-2 text-left">
                    <span className="font-semibold">
                      {t(`groups.${group.key}.title`)}{" "}
                      <span className="font-normal text-muted-foreground tabular-nums">({group.accounts.length})</span>
                    </span>
                    <span className="block text-xs font-normal text-muted-foreground">{t(`groups.${group.key}.body`)}</span>
                  </th>
                </tr>
              ) : null}
              {group.accounts.map((account) => {
                const unit = account.inOrganization ? unitOf(account.ouId) : null;
                const suspended = account.status === "SUSPENDED";
                return (
                  <tr
                    key={account.id}
                    data-testid="account-row"
                    data-account-id={account.id}
                    data-status={account.status}
                    data-ou-id={unit ?? undefined}
                    data-in-organization={account.inOrganization}
                    className={cn("border-t border-border", suspended && "bg-danger-soft/60")}
                  >
                    <th scope="row" className={cn(td, "text-left font-normal")}>
                      <span className={cn("block font-medium", suspended && "line-through decoration-1")}>{account.name}</span>
                      {account.email ? (
                        <span className="block max-w-64 truncate font-mono text-xs text-muted-foreground" title={account.email}>
                          {account.email}
                        </span>
                      ) : null}
                    </th>
                    <td className={td}>
                      <span className="inline-flex items-center gap-0.5">
                        <span className="font-mono text-sm tabular-nums" data-testid="account-id">
                          {account.id}
                        </span>
                        <CopyButton value={account.id} label={t("copyId", { name: account.name })} className="-my-1" />
                      </span>
                    </td>
                    <td className={cn(td, "max-w-48")}>
                      {unit && ouNames[unit] ? (
                        <span className="block truncate" title={ouNames[unit]}>
                          {ouNames[unit]}
                        </span>
                      ) : (
                        <span className="text-muted-foreground">{tCommon("none")}</span>
                      )}
                    </td>
                    <td className={td}>
                      <AccountStatus status={account.status} />
                    </td>
                    <td className={td}>
                      <ul className="flex flex-nowrap gap-1" aria-label={t("openLabel", { name: account.name })}>
                        {SEVERITIES.map((severity) => (
                          <li key={severity}>
                            <SeverityCount severity={severity} count={account.open[severity]} />
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className={cn(td, "text-sm whitespace-nowrap")}>
                      {account.lastSyncedAt ? (
                        <DateTime value={account.lastSyncedAt.toISOString()} now={now} variant="relative" />
                      ) : (
                        <span className="text-muted-foreground">{tCommon("never")}</span>
                      )}
                    </td>
                    <td className={td}>
                      <AccountTags tags={account.tags} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
      </table>
    </div>
  );
}
