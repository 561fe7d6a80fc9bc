import "server-only";
import { db } from "@/server/db";
import type { TSeverity } from "@/server/findings/severity.types";

export type TAccountOverview = {
  id: string;
  name: string;
  email: string | null;
  status: string;
  ouId: string | null;
  inOrganization: boolean;
  tags: Record<string, string>;
  lastSyncedAt: Date | null;
  /** open = active and not resolved or suppressed */
  open: Record<TSeverity, number>;
};
export type TOrganizationOverview = {
  units: { id: string; name: string; parentId: string | null }[];
  accounts: TAccountOverview[];
};

const EMPTY: Record<TSeverity, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };

/** The OU tree and every account with its open findings by severity (one grouped query). */
export async function getOrganizationOverview(): Promise<TOrganizationOverview> {
  const [units, accounts, counts] = await Promise.all([
    db.organizationalUnit.findMany({ select: { id: true, name: true, parentId: true }, orderBy: { name: "asc" } }),
    db.awsAccount.findMany({
      select: { id: true, name: true, email: true, status: true, ouId: true, inOrganization: true, tags: true, lastSyncedAt: true },
      orderBy: { name: "asc" },
    }),
    db.finding.groupBy({
      by: ["awsAccountId", "severity"],
      where: { recordState: "ACTIVE", workflowStatus: { in: ["NEW", "NOTIFIED"] } },
      _count: { _all: true },
    }),
  ]);
  const open = new Map<string, Record<TSeverity, number>>();
  for (const c of counts) {
    const row = open.get(c.awsAccountId) ?? { ...EMPTY };
    row[c.severity] = c._count._all;
    open.set(c.awsAccountId, row);
  }
  return {
    units,
    accounts: accounts.map((a) => ({ ...a, tags: (a.tags ?? {}) as Record<string, string>, open: open.get(a.id) ?? { ...EMPTY } })),
  };
}
