import "server-only";
import type { TStandardKey } from "@/server/findings/findings.types";
import { STANDARD_KEYS, type TComplianceScores, type TScoreFigures } from "./compliance.types";
import { loadLiveFigures, type TLive } from "./live-figures";

// Current scores, live from the findings (triage and syncs show at once): the organization, every OU (with its
// sub-OUs) and every account, per standard. Accounts without any control finding are listed with no figures.

const record = (m: Map<TStandardKey, TScoreFigures> | undefined) => Object.fromEntries(m ?? []) as Partial<Record<TStandardKey, TScoreFigures>>;

export async function getComplianceScores(options: { ou?: string } = {}, live: () => Promise<TLive> = loadLiveFigures): Promise<TComplianceScores> {
  const { figures, tree } = await live();
  let accounts = tree.accounts;
  if (options.ou) {
    const inScope = new Set<string>([options.ou]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const o of tree.ous) {
        if (o.parentId && inScope.has(o.parentId) && !inScope.has(o.id)) {
          inScope.add(o.id);
          grew = true;
        }
      }
    }
    accounts = accounts.filter((a) => a.ouId && inScope.has(a.ouId));
  }
  return {
    computedAt: new Date().toISOString(),
    standards: STANDARD_KEYS,
    org: record(figures.org),
    ous: tree.ous.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId, scores: record(figures.ous.get(o.id)) })),
    accounts: accounts.map((a) => ({ id: a.id, name: a.name, ouId: a.ouId, scores: record(figures.accounts.get(a.id)) })),
  };
}
