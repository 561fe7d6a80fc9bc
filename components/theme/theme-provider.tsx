"use client";

import type { ReactNode } from "react";
import { ThemeProvider as NextThemesProvider } from "next-themes";

/*
 * next-themes injects an inline script (carrying the CSP nonce) that sets the theme class
 * before first paint. The script only matters in the server HTML; when the provider is
 * created again on the client, React 19 logs "Encountered a script tag while rendering".
 * Giving the client copy a data-block type keeps it inert and silences that false alarm
 * (https://github.com/pacocoursey/next-themes/issues/385).
 */
const clientScriptProps = typeof window === "undefined" ? undefined : { type: "application/json" };

export function ThemeProvider({ nonce, children }: { nonce?: string; children: ReactNode }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      nonce={nonce}
      scriptProps={clientScriptProps}
    >
      {children}
    </NextThemesProvider>
  );
}
