import { useTranslations } from "next-intl";
import { Construction } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

/** An honest placeholder: says what the page will hold, shows no made-up data. */
export function ComingSoon({ items }: { items: string[] }) {
  const t = useTranslations("comingSoon");
  return (
    <Card data-testid="coming-soon" className="flex flex-col gap-4 p-5">
      <div className="flex items-center gap-3">
        <Construction aria-hidden="true" className="size-6 text-muted-foreground" />
        <Badge tone="info">{t("badge")}</Badge>
      </div>
      <p className="text-base">{t("intro")}</p>
      <ul className="flex list-disc flex-col gap-2 pl-6 text-base marker:text-muted-foreground">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="text-sm text-muted-foreground">{t("noData")}</p>
    </Card>
  );
}
