import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { complianceHref, type TScoreFigures } from "@/server/compliance/compliance.types";
import type { TStandardKey } from "@/server/findings/findings.types";
import { BAND_CLASS, formatScore, scoreBand, withData } from "./score";

/**
 * One tile per standard with the scope's score and control counts; the tile opens the failing controls.
 * Test hooks: compliance-tiles, compliance-tile (data-standard, data-score).
 */
export function ScoreTiles({ standards, scores, scope, scopeLabel }: {
  standards: TStandardKey[];
  scores: Partial<Record<TStandardKey, TScoreFigures>>;
  scope: { account?: string; ou?: string };
  scopeLabel: string;
}) {
  const t = useTranslations("compliance");
  return (
    <section aria-label={t("tiles.label", { scope: scopeLabel })} data-testid="compliance-tiles" className="grid gap-3 sm:grid-cols-2">
      {standards.map((s) => {
        const f = scores[s];
        const text = formatScore(f?.score);
        return (
          <Link key={s} href={`${complianceHref({ ...scope, standard: s, view: "controls" })}#failing-controls`} data-testid="compliance-tile" data-standard={s} data-score={f?.score ?? ""}
            className={cn("flex flex-col gap-1 rounded-lg border p-4 hover:ring-2 hover:ring-ring focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none", BAND_CLASS[scoreBand(f?.score)])}>
            <span className="text-sm font-medium">{t(`standards.${s}`)}</span>
            <span className="text-3xl font-bold tabular-nums">{text ?? t("score.none")}</span>
            {f ? (
              <>
                <span className="text-sm">{t("score.passedOf", { passed: f.passed, withData: withData(f) })}</span>
                <span className="text-xs">{t("score.figures", { passed: f.passed, failed: f.failed, unknown: f.unknown, noData: f.noData })}</span>
              </>
            ) : null}
            <span className="text-sm font-medium text-link underline">{t("tiles.open")}</span>
          </Link>
        );
      })}
    </section>
  );
}
