"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { checklistKeys, fetchChecklists, postCompletion, type TChecklist, type TCompleteItem } from "./checklists-api";

/** The checklists: the server's render first, then GET /api/checklists. */
export function useChecklists(initial: TChecklist[] | undefined, renderedAt: string) {
  return useQuery({
    queryKey: checklistKeys.list(),
    queryFn: ({ signal }) => fetchChecklists(signal),
    ...(initial ? { initialData: { items: initial }, initialDataUpdatedAt: Date.parse(renderedAt) } : {}),
  });
}

/** Completing an item: afterwards every checklist query is fetched again. */
export function useCompleteItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, input }: { itemId: string; input: TCompleteItem }) => postCompletion(itemId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: checklistKeys.all }),
  });
}
