"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import { Monitor, Moon, Sun, SunMoon } from "lucide-react";
import { Menu, MenuRadioItem } from "@/components/ui/menu";

const THEMES = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
] as const;

type ThemeValue = (typeof THEMES)[number]["value"];

const subscribe = () => () => {};

/** Menu button (test hook: theme-toggle) with Light / Dark / System (theme-light, theme-dark, theme-system). */
export function ThemeToggle() {
  const t = useTranslations("theme");
  const { theme, setTheme } = useTheme();
  // The chosen theme lives in localStorage: unknown while rendering on the server.
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const current = mounted ? THEMES.find((entry) => entry.value === theme) : undefined;
  const Icon = current?.icon ?? SunMoon;

  return (
    <Menu
      trigger={<Icon aria-hidden="true" className="size-5" />}
      triggerLabel={current ? t("button", { theme: t(current.value) }) : t("label")}
      triggerTestId="theme-toggle"
      iconOnly
      menuLabel={t("label")}
    >
      {THEMES.map(({ value, icon: ItemIcon }) => (
        <MenuRadioItem
          key={value}
          checked={mounted && theme === value}
          data-testid={`theme-${value}`}
          onSelect={() => setTheme(value satisfies ThemeValue)}
        >
          <ItemIcon aria-hidden="true" className="size-4 text-muted-foreground" />
          {t(value)}
        </MenuRadioItem>
      ))}
    </Menu>
  );
}
