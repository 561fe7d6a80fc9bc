"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ImportDialog } from "./import-dialog";

/** "Import ASFF" in the page header (ANALYST and ADMIN): opens the import dialog. Test hook: import-button. */
export function ImportButton() {
  const t = useTranslations("findings.import");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" data-testid="import-button" onClick={() => setOpen(true)} className="h-10">
        <Upload aria-hidden="true" className="size-4" />
        {t("button")}
      </Button>
      <ImportDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
