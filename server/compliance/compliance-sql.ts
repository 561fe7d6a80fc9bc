import "server-only";
import type pg from "pg";
import { readPool } from "@/server/db-pool";
import type { TStandardKey } from "@/server/findings/findings.types";
import { STANDARD_KEYS } from "./compliance.types";
import type { TAccountNode, TControlRow, TOuNode } from "./compute-scores";

// Per (standard, account, control) counts from the findings in one grouped query. The standards of a finding are
// the findings.standards column (the sync fills it from Compliance.AssociatedStandards or the generator id): a
// consolidated control finding counts once for every standard it is associated with, a per-standard finding for
// its one standard. The partial index findings_compliance_controls_idx covers every column read here.

/** The rows the score counts: control findings of at least one known standard (the partial index's predicate). */
export const CONTROL_FINDINGS = `f."controlId" IS NOT NULL AND f."standards" <> '{}'`;

export async function loadControlRows(client: pg.Pool | pg.PoolClient = readPool()): Promise<TControlRow<TStandardKey>[]> {
  const counted = `f."recordState" = 'ACTIVE' AND f."workflowStatus" <> 'SUPPRESSED'`;
  // Grouped first by the index's own columns (an ordered index-only scan, no sort), then once per standard of
  // each group: a few distinct standards sets per (account, control).
  const { rows } = await client.query<TControlRow<TStandardKey>>(
    `SELECT s.standard, g."awsAccountId" AS "accountId", g."controlId",
            sum(g.active)::int AS active, sum(g.passed)::int AS passed, sum(g.failed)::int AS failed,
            sum(g.warning)::int AS warning, sum(g."notAvailable")::int AS "notAvailable"
     FROM (SELECT f."awsAccountId", f."controlId", f."standards",
                  count(*) FILTER (WHERE f."recordState" = 'ACTIVE') AS active,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'PASSED') AS passed,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'FAILED') AS failed,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'WARNING') AS warning,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'NOT_AVAILABLE') AS "notAvailable"
           FROM findings f
           WHERE ${CONTROL_FINDINGS}
           GROUP BY f."awsAccountId", f."controlId", f."standards") g
     CROSS JOIN LATERAL unnest(g."standards") AS s(standard)
     WHERE s.standard = ANY($1::text[])
     GROUP BY 1, 2, 3
     HAVING sum(g.active) > 0`,
    [STANDARD_KEYS],
  );
  return rows;
}

export type TTree = { accounts: (TAccountNode & { name: string })[]; ous: (TOuNode & { name: string })[] };

export async function loadTree(client: pg.Pool | pg.PoolClient = readPool()): Promise<TTree> {
  // One after the other: `client` may be a single connection.
  const accounts = await client.query<TAccountNode & { name: string }>(`SELECT id, name, "ouId" FROM aws_accounts ORDER BY name, id`);
  const ous = await client.query<TOuNode & { name: string }>(`SELECT id, name, "parentId" FROM organizational_units ORDER BY name, id`);
  return { accounts: accounts.rows, ous: ous.rows };
}

/** SQL condition "account in the OU or its sub-OUs" on `column`, with the OU id as parameter $n. */
export function inOuSql(column: string, n: number): string {
  return `${column} IN (SELECT a.id FROM aws_accounts a WHERE a."ouId" IN (WITH RECURSIVE sub AS (SELECT id, 0 AS depth FROM organizational_units WHERE id = $${n}
    UNION ALL SELECT c.id, t.depth + 1 FROM organizational_units c JOIN sub t ON c."parentId" = t.id WHERE t.depth < 50) SELECT id FROM sub))`;
}
