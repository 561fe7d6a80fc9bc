import "server-only";
import { readPool } from "@/server/db-pool";
import { standardWhere } from "@/server/findings/standard-sql";
import type { TSeverity } from "@/server/findings/severity.types";
import { controlFindingsHref, scopeOf, type TControlsQuery, type TFailingControls } from "./compliance.types";
import { CONTROL_FINDINGS, inOuSql } from "./compliance-sql";
import { loadLiveFigures, type TLive } from "./live-figures";

// The drill-down of a heatmap cell: the controls failing in a scope and standard (live from the findings), with
// the number of accounts where each fails, its failed findings and the highest severity among them; sorted by
// failed accounts, then severity. Counted like the score: active, not suppressed, FAILED control findings of the
// standard (a consolidated finding counts for each of its standards), with the same standard condition as the
// findings list behind each control's link (standardWhere). That link (controlFindingsHref) lists exactly the counted
// findings: control, standard, scope, compliance=FAILED, record=active, status=NEW,NOTIFIED,RESOLVED, any severity —
// keep the two in step.

export async function listFailingControls(query: TControlsQuery, live: () => Promise<TLive> = loadLiveFigures): Promise<TFailingControls> {
  const { scopeType, scopeId } = scopeOf(query);
  const params: unknown[] = [];
  const add = (v: unknown) => `$${params.push(v)}`;
  const standard = standardWhere(`f."standards"`, [query.standard], add);
  let scope = "";
  if (query.account) scope = `AND f."awsAccountId" = ${add(query.account)}`;
  else if (query.ou) {
    params.push(query.ou);
    scope = `AND ${inOuSql(`f."awsAccountId"`, params.length)}`;
  }
  const [controls, { figures }] = await Promise.all([
    readPool().query<{ controlId: string; title: string; severity: TSeverity; failedAccounts: number; failedFindings: number }>(
      `SELECT f."controlId", min(f.title) AS title, min(f.severity)::text AS severity,
              count(DISTINCT f."awsAccountId")::int AS "failedAccounts", count(*)::int AS "failedFindings"
       FROM findings f
       WHERE ${CONTROL_FINDINGS} AND ${standard} ${scope}
         AND f."recordState" = 'ACTIVE' AND f."workflowStatus" <> 'SUPPRESSED' AND f."complianceStatus" = 'FAILED'
       GROUP BY f."controlId"
       ORDER BY "failedAccounts" DESC, min(f.severity) ASC, count(*) DESC, f."controlId"`,
      params,
    ),
    live(),
  ]);
  const byScope = scopeType === "org" ? figures.org : (scopeType === "ou" ? figures.ous : figures.accounts).get(scopeId);
  return {
    standard: query.standard,
    scopeType,
    scopeId,
    figures: byScope?.get(query.standard) ?? { passed: 0, failed: 0, unknown: 0, noData: 0, score: null },
    controls: controls.rows.map((c) => ({ ...c, findingsHref: controlFindingsHref(c.controlId, query.standard, query) })),
  };
}
