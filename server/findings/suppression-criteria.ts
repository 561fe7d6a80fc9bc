import "server-only";
import { z } from "zod";
import { AppError } from "@/server/http/app-error";
import type { SqlParams } from "./query-sql";
import { CRITERIA_KEYS, RULE_LIMITS, type TSuppressionCriteria } from "./triage-settings.types";

// A suppression rule's criteria: checked with messages that name the bad value, and turned into
// a WHERE clause over `findings f` that the indexes on findings can serve.

const ZCriteriaShape = z.object({
  accountIds: z.array(z.string()).optional(),
  ouIds: z.array(z.string()).optional(),
  controlIds: z.array(z.string()).optional(),
  products: z.array(z.string()).optional(),
  findingTypes: z.array(z.string()).optional(),
  resourcePattern: z.string().nullable().optional(),
}).strict();

const LABEL: Record<(typeof CRITERIA_KEYS)[number], string> = {
  accountIds: "Account", ouIds: "OU", controlIds: "Control", products: "Product", findingTypes: "Finding type", resourcePattern: "Resource pattern",
};

const CHECKS: Record<"accountIds" | "ouIds" | "controlIds", { test: RegExp; hint: string }> = {
  accountIds: { test: /^\d{12}$/, hint: "is not a 12-digit AWS account id" },
  ouIds: { test: /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32})$/, hint: "is not an OU id (r-… or ou-…-…)" },
  controlIds: { test: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, hint: "is not a control id (e.g. S3.1)" },
};

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function describeShape(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The criteria are not valid.";
  if (issue.code === "unrecognized_keys") return `Unknown criterion "${clip(issue.keys[0] ?? "")}": use ${CRITERIA_KEYS.join(", ")}.`;
  const key = String(issue.path[0] ?? "");
  return key ? `Criterion "${key}" must be ${key === "resourcePattern" ? "a text" : "a list of texts"}.` : "The criteria must be an object.";
}

/** Trims, de-duplicates and checks criteria; empty lists are dropped. At least one criterion must remain. */
export function parseCriteria(input: unknown): TSuppressionCriteria {
  const parsed = ZCriteriaShape.safeParse(input ?? {});
  if (!parsed.success) throw new AppError("BAD_REQUEST", describeShape(parsed.error));
  const criteria: TSuppressionCriteria = {};
  for (const key of ["accountIds", "ouIds", "controlIds", "products", "findingTypes"] as const) {
    const raw = parsed.data[key];
    if (!raw) continue;
    const values = [...new Set(raw.map((v) => v.trim()).filter(Boolean))];
    if (values.length === 0) continue;
    if (values.length > RULE_LIMITS.listValues) throw new AppError("BAD_REQUEST", `${LABEL[key]} has ${values.length} values; at most ${RULE_LIMITS.listValues} are allowed.`);
    for (const value of values) {
      if (/[\u0000-\u001f]/.test(value)) throw new AppError("BAD_REQUEST", `${LABEL[key]} "${clip(value.replace(/[\u0000-\u001f]/g, "?"))}" contains a control character.`);
      if (value.length > RULE_LIMITS.value) throw new AppError("BAD_REQUEST", `${LABEL[key]} "${clip(value)}" is longer than ${RULE_LIMITS.value} characters.`);
      const check = key in CHECKS ? CHECKS[key as keyof typeof CHECKS] : null;
      if (check && !check.test.test(value)) throw new AppError("BAD_REQUEST", `${LABEL[key]} "${clip(value)}" ${check.hint}.`);
      if (key === "findingTypes" && value.slice(0, -1).includes("*")) {
        throw new AppError("BAD_REQUEST", `Finding type "${clip(value)}": * is only allowed at the end (a prefix).`);
      }
      if (key === "findingTypes" && value === "*") throw new AppError("BAD_REQUEST", `Finding type "*" would match every finding; give a type or a prefix.`);
    }
    criteria[key] = values;
  }
  const pattern = parsed.data.resourcePattern?.trim();
  if (pattern) {
    if (/[\u0000-\u001f]/.test(pattern)) throw new AppError("BAD_REQUEST", "The resource pattern contains a control character.");
    if (pattern.length > RULE_LIMITS.pattern) throw new AppError("BAD_REQUEST", `The resource pattern is ${pattern.length} characters long; at most ${RULE_LIMITS.pattern} are allowed.`);
    if (pattern.replaceAll("*", "").length < RULE_LIMITS.patternLiterals) {
      throw new AppError("BAD_REQUEST", `The resource pattern "${clip(pattern)}" needs at least ${RULE_LIMITS.patternLiterals} characters besides *.`);
    }
    criteria.resourcePattern = pattern;
  }
  if (Object.keys(criteria).length === 0) {
    throw new AppError("BAD_REQUEST", "A rule needs at least one criterion: accounts, OUs, controls, products, finding types or a resource pattern.");
  }
  return criteria;
}

