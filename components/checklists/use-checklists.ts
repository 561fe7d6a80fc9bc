"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  checklistKeys, fetchArchivedChecklists, fetchChecklists, fetchHistory, fetchUserOptions, patchChecklist, postCompletion,
  type TChecklist, type TCompleteItem, type TUpdateChecklist,
} from "./checklists-api";

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

export function useArchivedChecklists(enabled: boolean) {
  return useQuery({ queryKey: checklistKeys.archived(), queryFn: ({ signal }) => fetchArchivedChecklists(signal), enabled });
}

export function useChecklistHistory(id: string, page: number) {
  return useQuery({ queryKey: checklistKeys.history(id, page), queryFn: ({ signal }) => fetchHistory(id, page, signal), placeholderData: (previous) => previous });
}

/** Active users for the owner picker (ANALYST+ only: the editor is not shown to viewers). */
export function useUserOptions() {
  return useQuery({ queryKey: checklistKeys.users(), queryFn: ({ signal }) => fetchUserOptions(signal), staleTime: 5 * 60_000 });
}

/** Archive or restore a checklist; every checklist query is fetched again. */
export function useUpdateChecklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TUpdateChecklist }) => patchChecklist(id, input),
    onSuccess: () => client.invalidateQueries({ queryKey: checklistKeys.all }),
  });
}
