"use client";

import type { ReactNode } from "react";
import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { isApiError } from "./api-client";

/** The one QueryClient factory: every react-query cache in the console comes from here. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server components hand over fresh data; don't fetch it again right after hydration.
        staleTime: 5_000,
        // A 4xx (signed out, forbidden, bad request) will not heal by asking again.
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}

let browserClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // On the server every request gets its own cache; in the browser one cache lives as long as the tab.
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
