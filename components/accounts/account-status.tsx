import { useTranslations } from "next-intl";
import { Ban, CircleCheck, Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** ACTIVE stays quiet; SUSPENDED (and PENDING_CLOSURE) stand out with color, icon and word. */
export function AccountStatus({ status }: { status: string }) {
  const t = useTranslations("accounts.status");
  if (status === "ACTIVE") {
    return (
      <span data-testid="account-status" data-status={status} className="inline-flex items-center gap-1 text-sm text-muted-foreground">
        <CircleCheck aria-hidden="true" className="size-3.5 text-success" />
        {t("ACTIVE")}
      </span>
    );
  }
  if (status === "SUSPENDED") {
    return (
      <Badge tone="danger" data-testid="account-status" data-status={status}>
        <Ban aria-hidden="true" className="size-3.5" />
        {t("SUSPENDED")}
      </Badge>
    );
  }
  return (
    <Badge tone="warning" data-testid="account-status" data-status={status}>
      <Clock aria-hidden="true" className="size-3.5" />
      {status === "PENDING_CLOSURE" ? t("PENDING_CLOSURE") : status}
    </Badge>
  );
}
