"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TSuppressionRule } from "@/server/findings/triage-settings.types";
import { fetchPickLists, fetchRules, FINDINGS_CACHE_PREFIX, ruleKeys } from "./triage-settings-api";

/** The rules: the server's list first, then GET /api/suppression-rules after every change. */
export function useRules(initial: TSuppressionRule[], renderedAt: string) {
  return useQuery({
    queryKey: ruleKeys.list(),
    queryFn: ({ signal }) => fetchRules(signal),
    initialData: { items: initial },
    initialDataUpdatedAt: Date.parse(renderedAt),
  });
}

/** Accounts, OUs, controls and products to pick from (GET /api/findings/facets), loaded when a dialog opens. */
export function usePickLists(enabled: boolean) {
  return useQuery({ queryKey: ruleKeys.pickLists(), queryFn: ({ signal }) => fetchPickLists(signal), enabled, staleTime: 60_000 });
}

/** A rule change: afterwards the rule list and every cached findings view are stale. */
export function useRuleMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ruleKeys.all }),
        queryClient.invalidateQueries({ queryKey: FINDINGS_CACHE_PREFIX }),
      ]);
    },
  });
}
