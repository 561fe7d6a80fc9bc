import { apiFetch } from "@/components/lib/api-client";
import { CHECK_CONTROLS, type TBaselineCellDetail, type TBaselineCheck, type TEvaluationSummary } from "@/server/checklists/baseline/baseline.types";

// The baseline API as seen from the browser; the shapes are server/checklists/baseline/baseline.types.ts.

export type TCellView = TBaselineCellDetail;

export const baselineKeys = {
  all: ["baseline"] as const,
  cell: (accountId: string, check: TBaselineCheck) => [...baselineKeys.all, "cell", accountId, check] as const,
};

export function fetchCell(accountId: string, check: TBaselineCheck, signal?: AbortSignal): Promise<TCellView> {
  return apiFetch<TCellView>(`/api/checklists/baseline/${encodeURIComponent(accountId)}/${encodeURIComponent(check)}`, { signal });
}

export function postEvaluate(): Promise<TEvaluationSummary> {
  return apiFetch<TEvaluationSummary>("/api/checklists/baseline/evaluate", { method: "POST" });
}

/** The findings of a check's area for one account: the Security Hub controls behind it, any severity and status. */
export function findingsHref(accountId: string, check: TBaselineCheck): string {
  const q = new URLSearchParams({ account: accountId, control: CHECK_CONTROLS[check].join(","), severity: "all", status: "all" });
  return `/findings?${q}`;
}

/** The drill-down's URL parameter: `cell=<accountId>.<check>`. */
export function parseCellParam(value: string | null | undefined): { accountId: string; check: TBaselineCheck } | null {
  const match = value ? /^(\d{12})\.([a-z]+)$/.exec(value) : null;
  if (!match || !(match[2]! in CHECK_CONTROLS)) return null;
  return { accountId: match[1]!, check: match[2] as TBaselineCheck };
}
