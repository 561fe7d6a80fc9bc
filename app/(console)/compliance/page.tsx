import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { FailingControls } from "@/components/compliance/failing-controls";
import { groupByOu, Heatmap } from "@/components/compliance/heatmap";
import { OuFilter } from "@/components/compliance/ou-filter";
import { ScoreTiles } from "@/components/compliance/score-tiles";
import { TrendChart } from "@/components/compliance/trend-chart";
import { requirePageUser } from "@/server/auth/guard";
import { complianceHref, ZPageParams, type TPageParams } from "@/server/compliance/compliance.types";
import { getComplianceScores } from "@/server/compliance/get-compliance-scores";
import { getComplianceTrend } from "@/server/compliance/get-compliance-trend";
import { listFailingControls } from "@/server/compliance/list-failing-controls";
import { sharedLive } from "@/server/compliance/live-figures";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compliance");
  return { title: t("title") };
}

const WEEKS = 12;

/*
 * Compliance (any role): scores per standard for a scope (the organization, ?ou= with its sub-OUs, or ?account=),
 * the 12-week trend, the heatmap accounts × standards grouped by OU, and with ?standard=&view=controls the failing
 * controls of the scope, linking to the findings list. Everything is in the URL.
 * Test hooks: compliance-scope, compliance-invalid, plus those of ScoreTiles, TrendChart, Heatmap, FailingControls.
 */
export default async function CompliancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [, raw, t] = await Promise.all([requirePageUser("VIEWER"), searchParams, getTranslations("compliance")]);
  const parsed = ZPageParams.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const q: TPageParams = parsed.success ? parsed.data : {};
  const scope = { ou: q.ou, account: q.account };
  // The live figures (one grouped query over the control findings) are computed once for the whole page.
  const live = sharedLive();
  const [scores, trend, drill] = await Promise.all([
    getComplianceScores({ ou: q.ou }, live),
    getComplianceTrend({ ...scope, standard: q.standard, weeks: WEEKS }, { live }),
    q.view === "controls" && q.standard ? listFailingControls({ ...scope, standard: q.standard }, live) : null,
  ]);
  const hasData = Object.keys(scores.org).length > 0;
  const account = q.account ? scores.accounts.find((a) => a.id === q.account) ?? (await getComplianceScores({}, live)).accounts.find((a) => a.id === q.account) : undefined;
  const ou = q.ou ? scores.ous.find((o) => o.id === q.ou) : undefined;
  const scopeLabel = q.account ? t("scope.account", { name: account ? `${account.name} (${account.id})` : q.account })
    : q.ou ? t("scope.ou", { name: ou?.name ?? q.ou }) : t("scope.org");
  const scopeScores = q.account ? account?.scores ?? {} : q.ou ? ou?.scores ?? {} : scores.org;
  const ouOptions = groupByOu({ ...scores, accounts: [] }).flatMap((g) => (g.ou ? [{ id: g.ou.id, name: g.ou.name, depth: g.depth }] : []));

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {!parsed.success ? <Alert tone="info" data-testid="compliance-invalid" className="mb-4">{t("invalid", { message: parsed.error.issues.map((i) => i.message).join("; ") })}</Alert> : null}
      {!hasData ? (
        <EmptyState icon={ShieldCheck} title={t("empty.title")} description={t("empty.description")} />
      ) : (
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <p data-testid="compliance-scope" className="text-sm">
              <span className="font-medium">{t("scope.showing", { scope: scopeLabel })}</span>
              {q.account || q.ou ? <> · <Link href="/compliance" className="text-link underline underline-offset-2">{t("scope.backToOrg")}</Link></> : null}
            </p>
            <OuFilter ous={ouOptions} value={q.ou} />
          </div>
          <p className="max-w-prose text-xs text-muted-foreground">{t("rule")}</p>
          <ScoreTiles standards={scores.standards} scores={scopeScores} scope={scope} scopeLabel={scopeLabel} />
          {drill ? <FailingControls data={drill} scopeLabel={scopeLabel} scope={scope} /> : null}
          <nav aria-label={t("trend.pick")} data-testid="trend-standard-picker" className="flex flex-wrap gap-2 text-sm">
            {[undefined, ...scores.standards].map((s) => (
              <Link key={s ?? "both"} href={complianceHref({ ...scope, standard: s })} aria-current={q.standard === s ? "page" : undefined}
                className="rounded-md border border-border px-2 py-1 hover:bg-muted aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground">
                {s ? t(`standardShort.${s}`) : t("trend.both")}
              </Link>
            ))}
          </nav>
          <TrendChart trend={trend} weeks={WEEKS} scopeLabel={scopeLabel} />
          <Heatmap scores={scores} rootOu={q.ou} />
        </div>
      )}
    </>
  );
}
