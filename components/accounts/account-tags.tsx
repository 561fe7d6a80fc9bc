import { useTranslations } from "next-intl";

const SHOWN = ["Environment", "Owner"] as const;

/** Environment and Owner as small chips; the other tags are counted, listed on hover. */
export function AccountTags({ tags }: { tags: Record<string, string> }) {
  const t = useTranslations("accounts.tags");
  const entries = Object.entries(tags);
  const find = (key: string) => entries.find(([name]) => name.toLowerCase() === key.toLowerCase());
  const shown = SHOWN.flatMap((key) => {
    const entry = find(key);
    return entry ? [{ key, value: entry[1], name: entry[0] }] : [];
  });
  const others = entries.filter(([name]) => !shown.some((entry) => entry.name === name));

  if (entries.length === 0) return <span className="text-muted-foreground">{t("none")}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {shown.map(({ key, value }) => (
        <li
          key={key}
          data-testid="account-tag"
          data-tag={key}
          className="inline-flex max-w-48 items-center gap-1 rounded border border-border px-1.5 py-px text-xs"
        >
          <span className="text-muted-foreground">{t(key)}</span>
          <span className="truncate font-medium" title={value}>
            {value}
          </span>
        </li>
      ))}
      {others.length > 0 ? (
        <li className="text-xs text-muted-foreground" title={others.map(([name, value]) => `${name}=${value}`).join("\n")}>
          {t("more", { count: others.length })}
        </li>
      ) : null}
    </ul>
  );
}
