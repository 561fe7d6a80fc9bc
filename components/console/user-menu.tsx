"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { LogOut, UserRound } from "lucide-react";
import { RoleBadge, type Role } from "@/components/ui/badge";
import { Menu, MenuGroup, MenuItem, MenuRadioItem, MenuSeparator } from "@/components/ui/menu";
import { LOCALES } from "@/server/i18n/locales.types";
import { useChangeLocale } from "@/components/i18n/use-change-locale";
import { FloatingError } from "@/components/ui/floating-error";

export interface UserMenuProps {
  email: string;
  name: string | null;
  role: Role;
}

/**
 * Test hooks: user-menu-button, menu-locale-en / menu-locale-ja, sign-out.
 * (locale-en / locale-ja belong to the always-visible switch in the top bar.)
 */
export function UserMenu({ email, name, role }: UserMenuProps) {
  const t = useTranslations("userMenu");
  const tLocale = useTranslations("locale");
  const locale = useLocale();
  const { changeLocale, error } = useChangeLocale("profile");

  return (
    <div className="relative">
      <Menu
        triggerTestId="user-menu-button"
        menuLabel={t("menuLabel")}
        trigger={
          <>
            <UserRound aria-hidden="true" className="size-5 shrink-0" />
            <span className="sr-only max-w-56 truncate md:not-sr-only">{email}</span>
            <RoleBadge role={role} />
          </>
        }
        header={{
          label: t("signedInAs"),
          content: (
            <div className="flex flex-col gap-1 text-sm">
              <span className="text-xs text-muted-foreground">{t("signedInAs")}</span>
              {name ? <span className="font-medium">{name}</span> : null}
              <span className="truncate font-mono text-xs" data-testid="user-menu-email">
                {email}
              </span>
              <span className="mt-1 flex items-center gap-2 text-xs text-muted-foreground">
                {t("role")}
                <RoleBadge role={role} />
              </span>
            </div>
          ),
        }}
      >
        <MenuGroup label={t("language")}>
          {LOCALES.map((value) => (
            <MenuRadioItem
              key={value}
              lang={value}
              checked={locale === value}
              data-testid={`menu-locale-${value}`}
              onSelect={() => changeLocale(value)}
            >
              {tLocale(value)}
            </MenuRadioItem>
          ))}
        </MenuGroup>
        <MenuSeparator />
        <MenuItem data-testid="sign-out" onSelect={() => void signOut({ callbackUrl: "/login" })}>
          <LogOut aria-hidden="true" className="size-4 text-muted-foreground" />
          {t("signOut")}
        </MenuItem>
      </Menu>
      <FloatingError message={error} />
    </div>
  );
}
