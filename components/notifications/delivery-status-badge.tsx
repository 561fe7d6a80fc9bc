import { useTranslations } from "next-intl";
import { CircleCheck, CircleX, Clock, RotateCw, type LucideIcon } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TDeliveryStatus } from "@/server/notifications/notifications.types";

const look: Record<TDeliveryStatus, { tone: BadgeTone; icon: LucideIcon }> = {
  sent: { tone: "success", icon: CircleCheck },
  pending: { tone: "neutral", icon: Clock },
  retrying: { tone: "warning", icon: RotateCw },
  failed: { tone: "danger", icon: CircleX },
};

/** Never color alone: an icon shape and the label. */
export function DeliveryStatusBadge({ status }: { status: TDeliveryStatus }) {
  const t = useTranslations("notifications.status");
  const { tone, icon: Icon } = look[status];
  return (
    <Badge tone={tone} data-testid="delivery-status" data-status={status}>
      <Icon aria-hidden="true" className="size-3.5" />
      {t(status)}
    </Badge>
  );
}
