import { apiFetch } from "@/components/lib/api-client";
import type {
  TCreateSuppressionRule, TDeleteSuppressionRuleResponse, TSlaDays, TSlaPolicyResponse, TSlaUpdateResponse, TSuppressionRuleChangeResponse,
  TSuppressionRuleListResponse, TSuppressionCriteria, TUpdateSuppressionRule,
} from "@/server/findings/triage-settings.types";

// The SLA policy and suppression rule APIs as seen from the browser: query keys and one typed call per endpoint.

export type TPickLists = {
  accounts: { id: string; name: string; ouId: string | null }[];
  ous: { id: string; name: string; parentId: string | null }[];
  controls: string[];
  products: string[];
};

export const slaKeys = {
  all: ["sla-policy"] as const,
  policy: () => [...slaKeys.all, "policy"] as const,
  preview: (days: TSlaDays) => [...slaKeys.all, "preview", days.critical, days.high, days.medium, days.low] as const,
};

export const ruleKeys = {
  all: ["suppression-rules"] as const,
  list: () => [...ruleKeys.all, "list"] as const,
  preview: (criteria: string) => [...ruleKeys.all, "preview", criteria] as const,
  pickLists: () => [...ruleKeys.all, "pick-lists"] as const,
};

/** Rules change findings: lists, counts and details cached by the findings page are stale after a change. */
export const FINDINGS_CACHE_PREFIX = ["findings"] as const;

export function fetchSlaPreview(days: TSlaDays, signal?: AbortSignal): Promise<TSlaPolicyResponse> {
  const query = new URLSearchParams(Object.entries(days).map(([k, v]) => [k, String(v)]));
  return apiFetch<TSlaPolicyResponse>(`/api/settings/sla?${query}`, { signal });
}

export function putSlaPolicy(days: TSlaDays): Promise<TSlaUpdateResponse> {
  return apiFetch<TSlaUpdateResponse>("/api/settings/sla", { method: "PUT", body: days });
}

export function fetchRules(signal?: AbortSignal): Promise<TSuppressionRuleListResponse> {
  return apiFetch<TSuppressionRuleListResponse>("/api/suppression-rules", { signal });
}

export function postRule(input: TCreateSuppressionRule): Promise<TSuppressionRuleChangeResponse> {
  return apiFetch<TSuppressionRuleChangeResponse>("/api/suppression-rules", { method: "POST", body: input });
}

export function patchRule(id: string, input: TUpdateSuppressionRule): Promise<TSuppressionRuleChangeResponse> {
  return apiFetch<TSuppressionRuleChangeResponse>(`/api/suppression-rules/${encodeURIComponent(id)}`, { method: "PATCH", body: input });
}

export function deleteRule(id: string, keepSuppressed: boolean): Promise<TDeleteSuppressionRuleResponse> {
  return apiFetch<TDeleteSuppressionRuleResponse>(`/api/suppression-rules/${encodeURIComponent(id)}`, { method: "DELETE", body: { keepSuppressed } });
}

export function previewRule(criteria: TSuppressionCriteria, signal?: AbortSignal): Promise<{ matches: number; wouldSuppress: number }> {
  return apiFetch<{ matches: number; wouldSuppress: number }>("/api/suppression-rules/preview", { method: "POST", body: { criteria }, signal });
}

export async function fetchPickLists(signal?: AbortSignal): Promise<TPickLists> {
  const data = await apiFetch<Partial<TPickLists>>("/api/findings/facets", { signal });
  return { accounts: data.accounts ?? [], ous: data.ous ?? [], controls: data.controls ?? [], products: data.products ?? [] };
}
