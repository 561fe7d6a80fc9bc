import type { TSuppressionCriteria, TSuppressionRule, TUpdateSuppressionRule } from "@/server/findings/triage-settings.types";

// The create/edit dialog's state and its translation to API input.

export type TRuleForm = {
  name: string;
  reason: string;
  /** YYYY-MM-DD or "" (no expiry) */
  expiry: string;
  enabled: boolean;
  accountIds: string[];
  ouIds: string[];
  controlIds: string[];
  products: string[];
  /** one per line */
  findingTypes: string;
  resourcePattern: string;
};

export const EMPTY_FORM: TRuleForm = {
  name: "", reason: "", expiry: "", enabled: true, accountIds: [], ouIds: [], controlIds: [], products: [], findingTypes: "", resourcePattern: "",
};

export function formOf(rule: TSuppressionRule): TRuleForm {
  const c = rule.criteria;
  return {
    name: rule.name,
    reason: rule.reason,
    expiry: rule.expiresAt ? rule.expiresAt.slice(0, 10) : "",
    enabled: rule.enabled,
    accountIds: c.accountIds ?? [],
    ouIds: c.ouIds ?? [],
    controlIds: c.controlIds ?? [],
    products: c.products ?? [],
    findingTypes: (c.findingTypes ?? []).join("\n"),
    resourcePattern: c.resourcePattern ?? "",
  };
}

/** The criteria the form describes; empty parts left out. */
export function criteriaOf(form: TRuleForm): TSuppressionCriteria {
  const criteria: TSuppressionCriteria = {};
  if (form.accountIds.length) criteria.accountIds = form.accountIds;
  if (form.ouIds.length) criteria.ouIds = form.ouIds;
  if (form.controlIds.length) criteria.controlIds = form.controlIds;
  if (form.products.length) criteria.products = form.products;
  const types = form.findingTypes.split("\n").map((v) => v.trim()).filter(Boolean);
  if (types.length) criteria.findingTypes = types;
  if (form.resourcePattern.trim()) criteria.resourcePattern = form.resourcePattern.trim();
  return criteria;
}

export const hasCriteria = (criteria: TSuppressionCriteria) => Object.keys(criteria).length > 0;

/** Only what the edit changed, so an unchanged expiry keeps its exact time and unchanged criteria release nothing. */
export function changesOf(before: TRuleForm, after: TRuleForm): TUpdateSuppressionRule {
  const patch: TUpdateSuppressionRule = {};
  if (after.name.trim() !== before.name) patch.name = after.name.trim();
  if (after.reason.trim() !== before.reason) patch.reason = after.reason.trim();
  if (after.expiry !== before.expiry) patch.expiresAt = after.expiry || null;
  if (after.enabled !== before.enabled) patch.enabled = after.enabled;
  if (JSON.stringify(criteriaOf(after)) !== JSON.stringify(criteriaOf(before))) patch.criteria = criteriaOf(after);
  return patch;
}
