import { useFormatter, useTranslations } from "next-intl";
import { SYNC_KINDS, type TSyncKind } from "./sync-api";

function isKind(value: string): value is TSyncKind {
  return (SYNC_KINDS as readonly string[]).includes(value);
}

/** Labels and numbers for sync runs, in the user's language. Works in server and client components. */
export function useSyncFormat() {
  const t = useTranslations("sync");
  const format = useFormatter();

  return {
    source: (kind: string) => (isKind(kind) ? t(`kinds.${kind}`) : kind),
    /** "org", a region, or "<account>/<region>" in fan-out */
    scope: (scope: string) => (scope === "org" ? t("scopeOrg") : scope),
    trigger: (trigger: string) =>
      trigger === "schedule" || trigger === "manual" || trigger === "cli" ? t(`triggers.${trigger}`) : trigger,
    number: (value: number) => format.number(value),
    duration: (ms: number | null) => {
      if (ms === null) return null;
      if (ms < 1_000) return format.number(ms, { style: "unit", unit: "millisecond", unitDisplay: "short" });
      if (ms < 60_000) {
        return format.number(ms / 1_000, { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 });
      }
      const minutes = Math.floor(ms / 60_000);
      const seconds = Math.round((ms % 60_000) / 1_000);
      return t("durationMinutes", { minutes, seconds });
    },
  };
}
