import { useTranslations } from "next-intl";
import type { TBaselineEvidence } from "@/server/checklists/baseline/baseline.types";

// The facts a check read from AWS, as AWS names them (trail ARNs, flags, recorder names …).

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-muted-foreground">—</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="font-mono text-xs">[]</span>;
    return (
      <ul className="space-y-1">
        {value.map((item, n) => (
          <li key={n} className="rounded border border-border px-2 py-1">
            {item && typeof item === "object" ? <Facts facts={item as Record<string, unknown>} /> : <Value value={item} />}
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") return <Facts facts={value as Record<string, unknown>} />;
  return <span className="font-mono text-xs break-all">{String(value)}</span>;
}

function Facts({ facts }: { facts: Record<string, unknown> }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-3 gap-y-1 text-sm">
      {Object.entries(facts).map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-xs text-muted-foreground">{key}</dt>
          <dd className="min-w-0">
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function BaselineEvidence({ evidence }: { evidence: TBaselineEvidence }) {
  const t = useTranslations("checklistsBaseline.cell");
  const facts = Object.fromEntries(Object.entries(evidence).filter(([key]) => key !== "problem" && key !== "evaluatedIn"));
  if (Object.keys(facts).length === 0) return <p className="text-sm text-muted-foreground">{t("noEvidence")}</p>;
  return <Facts facts={facts} />;
}
