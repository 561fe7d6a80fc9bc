import { apiFetch } from "@/components/lib/api-client";
import type { TActionItemInput, TActionItemPatch, TActionItemView, TReviewUpdate, TReviewView } from "@/server/review/review.types";

// The weekly review API as seen from the browser; the shapes are server/review/review.types.ts.

export const reviewKeys = {
  all: ["reviews"] as const,
  one: (id: string) => [...reviewKeys.all, "one", id] as const,
  mine: () => [...reviewKeys.all, "mine"] as const,
};

const path = (id: string) => `/api/reviews/${encodeURIComponent(id)}`;

export const fetchReview = (id: string, signal?: AbortSignal) => apiFetch<TReviewView>(path(id), { signal });
export const startReview = () => apiFetch<TReviewView>("/api/reviews", { method: "POST" });
export const patchReview = (id: string, body: TReviewUpdate) => apiFetch<TReviewView>(path(id), { method: "PATCH", body });
export const refreshReview = (id: string) => apiFetch<TReviewView>(`${path(id)}/refresh`, { method: "POST" });
export const finalizeReview = (id: string) => apiFetch<TReviewView>(`${path(id)}/finalize`, { method: "POST" });
export const postActionItem = (id: string, body: TActionItemInput) => apiFetch<TActionItemView>(`${path(id)}/action-items`, { method: "POST", body });
export const patchActionItem = (itemId: string, body: TActionItemPatch) =>
  apiFetch<TActionItemView>(`/api/reviews/action-items/${encodeURIComponent(itemId)}`, { method: "PATCH", body });
export const deleteActionItem = (itemId: string) => apiFetch<void>(`/api/reviews/action-items/${encodeURIComponent(itemId)}`, { method: "DELETE" });
export const fetchMyActionItems = (signal?: AbortSignal) => apiFetch<{ items: TActionItemView[] }>("/api/reviews/action-items/mine", { signal });
export const exportHref = (id: string, format: "csv" | "pdf") => `${path(id)}/export?format=${format}`;