/** Criteria as stored (JSON from the database); null when they are not valid any more. */
export function storedCriteria(value: unknown): TSuppressionCriteria | null {
  try {
    return parseCriteria(value);
  } catch {
    return null;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A glob (* = any text) as a LIKE pattern over the whole value. */
export function globToLike(glob: string): string {
  return escapeLike(glob).replaceAll("*", "%");
}

/**
 * The GuardDuty finding type of a row: Security Hub copies carry it in ProductFields (their GeneratorId
 * is the detector), native findings as Type. The partial expression index findings_guardduty_type_idx
 * has exactly this expression.
 */
export const GUARDDUTY_TYPE_SQL = `COALESCE(f.raw->'ProductFields'->>'aws/guardduty/type', f.raw->>'Type')`;

/** The WHERE clause (over `findings f`) that matches the criteria: all given criteria at once. */
export function criteriaSql(criteria: TSuppressionCriteria, p: SqlParams): string {
  const where: string[] = [];
  if (criteria.accountIds) where.push(`f."awsAccountId" = ANY(${p.add(criteria.accountIds, "::varchar[]")})`);
  if (criteria.ouIds) {
    // ARRAY(…) runs once, before the scan: the account index serves the result like a literal list.
    where.push(`f."awsAccountId" = ANY(ARRAY(SELECT a.id FROM aws_accounts a WHERE a."ouId" IN (
      WITH RECURSIVE t AS (SELECT id FROM organizational_units WHERE id = ANY(${p.add(criteria.ouIds, "::text[]")})
        UNION SELECT o.id FROM organizational_units o JOIN t ON o."parentId" = t.id)
      SELECT id FROM t)))`);
  }
  if (criteria.controlIds) where.push(`f."controlId" = ANY(${p.add(criteria.controlIds, "::text[]")})`);
  if (criteria.products) where.push(`f."productName" = ANY(${p.add(criteria.products, "::text[]")})`);
  if (criteria.findingTypes) {
    const exact = criteria.findingTypes.filter((t) => !t.endsWith("*"));
    const prefixes = criteria.findingTypes.filter((t) => t.endsWith("*")).map((t) => p.add(`${escapeLike(t.slice(0, -1))}%`));
    const exactParam = exact.length ? p.add(exact, "::text[]") : null;
    const match = (expr: string) => [...(exactParam ? [`${expr} = ANY(${exactParam})`] : []), ...prefixes.map((pattern) => `${expr} LIKE ${pattern}`)].join(" OR ");
    where.push(`(${match(`f."generatorId"`)} OR (f.source = 'GUARDDUTY' AND (${match(GUARDDUTY_TYPE_SQL)})))`);
  }
  if (criteria.resourcePattern) where.push(`f."resourceId" ILIKE ${p.add(globToLike(criteria.resourcePattern))}`);
  return where.length ? where.join(" AND ") : "FALSE";
}

/** Unknown OU ids: a rule on an OU that is not in the organization is almost certainly a typo. */
export function unknownOusSql(ouIds: string[], p: SqlParams): string {
  return `SELECT x.id FROM unnest(${p.add(ouIds, "::text[]")}) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM organizational_units o WHERE o.id = x.id)`;
}
