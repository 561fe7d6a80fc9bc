"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchUserOptions } from "@/components/checklists/checklists-api";
import type { TActionItemView, TReviewView } from "@/server/review/review.types";
import { deleteActionItem, fetchReview, finalizeReview, patchActionItem, patchReview, postActionItem, refreshReview, reviewKeys } from "./reviews-api";

/** The review: the server's render first, then GET /api/reviews/:id after each change. */
export function useReview(initial: TReviewView, renderedAt: string) {
  return useQuery({ queryKey: reviewKeys.one(initial.id), queryFn: ({ signal }) => fetchReview(initial.id, signal), initialData: initial, initialDataUpdatedAt: Date.parse(renderedAt) });
}

/** Every change to a review or its action items; afterwards the review and the queue are fetched again. */
export function useReviewMutations(id: string) {
  const client = useQueryClient();
  const settle = (review?: TReviewView | unknown) => {
    if (review && typeof review === "object" && "agenda" in review) client.setQueryData(reviewKeys.one(id), review as TReviewView);
    return client.invalidateQueries({ queryKey: reviewKeys.all });
  };
  // An item's answer goes into the cached review at once (no flash of the old row), then everything under
  // reviewKeys.all is fetched again: the review and the owners' queues ("my action items").
  const settleItems = (change: (items: TActionItemView[]) => TActionItemView[]) => {
    client.setQueryData<TReviewView>(reviewKeys.one(id), (review) => (review ? { ...review, actionItems: change(review.actionItems) } : review));
    return client.invalidateQueries({ queryKey: reviewKeys.all });
  };
  return {
    save: useMutation({ mutationFn: (body: Parameters<typeof patchReview>[1]) => patchReview(id, body), onSuccess: settle }),
    refresh: useMutation({ mutationFn: () => refreshReview(id), onSuccess: settle }),
    finalize: useMutation({ mutationFn: () => finalizeReview(id), onSuccess: settle }),
    addItem: useMutation({ mutationFn: (body: Parameters<typeof postActionItem>[1]) => postActionItem(id, body), onSuccess: (item) => settleItems((items) => [...items, item]) }),
    updateItem: useMutation({
      mutationFn: ({ itemId, body }: { itemId: string; body: Parameters<typeof patchActionItem>[1] }) => patchActionItem(itemId, body),
      onSuccess: (item) => settleItems((items) => items.map((i) => (i.id === item.id ? item : i))),
    }),
    removeItem: useMutation({ mutationFn: (itemId: string) => deleteActionItem(itemId), onSuccess: (_, itemId) => settleItems((items) => items.filter((i) => i.id !== itemId)) }),
  };
}

/** Active users for the attendee and owner pickers (analysts only: viewers see no editor). */
export function useUserOptions(enabled: boolean) {
  return useQuery({ queryKey: ["users", "options"], queryFn: ({ signal }) => fetchUserOptions(signal), staleTime: 5 * 60_000, enabled });
}
