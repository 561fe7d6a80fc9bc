import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrowLeft, ArrowRight, ScrollText } from "lucide-react";
import { z } from "zod";
import { requirePageUser } from "@/server/auth/guard";
import { listAuditEntries } from "@/server/audit/list-audit";
import { AuditFilter } from "@/components/audit/audit-filter";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/console/page-header";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
// Bad values are ignored, not reported: a hand-edited URL just shows the newest entries.
const ZCursor = z.string().regex(/^\d{1,30}$/);
const ZAction = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/);

type SearchParams = Record<string, string | string[] | undefined>;

function pick<T>(schema: z.ZodType<T>, value: string | string[] | undefined): T | undefined {
  const result = schema.safeParse(Array.isArray(value) ? value[0] : value);
  return result.success ? result.data : undefined;
}

function auditHref(params: { cursor?: string; action?: string }): string {
  const query = new URLSearchParams();
  if (params.action) query.set("action", params.action);
  if (params.cursor) query.set("cursor", params.cursor);
  const search = query.toString();
  return search ? `/settings/audit?${search}` : "/settings/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("ADMIN");
  const params = await searchParams;
  const cursor = pick(ZCursor, params.cursor);
  const action = pick(ZAction, params.action);
  const [{ items, nextCursor }, t, tSettings] = await Promise.all([
    listAuditEntries({ cursor, limit: PAGE_SIZE, action }),
    getTranslations("audit"),
    getTranslations("settings"),
  ]);

  return (
    <>
      <PageHeader back={{ href: "/settings", label: tSettings("back") }} title={t("title")} description={t("description")} />
      <AuditFilter action={action} />
      {action ? (
        <p className="mb-4 text-sm text-muted-foreground" data-testid="audit-filter-active">
          {t("filter.active", { action })}
        </p>
      ) : null}

      {items.length === 0 ? (
        action ? (
          <EmptyState
            icon={ScrollText}
            title={t("emptyFiltered.title")}
            description={t("emptyFiltered.body", { action })}
          />
        ) : (
          <EmptyState icon={ScrollText} title={t("empty.title")} description={t("empty.body")} />
        )
      ) : (
        <AuditTable entries={items} now={new Date().toISOString()} />
      )}

      {cursor || nextCursor ? (
        <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-2">
          {cursor ? (
            <Link href={auditHref({ action })} className={buttonVariants({ variant: "secondary" })} data-testid="audit-newest">
              <ArrowLeft aria-hidden="true" className="size-4" />
              {t("newest")}
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link
              href={auditHref({ action, cursor: nextCursor })}
              rel="next"
              className={buttonVariants({ variant: "secondary" })}
              data-testid="audit-older"
            >
              {t("older")}
              <ArrowRight aria-hidden="true" className="size-4" />
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
