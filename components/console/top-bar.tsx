import { LocaleSwitch } from "@/components/i18n/locale-switch";
import type { TSyncSummary } from "@/components/sync/sync-api";
import { SyncIndicator } from "@/components/sync/sync-indicator";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { UserMenu, type UserMenuProps } from "./user-menu";

/** Global search will join the left side later. */
export function TopBar({
  user,
  sync,
}: {
  user: UserMenuProps;
  /** What the layout read on the server; `renderedAt` is when. */
  sync: { initial: TSyncSummary | null; renderedAt: string };
}) {
  return (
    <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b border-border bg-card/95 px-3 backdrop-blur sm:px-4 lg:px-6">
      <div className="flex-1" />
      {/* A new server render (router.refresh) starts the indicator again from the fresh data. */}
      <SyncIndicator key={sync.renderedAt} initial={sync.initial} renderedAt={sync.renderedAt} isAdmin={user.role === "ADMIN"} />
      {/* Below 640 px the language stays reachable from the user menu. */}
      <LocaleSwitch target="profile" className="hidden sm:block" />
      <ThemeToggle />
      <UserMenu email={user.email} name={user.name} role={user.role} />
    </header>
  );
}
