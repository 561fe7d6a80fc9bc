import "server-only";
import { readPool } from "@/server/db-pool";
import type { TStandardKey } from "@/server/findings/findings.types";
import type { TScopeType, TScoreFigures } from "./compliance.types";

// For the overview and the weekly review: a scope's latest snapshot per standard and the one a week (or `days`)
// before it, from the snapshot table only (an index lookup, no scan of the findings).

export type TSnapshotScore = { standard: TStandardKey; day: string; figures: TScoreFigures; previous: { day: string; figures: TScoreFigures } | null };

export async function getSnapshotScores(options: { scopeType?: TScopeType; scopeId?: string; days?: number; asOf?: string } = {}): Promise<TSnapshotScore[]> {
  const scopeType = options.scopeType ?? "org";
  const scopeId = scopeType === "org" ? "" : options.scopeId ?? "";
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const { rows } = await readPool().query<{ standard: TStandardKey; day: string; passed: number; failed: number; unknown: number; noData: number; score: number | null; pday: string | null; ppassed: number; pfailed: number; punknown: number; pnoData: number; pscore: number | null }>(
    `SELECT l.standard, to_char(l.day, 'YYYY-MM-DD') AS day, l.passed, l.failed, l.unknown, l."noData", l.score,
            to_char(p.day, 'YYYY-MM-DD') AS pday, p.passed AS ppassed, p.failed AS pfailed, p.unknown AS punknown, p."noData" AS "pnoData", p.score AS pscore
     FROM (SELECT DISTINCT ON (standard) * FROM compliance_snapshots
           WHERE "scopeType" = $1 AND "scopeId" = $2 AND day <= $3::date ORDER BY standard, day DESC) l
     LEFT JOIN LATERAL (SELECT * FROM compliance_snapshots p WHERE p."scopeType" = $1 AND p."scopeId" = $2 AND p.standard = l.standard
           AND p.day <= l.day - $4::int ORDER BY p.day DESC LIMIT 1) p ON true
     ORDER BY l.standard`,
    [scopeType, scopeId, asOf, options.days ?? 7],
  );
  return rows.map((r) => ({
    standard: r.standard,
    day: r.day,
    figures: { passed: r.passed, failed: r.failed, unknown: r.unknown, noData: r.noData, score: r.score },
    previous: r.pday ? { day: r.pday, figures: { passed: r.ppassed, failed: r.pfailed, unknown: r.punknown, noData: r.pnoData, score: r.pscore } } : null,
  }));
}
