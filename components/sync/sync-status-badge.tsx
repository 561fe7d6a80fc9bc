import { useTranslations } from "next-intl";
import { Ban, CircleCheck, CircleX, LoaderCircle, type LucideIcon } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TSyncRunStatus } from "./sync-api";

const STYLES: Record<TSyncRunStatus, { tone: BadgeTone; icon: LucideIcon; spin?: boolean }> = {
  RUNNING: { tone: "info", icon: LoaderCircle, spin: true },
  SUCCEEDED: { tone: "success", icon: CircleCheck },
  FAILED: { tone: "danger", icon: CircleX },
  CANCELLED: { tone: "neutral", icon: Ban },
};

/** A run's status: color, icon and word (data-status keeps the code for tests). */
export function SyncStatusBadge({ status }: { status: TSyncRunStatus }) {
  const t = useTranslations("sync.statuses");
  const { tone, icon: Icon, spin } = STYLES[status];
  return (
    <Badge tone={tone} data-testid="sync-run-status" data-status={status}>
      <Icon aria-hidden="true" className={spin ? "size-3.5 motion-safe:animate-spin" : "size-3.5"} />
      {t(status)}
    </Badge>
  );
}
