import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TOuRow } from "@/server/overview/overview.types";

/** Open CRITICAL/HIGH per OU (sub-OUs included), indented by depth; each count opens the findings list. Test hook: overview-ous. */
export function OuTable({ rows }: { rows: TOuRow[] }) {
  const t = useTranslations("overview.charts");
  const tSeverity = useTranslations("severity");
  return (
    <section aria-labelledby="overview-ous-heading" className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
      <h2 id="overview-ous-heading" className="text-base font-semibold">{t("ous.title")}</h2>
      {rows.length === 0 ? <p className="py-6 text-center text-sm text-muted-foreground">{t("ous.empty")}</p> : (
        <div className="max-h-96 overflow-auto">
          <table data-testid="overview-ous" className="w-full text-sm">
            <thead><tr className="border-b border-border text-left">
              <th scope="col" className="py-1 pr-2">{t("ous.ou")}</th>
              <th scope="col" className="py-1 pr-2 text-right">{tSeverity("CRITICAL")}</th>
              <th scope="col" className="py-1 text-right">{tSeverity("HIGH")}</th>
            </tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.ouId} data-ou={r.ouId} className="border-b border-border last:border-0">
                  <th scope="row" className="py-1 pr-2 text-left font-normal" style={{ paddingLeft: `${r.depth * 1}rem` }}>{r.name}</th>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    <Link className="text-link underline underline-offset-2" href={`/findings?severity=CRITICAL&ou=${encodeURIComponent(r.ouId)}`}>{r.critical}</Link>
                  </td>
                  <td className="py-1 text-right tabular-nums">
                    <Link className="text-link underline underline-offset-2" href={`/findings?severity=HIGH&ou=${encodeURIComponent(r.ouId)}`}>{r.high}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
