import Link from "next/link";
import { useTranslations } from "next-intl";
import { Funnel, X } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";

/** A plain GET form: the filter lives in the URL and works without JavaScript. */
export function AuditFilter({ action }: { action: string | undefined }) {
  const t = useTranslations("audit.filter");
  return (
    <form method="get" action="/settings/audit" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-action">{t("label")}</Label>
        <Input
          id="audit-action"
          name="action"
          defaultValue={action ?? ""}
          placeholder={t("placeholder")}
          maxLength={100}
          spellCheck={false}
          autoComplete="off"
          className="w-64 font-mono"
        />
      </div>
      <Button type="submit" variant="secondary" data-testid="audit-filter-submit">
        <Funnel aria-hidden="true" className="size-4" />
        {t("submit")}
      </Button>
      {action ? (
        <Link href="/settings/audit" className={buttonVariants({ variant: "ghost" })} data-testid="audit-filter-clear">
          <X aria-hidden="true" className="size-4" />
          {t("clear")}
        </Link>
      ) : null}
    </form>
  );
}
