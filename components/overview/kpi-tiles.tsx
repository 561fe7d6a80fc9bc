import Link from "next/link";
import { useTranslations } from "next-intl";
import { mttrHref, slaBreachesHref } from "./overview-links";
import type { TOverviewKpis } from "@/server/overview/overview.types";

type TTile = { key: string; label: string; value: string; hint?: string; href: string; tone?: "critical" | "high" | "warn" };

const TONE: Record<NonNullable<TTile["tone"]>, string> = {
  critical: "border-l-4 border-l-sev-critical",
  high: "border-l-4 border-l-sev-high",
  warn: "border-l-4 border-l-sev-medium",
};

/**
 * One tile per key figure, each a link to the list behind it.
 * Test hooks: overview-kpis, overview-kpi (data-kpi, data-value).
 */
export function KpiTiles({ kpis, asOf }: { kpis: TOverviewKpis; asOf: string | null }) {
  const t = useTranslations("overview.kpis");
  const last = asOf ?? new Date().toISOString().slice(0, 10);
  const days = (v: number | null) => (v === null ? t("none") : t("days", { days: v }));
  const pct = (v: number | null) => (v === null ? t("none") : t("percent", { value: Math.round(v * 10) / 10 }));
  const tiles: TTile[] = [
    { key: "openCritical", label: t("openCritical"), value: String(kpis.openCritical), href: "/findings?severity=CRITICAL", tone: kpis.openCritical > 0 ? "critical" : undefined },
    { key: "openHigh", label: t("openHigh"), value: String(kpis.openHigh), href: "/findings?severity=HIGH", tone: kpis.openHigh > 0 ? "high" : undefined },
    { key: "slaBreaches", label: t("slaBreaches"), value: String(kpis.slaBreaches), hint: t("slaBreachesHint"), href: slaBreachesHref(), tone: kpis.slaBreaches > 0 ? "warn" : undefined },
    { key: "mttrCritical", label: t("mttrCritical"), value: days(kpis.mttrCriticalDays), hint: t("mttrHint"), href: mttrHref(last, "CRITICAL") },
    { key: "mttrHigh", label: t("mttrHigh"), value: days(kpis.mttrHighDays), hint: t("mttrHint"), href: mttrHref(last, "HIGH") },
    { key: "complianceFsbp", label: t("complianceFsbp"), value: pct(kpis.complianceFsbp), hint: t("complianceHint"), href: "/compliance?standard=fsbp&view=controls" },
    { key: "complianceCis", label: t("complianceCis"), value: pct(kpis.complianceCis), hint: t("complianceHint"), href: "/compliance?standard=cis&view=controls" },
    { key: "patch", label: t("patch"), value: pct(kpis.patchCompliancePercent), hint: t("patchHint"), href: "/checklists?tab=patches&state=noncompliant" },
    { key: "eol", label: t("eol"), value: String(kpis.eolWithin90), hint: t("eolHint", { past: kpis.eolPast }), href: "/checklists?tab=eol&status=eol30,eol90", tone: kpis.eolPast > 0 ? "warn" : undefined },
    { key: "checklists", label: t("checklists"), value: String(kpis.overdueChecklistItems), hint: t("checklistsHint"), href: "/checklists?tab=recurring&state=overdue", tone: kpis.overdueChecklistItems > 0 ? "warn" : undefined },
  ];
  return (
    <section aria-label={t("label")} data-testid="overview-kpis" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {tiles.map((tile) => (
        <Link key={tile.key} href={tile.href} data-testid="overview-kpi" data-kpi={tile.key} data-value={tile.value}
          aria-label={`${tile.label}: ${tile.value}. ${t("open", { label: tile.label })}`}
          className={`flex flex-col gap-1 rounded-lg border border-border bg-card p-3 hover:ring-2 hover:ring-ring focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none ${tile.tone ? TONE[tile.tone] : ""}`}>
          <span className="text-sm font-medium">{tile.label}</span>
          <span className="text-2xl font-bold tabular-nums">{tile.value}</span>
          {tile.hint ? <span className="text-xs text-muted-foreground">{tile.hint}</span> : null}
        </Link>
      ))}
    </section>
  );
}
