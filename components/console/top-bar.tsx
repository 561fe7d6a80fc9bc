import { LocaleSwitch } from "@/components/i18n/locale-switch";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { UserMenu, type UserMenuProps } from "./user-menu";

/** Global search and the sync indicator will join the left side later. */
export function TopBar({ user }: { user: UserMenuProps }) {
  return (
    <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b border-border bg-card/95 px-3 backdrop-blur sm:px-4 lg:px-6">
      <div className="flex-1" />
      {/* Below 640 px the language stays reachable from the user menu. */}
      <LocaleSwitch target="profile" className="hidden sm:block" />
      <ThemeToggle />
      <UserMenu email={user.email} name={user.name} role={user.role} />
    </header>
  );
}
