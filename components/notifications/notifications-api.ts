import { apiFetch } from "@/components/lib/api-client";
import type { TRetryResponse, TTestResponse } from "@/server/notifications/notifications.types";

// Typed calls from the notifications page to app/api/notifications.

export function retryDeliveryNow(id: string): Promise<TRetryResponse> {
  return apiFetch<TRetryResponse>(`/api/notifications/deliveries/${encodeURIComponent(id)}/retry`, { method: "POST" });
}

export function sendTestMessage(): Promise<TTestResponse> {
  return apiFetch<TTestResponse>("/api/notifications/test", { method: "POST" });
}
