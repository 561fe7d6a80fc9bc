"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Download, FileText, Keyboard } from "lucide-react";
import { PageHeader } from "@/components/console/page-header";
import { Button } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { exportHref } from "./findings-api";
import { ViewsMenu } from "./views-menu";

/** Title and the page's menus: saved views, export, import (slot), shortcuts. Test hooks: export-menu, export-csv, export-json, shortcuts-button. */
export function FindingsHeader({
  userId,
  filter,
  viewQuery,
  importSlot,
  onNavigate,
  onHelp,
}: {
  userId: string;
  filter: string;
  viewQuery: string;
  importSlot?: ReactNode;
  onNavigate: (href: string) => void;
  onHelp: () => void;
}) {
  const t = useTranslations("findings");
  return (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        <>
          <ViewsMenu userId={userId} query={viewQuery} onNavigate={onNavigate} />
          <Menu
            triggerTestId="export-menu"
            menuLabel={t("export.label")}
            triggerClassName="border border-input bg-card"
            trigger={
              <>
                <Download aria-hidden="true" className="size-4" />
                {t("export.menu")}
              </>
            }
          >
            {(["csv", "json"] as const).map((format) => (
              <MenuItem key={format} data-testid={`export-${format}`} data-href={exportHref(filter, format)} onSelect={() => window.location.assign(exportHref(filter, format))}>
                <FileText aria-hidden="true" className="size-4 text-muted-foreground" />
                {t(`export.${format}`)}
              </MenuItem>
            ))}
          </Menu>
          {importSlot}
          <Button variant="ghost" size="icon" onClick={onHelp} aria-label={t("keyboard.open")} title={t("keyboard.open")} aria-keyshortcuts="?" data-testid="shortcuts-button">
            <Keyboard aria-hidden="true" className="size-5" />
          </Button>
        </>
      }
    />
  );
}
