import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TSyncStatus } from "./sync-api";

/** How the sync is set up (from the server's environment): mode, topology, regions, schedule. */
export function SyncSummary({ status }: { status: Pick<TSyncStatus, "mode" | "topology" | "regions" | "intervalMinutes"> }) {
  const t = useTranslations("sync.summary");
  const [aggregation, ...others] = status.regions;

  return (
    <dl className="grid gap-x-8 gap-y-4 text-sm sm:grid-cols-2 xl:grid-cols-4" data-testid="sync-summary">
      <div className="flex flex-col gap-1">
        <dt className="text-muted-foreground">{t("mode")}</dt>
        <dd data-testid="sync-mode" data-mode={status.mode}>
          <Badge tone={status.mode === "demo" ? "info" : "outline"}>{t(`modes.${status.mode}`)}</Badge>
        </dd>
      </div>
      <div className="flex flex-col gap-1">
        <dt className="text-muted-foreground">{t("topology")}</dt>
        <dd data-testid="sync-topology" data-topology={status.topology} className="flex flex-col">
          <span className="font-medium">{t(`topologies.${status.topology}.label`)}</span>
          <span className="text-xs text-muted-foreground">{t(`topologies.${status.topology}.hint`)}</span>
        </dd>
      </div>
      <div className="flex flex-col gap-1">
        <dt className="text-muted-foreground">{t("regions")}</dt>
        <dd>
          <ul className="flex flex-wrap gap-1.5" data-testid="sync-regions">
            {aggregation ? (
              <li data-region={aggregation} data-aggregation="true">
                <Badge tone="outline" className="font-mono font-medium">
                  {aggregation}
                  <span className="rounded bg-muted px-1 font-sans text-[0.7rem] font-semibold text-muted-foreground">
                    {t("aggregation")}
                  </span>
                </Badge>
              </li>
            ) : null}
            {others.map((region) => (
              <li key={region} data-region={region}>
                <Badge tone="outline" className="font-mono font-medium">
                  {region}
                </Badge>
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div className="flex flex-col gap-1">
        <dt className="text-muted-foreground">{t("schedule")}</dt>
        <dd data-testid="sync-schedule" data-interval={status.intervalMinutes} className="font-medium">
          {status.intervalMinutes > 0 ? t("every", { count: status.intervalMinutes }) : t("off")}
        </dd>
      </div>
    </dl>
  );
}
