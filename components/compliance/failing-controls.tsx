import Link from "next/link";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { SeverityBadge } from "@/components/ui/badge";
import { complianceHref, type TFailingControls } from "@/server/compliance/compliance.types";
import { formatScore } from "./score";

/**
 * The drill-down of a scope and standard: its failing controls (failed accounts, failed findings, severity), each
 * count and the control id linking to the findings list filtered by control, standard and scope.
 * Test hooks: failing-controls (data-standard, data-scope), failing-control (data-control), control-findings-link, failing-controls-none.
 */
export function FailingControls({ data, scopeLabel, scope }: { data: TFailingControls; scopeLabel: string; scope: { account?: string; ou?: string } }) {
  const t = useTranslations("compliance");
  const title = t("controls.title", { standard: t(`standards.${data.standard}`), scope: scopeLabel });
  return (
    <section id="failing-controls" aria-labelledby="failing-controls-heading" data-testid="failing-controls" data-standard={data.standard} data-scope={`${data.scopeType}:${data.scopeId}`}
      className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4" tabIndex={-1}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="failing-controls-heading" className="text-base font-semibold">{title}</h2>
          <p className="text-sm">
            <span className="font-semibold tabular-nums">{formatScore(data.figures.score) ?? t("score.none")}</span>{" · "}
            {t("score.figures", { passed: data.figures.passed, failed: data.figures.failed, unknown: data.figures.unknown, noData: data.figures.noData })}
          </p>
          <p className="text-xs text-muted-foreground">{t("controls.sorted")}</p>
        </div>
        <Link href={complianceHref(scope)} className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm text-link hover:underline">
          <X aria-hidden="true" className="size-4" />{t("controls.close")}
        </Link>
      </div>
      {data.controls.length === 0 ? <p data-testid="failing-controls-none" className="py-4 text-sm text-muted-foreground">{t("controls.none")}</p> : (
        <div className="overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-border text-left">
                <th scope="col" className="p-2 font-medium">{t("controls.control")}</th>
                <th scope="col" className="p-2 font-medium">{t("controls.controlTitle")}</th>
                <th scope="col" className="p-2 font-medium">{t("controls.severity")}</th>
                <th scope="col" className="p-2 text-right font-medium">{t("controls.failedAccounts")}</th>
                <th scope="col" className="p-2 text-right font-medium">{t("controls.failedFindings")}</th>
              </tr>
            </thead>
            <tbody>
              {data.controls.map((c) => (
                <tr key={c.controlId} data-testid="failing-control" data-control={c.controlId} className="border-b border-border last:border-0">
                  <th scope="row" className="p-2 text-left font-mono font-medium">
                    <Link href={c.findingsHref} data-testid="control-findings-link" aria-label={t("controls.openFindings", { control: c.controlId })} className="text-link underline underline-offset-2">{c.controlId}</Link>
                  </th>
                  <td className="p-2">{c.title}</td>
                  <td className="p-2"><SeverityBadge severity={c.severity} /></td>
                  <td className="p-2 text-right tabular-nums"><Link href={c.findingsHref} className="text-link underline underline-offset-2">{c.failedAccounts}</Link></td>
                  <td className="p-2 text-right tabular-nums"><Link href={c.findingsHref} className="text-link underline underline-offset-2">{c.failedFindings}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
