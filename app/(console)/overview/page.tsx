import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LayoutDashboard } from "lucide-react";
import { PageHeader } from "@/components/console/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { AccountsChart, AgeChart, ComplianceChart, MttrChart, OpenedClosedChart } from "@/components/overview/charts";
import { KpiTiles } from "@/components/overview/kpi-tiles";
import { OuTable } from "@/components/overview/ou-table";
import { requirePageUser } from "@/server/auth/guard";
import { ensureFindingsSummary } from "@/server/overview/ensure-summary";
import { getOverview } from "@/server/overview/get-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

/*
 * Overview (any role): key figures, each a link to the list behind it, and the trends, all read from the summary
 * tables (findings_daily_summary, compliance_snapshots, patch_snapshots).
 * Test hooks: overview-as-of, those of KpiTiles, the charts and OuTable; each chart's table opens with
 * chart-table-toggle and holds its figures as links (overview-week-opened, overview-week-closed, overview-week-mttr in
 * tr[data-week]; overview-age-figure in tr[data-severity]).
 */
export default async function OverviewPage() {
  const [, t, format] = await Promise.all([requirePageUser("VIEWER"), getTranslations("overview"), getFormatter()]);
  await ensureFindingsSummary();
  const overview = await getOverview();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-4">
        {overview.asOf ? (
          <p data-testid="overview-as-of" className="text-xs text-muted-foreground">
            {t("asOf", { day: format.dateTime(new Date(`${overview.asOf}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}
          </p>
        ) : (
          <EmptyState icon={LayoutDashboard} title={t("noData.title")} description={t("noData.description")} />
        )}
        <KpiTiles kpis={overview.kpis} asOf={overview.asOf} />
        <div className="grid gap-4 lg:grid-cols-2">
          <OpenedClosedChart weeks={overview.weekly} />
          <MttrChart weeks={overview.weekly} />
          <AgeChart rows={overview.ageBuckets} refAt={overview.refAt ?? new Date().toISOString()} />
          <ComplianceChart days={overview.complianceTrend} />
          <AccountsChart rows={overview.byAccount} />
          <OuTable rows={overview.byOu} />
        </div>
      </div>
    </>
  );
}
