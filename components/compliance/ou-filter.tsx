"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { Label, Select } from "@/components/ui/field";

/** The OU of the page (heatmap rows, tiles, trend): in the URL as ?ou=; changing it drops account and drill-down. */
export function OuFilter({ ous, value }: { ous: { id: string; name: string; depth: number }[]; value: string | undefined }) {
  const t = useTranslations("compliance.heatmap");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor="compliance-ou">{t("ouFilter")}</Label>
      <Select id="compliance-ou" data-testid="compliance-ou-filter" className="w-56" value={value ?? ""} aria-busy={pending}
        onChange={(e) => startTransition(() => router.push(e.target.value ? `${pathname}?ou=${encodeURIComponent(e.target.value)}` : pathname, { scroll: false }))}>
        <option value="">{t("allOus")}</option>
        {ous.map((o) => <option key={o.id} value={o.id}>{`${"\u00a0\u00a0".repeat(o.depth)}${o.name}`}</option>)}
      </Select>
    </div>
  );
}
