import "server-only";
import { readPool } from "@/server/db-pool";
import type { TStandardKey } from "@/server/findings/findings.types";
import { scopeOf, STANDARD_KEYS, type TComplianceTrend, type TTrendPoint, type TTrendQuery } from "./compliance.types";
import { loadLiveFigures, type TLive } from "./live-figures";

// The trend from the daily snapshots (no scan of the findings), per standard, for the organization, an OU or an
// account. Days without a snapshot are left out; today is computed live when its snapshot is not there yet.

export async function getComplianceTrend(query: TTrendQuery, options: { now?: Date; live?: () => Promise<TLive> } = {}): Promise<TComplianceTrend> {
  const { scopeType, scopeId } = scopeOf(query);
  const to = (options.now ?? new Date()).toISOString().slice(0, 10);
  const fromDate = new Date(`${to}T00:00:00Z`);
  fromDate.setUTCDate(fromDate.getUTCDate() - query.weeks * 7 + 1);
  const from = fromDate.toISOString().slice(0, 10);
  const standards = query.standard ? [query.standard] : STANDARD_KEYS;
  const { rows } = await readPool().query<TTrendPoint & { standard: TStandardKey }>(
    `SELECT standard, to_char(day, 'YYYY-MM-DD') AS day, score, passed, failed, unknown, "noData"
     FROM compliance_snapshots WHERE "scopeType" = $1 AND "scopeId" = $2 AND standard = ANY($3::text[]) AND day BETWEEN $4::date AND $5::date
     ORDER BY standard, day`,
    [scopeType, scopeId, standards, from, to],
  );
  const series = Object.fromEntries(standards.map((s) => [s, [] as TTrendPoint[]])) as Record<TStandardKey, TTrendPoint[]>;
  for (const { standard, ...point } of rows) series[standard].push(point);
  if (standards.some((s) => series[s].at(-1)?.day !== to)) {
    const { figures } = await (options.live ?? loadLiveFigures)();
    const live = scopeType === "org" ? figures.org : (scopeType === "ou" ? figures.ous : figures.accounts).get(scopeId);
    for (const s of standards) {
      const f = live?.get(s);
      if (f && series[s].at(-1)?.day !== to) series[s].push({ day: to, ...f, live: true });
    }
  }
  return { from, to, scopeType, scopeId, series };
}
