import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { getSyncStatus } from "@/server/sync/get-sync-status";
import { QueryProvider } from "@/components/lib/query-client";
import { Sidebar } from "@/components/console/sidebar";
import { SIDEBAR_COOKIE } from "@/components/console/sidebar-cookie";
import { TopBar } from "@/components/console/top-bar";
import type { TSyncSummary } from "@/components/sync/sync-api";

// The top bar's sync indicator must not take the whole console down with it.
async function readSyncSummary(): Promise<TSyncSummary | null> {
  try {
    const { running, lastFinishedAt, lastFailed } = await getSyncStatus({ recent: 0 });
    return { running, lastFinishedAt: lastFinishedAt?.toISOString() ?? null, lastFailed };
  } catch (error) {
    console.error("sync status for the top bar could not be read", error);
    return null;
  }
}

// Everything under (console) needs a session: requirePageUser() redirects to /login otherwise.
// No loading.tsx at this level on purpose: redirects and 403s must happen before streaming starts.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [user, jar, t] = await Promise.all([requirePageUser(), cookies(), getTranslations("app")]);
  // After the session check: signed-out visitors are redirected before any sync query runs.
  const sync = { initial: await readSyncSummary(), renderedAt: new Date().toISOString() };
  const collapsed = jar.get(SIDEBAR_COOKIE)?.value === "collapsed";

  return (
    <QueryProvider>
      <div className="flex min-h-dvh">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-card focus:px-4 focus:py-2 focus:shadow-lg"
        >
          {t("skipToContent")}
        </a>
        <Sidebar initialCollapsed={collapsed} />
        <div className="flex min-w-0 flex-1 flex-col">
          <TopBar user={{ email: user.email, name: user.name, role: user.role }} sync={sync} />
          <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8">
            <div className="mx-auto w-full max-w-7xl">{children}</div>
          </main>
        </div>
      </div>
    </QueryProvider>
  );
}
