import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/lib/cn";

export function digestsHref(params: { failed?: boolean; cursor?: string }): string {
  const query = new URLSearchParams();
  if (params.failed) query.set("failed", "1");
  if (params.cursor) query.set("cursor", params.cursor);
  const search = query.toString();
  return search ? `/settings/notifications?${search}` : "/settings/notifications";
}

/** All / Failed only, as links: the filter lives in the URL and works without JavaScript. */
export function DigestFilter({ failed }: { failed: boolean }) {
  const t = useTranslations("notifications.list");
  const item = (active: boolean) =>
    cn(
      "rounded-md px-3 py-1.5 text-sm font-medium",
      active ? "bg-primary text-primary-foreground" : "text-foreground hover:bg-accent",
    );
  return (
    <nav aria-label={t("filterLabel")} className="inline-flex gap-1 rounded-lg border border-border bg-card p-1">
      <Link href={digestsHref({})} className={item(!failed)} aria-current={!failed ? "page" : undefined} data-testid="digests-filter-all">
        {t("all")}
      </Link>
      <Link href={digestsHref({ failed: true })} className={item(failed)} aria-current={failed ? "page" : undefined} data-testid="digests-filter-failed">
        {t("failedOnly")}
      </Link>
    </nav>
  );
}
