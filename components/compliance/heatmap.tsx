import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";
import { complianceHref, type TComplianceScores, type TScoreFigures } from "@/server/compliance/compliance.types";
import type { TStandardKey } from "@/server/findings/findings.types";
import { BAND_CLASS, BandSwatch, formatScore, scoreBand } from "./score";

type TGroup = { ou: TComplianceScores["ous"][number] | null; depth: number; accounts: TComplianceScores["accounts"] };

/** OUs depth first (from `rootOu` or the roots), each with its own accounts; accounts outside any OU last. */
export function groupByOu(scores: TComplianceScores, rootOu?: string): TGroup[] {
  const children = new Map<string | null, TComplianceScores["ous"]>();
  const ids = new Set(scores.ous.map((o) => o.id));
  for (const o of scores.ous) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const accountsOf = new Map<string | null, TComplianceScores["accounts"]>();
  for (const a of scores.accounts) {
    const key = a.ouId && ids.has(a.ouId) ? a.ouId : null;
    accountsOf.set(key, [...(accountsOf.get(key) ?? []), a]);
  }
  const out: TGroup[] = [];
  const seen = new Set<string>();
  const walk = (ou: TComplianceScores["ous"][number], depth: number) => {
    if (seen.has(ou.id) || depth > 50) return;
    seen.add(ou.id);
    out.push({ ou, depth, accounts: accountsOf.get(ou.id) ?? [] });
    for (const c of children.get(ou.id) ?? []) walk(c, depth + 1);
  };
  const roots = rootOu ? scores.ous.filter((o) => o.id === rootOu) : children.get(null) ?? [];
  for (const r of roots) walk(r, 0);
  if (!rootOu && accountsOf.get(null)?.length) out.push({ ou: null, depth: 0, accounts: accountsOf.get(null)! });
  return out;
}

function Cell({ figures, href, label, noDataLabel, standard, scope }: { figures: TScoreFigures | undefined; href: string; label: string; noDataLabel: string; standard: TStandardKey; scope: string }) {
  const text = formatScore(figures?.score);
  const band = scoreBand(figures?.score);
  return (
    <td className="p-1">
      <Link href={href} aria-label={text ? label : noDataLabel} data-testid="heatmap-cell" data-scope={scope} data-standard={standard} data-score={figures?.score ?? ""}
        className={cn("flex min-w-28 flex-col items-center rounded-md border px-2 py-1 text-center hover:ring-2 hover:ring-ring focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none", BAND_CLASS[band])}>
        <span className="text-base font-semibold tabular-nums">{text ?? "–"}</span>
        {figures ? <span className="text-xs tabular-nums">{figures.passed}/{figures.passed + figures.failed + figures.unknown}</span> : null}
      </Link>
    </td>
  );
}

/**
 * The heatmap accounts × standards, grouped by OU (an OU row carries the OU's own aggregated score). Every cell is a
 * link (Tab moves through them) to the failing controls of that scope and standard.
 * Test hooks: compliance-heatmap, heatmap-ou-row (data-ou), heatmap-row (data-account), heatmap-cell (data-scope, data-standard, data-score).
 */
export function Heatmap({ scores, rootOu }: { scores: TComplianceScores; rootOu?: string }) {
  const t = useTranslations("compliance");
  const groups = groupByOu(scores, rootOu);
  const std = (s: TStandardKey) => t(`standardShort.${s}`);
  const cellHref = (q: { ou?: string; account?: string }, s: TStandardKey) => `${complianceHref({ ...q, standard: s, view: "controls" })}#failing-controls`;
  const label = (scope: string, s: TStandardKey, f: TScoreFigures | undefined) => t("score.cellLabel", { scope, standard: std(s), score: formatScore(f?.score) ?? "" });
  const noData = (scope: string, s: TStandardKey) => t("score.cellNoData", { scope, standard: std(s) });
  return (
    <section aria-labelledby="heatmap-heading" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
      <h2 id="heatmap-heading" className="text-base font-semibold">{t("heatmap.title")}</h2>
      <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <BandSwatch band="good" /><BandSwatch band="fair" /><BandSwatch band="poor" /><BandSwatch band="none" /> {t("heatmap.legend")}
      </p>
      <div className="max-h-[70vh] overflow-auto">
        <table data-testid="compliance-heatmap" className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{t("heatmap.caption")}</caption>
          <thead className="sticky top-0 bg-card">
            <tr>
              <th scope="col" className="p-2 text-left font-medium">{t("heatmap.account")}</th>
              {scores.standards.map((s) => <th key={s} scope="col" className="p-2 text-center font-medium"><abbr title={t(`standards.${s}`)} className="no-underline">{std(s)}</abbr></th>)}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <GroupRows key={g.ou?.id ?? "none"} group={g} standards={scores.standards} cellHref={cellHref} label={label} noData={noData} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function GroupRows({ group, standards, cellHref, label, noData }: {
  group: TGroup; standards: TStandardKey[];
  cellHref: (q: { ou?: string; account?: string }, s: TStandardKey) => string;
  label: (scope: string, s: TStandardKey, f: TScoreFigures | undefined) => string;
  noData: (scope: string, s: TStandardKey) => string;
}) {
  const t = useTranslations("compliance.heatmap");
  const pad = { paddingLeft: `${0.5 + group.depth * 1}rem` };
  return (
    <>
      <tr data-testid="heatmap-ou-row" data-ou={group.ou?.id ?? ""} className="bg-muted/50">
        <th scope="row" className="p-2 text-left font-semibold" style={pad}>
          {group.ou ? (
            <Link href={complianceHref({ ou: group.ou.id })} className="text-link underline underline-offset-2">{t("ouRow", { name: group.ou.name })}</Link>
          ) : t("noOu")}
        </th>
        {standards.map((s) => group.ou
          ? <Cell key={s} figures={group.ou.scores[s]} href={cellHref({ ou: group.ou.id }, s)} label={label(group.ou.name, s, group.ou.scores[s])} noDataLabel={noData(group.ou.name, s)} standard={s} scope={`ou:${group.ou.id}`} />
          : <td key={s} />)}
      </tr>
      {group.accounts.map((a) => (
        <tr key={a.id} data-testid="heatmap-row" data-account={a.id}>
          <th scope="row" className="p-2 text-left font-normal" style={{ paddingLeft: `${1.5 + group.depth * 1}rem` }}>
            <Link href={complianceHref({ account: a.id })} className="text-link underline underline-offset-2">{a.name}</Link>{" "}
            <span className="font-mono text-xs text-muted-foreground">{a.id}</span>
          </th>
          {standards.map((s) => (
            <Cell key={s} figures={a.scores[s]} href={cellHref({ account: a.id }, s)} label={label(`${a.name} (${a.id})`, s, a.scores[s])} noDataLabel={noData(`${a.name} (${a.id})`, s)} standard={s} scope={`account:${a.id}`} />
          ))}
        </tr>
      ))}
    </>
  );
}
