import "server-only";
import type pg from "pg";
import { readPool } from "@/server/db-pool";
import { STANDARDS, type TStandardKey } from "@/server/findings/findings.types";
import type { TAccountNode, TControlRow, TOuNode } from "./compute-scores";

// Per (standard, account, control) counts from the findings in one grouped query. The standard comes from the
// generator id prefix (as the findings filter has it); the partial index findings_compliance_controls_idx
// covers every column read here.

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `CASE WHEN "generatorId" LIKE 'prefix/%' THEN 'key' … END` and the WHERE part matching any standard. */
export function standardSql(column = `f."generatorId"`): { key: string; any: string } {
  const entries = Object.entries(STANDARDS).map(([key, prefix]) => ({ key, like: `'${escapeLike(prefix).replace(/'/g, "''")}/%'` }));
  return {
    key: `CASE ${entries.map((e) => `WHEN ${column} LIKE ${e.like} THEN '${e.key}'`).join(" ")} END`,
    any: `(${entries.map((e) => `${column} LIKE ${e.like}`).join(" OR ")})`,
  };
}

export async function loadControlRows(client: pg.Pool | pg.PoolClient = readPool()): Promise<TControlRow<TStandardKey>[]> {
  const std = standardSql(`g."generatorId"`);
  const counted = `f."recordState" = 'ACTIVE' AND f."workflowStatus" <> 'SUPPRESSED'`;
  // Grouped first by the index's own columns (an ordered index-only scan, no sort: ~0.5 s for 1,000,000 control
  // findings), then by standard: a standard's generator ids differ per control (and per CIS requirement).
  const { rows } = await client.query<TControlRow<TStandardKey>>(
    `SELECT ${std.key} AS standard, g."awsAccountId" AS "accountId", g."controlId",
            sum(g.active)::int AS active, sum(g.passed)::int AS passed, sum(g.failed)::int AS failed,
            sum(g.warning)::int AS warning, sum(g."notAvailable")::int AS "notAvailable"
     FROM (SELECT f."generatorId", f."awsAccountId", f."controlId",
                  count(*) FILTER (WHERE f."recordState" = 'ACTIVE') AS active,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'PASSED') AS passed,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'FAILED') AS failed,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'WARNING') AS warning,
                  count(*) FILTER (WHERE ${counted} AND f."complianceStatus" = 'NOT_AVAILABLE') AS "notAvailable"
           FROM findings f
           WHERE f."controlId" IS NOT NULL AND ${standardSql().any}
           GROUP BY f."generatorId", f."awsAccountId", f."controlId") g
     GROUP BY 1, 2, 3
     HAVING sum(g.active) > 0`,
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
