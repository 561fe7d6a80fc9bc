"use client";

import { useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  Building,
  Gauge,
  ChartNoAxesGantt,
  LayoutDashboard,
  ListChecks,
  PanelLeftClose,
  PanelLeftOpen,
  Presentation,
  Settings,
  ShieldCheck,
  ShieldExclamationPoint,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/components/lib/cn";
import { SIDEBAR_COOKIE } from "./sidebar-cookie";

type NavKey = "overview" | "findings" | "timeline" | "checklists" | "compliance" | "accounts" | "review" | "settings";

const NAV: ReadonlyArray<{ key: NavKey; href: string; icon: LucideIcon }> = [
  { key: "overview", href: "/overview", icon: LayoutDashboard },
  { key: "findings", href: "/findings", icon: ShieldExclamationPoint },
  { key: "timeline", href: "/timeline", icon: ChartNoAxesGantt },
  { key: "checklists", href: "/checklists", icon: ListChecks },
  { key: "compliance", href: "/compliance", icon: Gauge },
  { key: "accounts", href: "/accounts", icon: Building },
  { key: "review", href: "/review", icon: Presentation },
  { key: "settings", href: "/settings", icon: Settings },
];

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * Left navigation. Below 1024 px it always shows icons only; above, the user can collapse it.
 * The choice is kept in a cookie so the server renders the right width (no flash).
 */
export function Sidebar({ initialCollapsed }: { initialCollapsed: boolean }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [collapsed, setCollapsed] = useState(initialCollapsed);

  function toggle() {
    const next = !collapsed;
    setCollapsed(next);
    document.cookie = `${SIDEBAR_COOKIE}=${next ? "collapsed" : "expanded"}; path=/; max-age=31536000; samesite=lax`;
  }

  // Labels are visible only on wide screens with the sidebar expanded; otherwise they stay
  // in the accessibility tree (sr-only) and show as a tooltip.
  const labelClass = collapsed ? "sr-only" : "sr-only lg:not-sr-only lg:truncate";

  return (
    <aside
      data-testid="sidebar"
      data-collapsed={collapsed}
      className={cn(
        "sticky top-0 flex h-dvh shrink-0 flex-col border-r border-border bg-card transition-[width]",
        collapsed ? "w-16" : "w-16 lg:w-60",
      )}
    >
      <Link
        href="/overview"
        aria-label={t("home")}
        className="flex h-14 shrink-0 items-center gap-2 border-b border-border px-4 text-lg font-bold"
      >
        <ShieldCheck aria-hidden="true" className="size-7 shrink-0 text-link" />
        <span className={labelClass}>Kanshi</span>
      </Link>

      <nav aria-label={t("label")} className="flex-1 overflow-y-auto p-2">
        <ul className="flex flex-col gap-1">
          {NAV.map(({ key, href, icon: Icon }) => {
            const active = isActive(pathname, href);
            const label = t(key);
            return (
              <li key={key}>
                <Link
                  href={href}
                  aria-current={active ? "page" : undefined}
                  title={label}
                  data-testid={`nav-${key}`}
                  className={cn(
                    "flex h-11 items-center gap-3 rounded-md px-3 text-[0.95rem] font-medium transition-colors",
                    active
                      ? "bg-primary text-primary-foreground"
                      : "text-foreground hover:bg-accent hover:text-accent-foreground",
                  )}
                >
                  <Icon aria-hidden="true" className="size-5 shrink-0" />
                  <span className={labelClass}>{label}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="hidden border-t border-border p-2 lg:block">
        <button
          type="button"
          onClick={toggle}
          aria-expanded={!collapsed}
          aria-label={collapsed ? t("expand") : t("collapse")}
          title={collapsed ? t("expand") : t("collapse")}
          data-testid="sidebar-toggle"
          className="flex h-10 w-full items-center gap-3 rounded-md px-3 text-sm text-muted-foreground hover:bg-accent hover:text-accent-foreground"
        >
          {collapsed ? (
            <PanelLeftOpen aria-hidden="true" className="size-5 shrink-0" />
          ) : (
            <PanelLeftClose aria-hidden="true" className="size-5 shrink-0" />
          )}
          <span className={labelClass}>{collapsed ? t("expand") : t("collapse")}</span>
        </button>
      </div>
    </aside>
  );
}
