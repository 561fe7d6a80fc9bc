import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Building2, FolderSearch, X } from "lucide-react";
import { z } from "zod";
import { requirePageUser } from "@/server/auth/guard";
import { getOrganizationOverview } from "@/server/accounts/get-organization-overview";
import { AccountTotals } from "@/components/accounts/account-totals";
import { AccountsTable } from "@/components/accounts/accounts-table";
import { ancestorIds, buildOrganization, subtreeIds } from "@/components/accounts/organization-model";
import { OuTree } from "@/components/accounts/ou-tree";
import { PageHeader } from "@/components/console/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts");
  return { title: t("title") };
}

// A root (r-…) or an OU (ou-…) id; anything else in the URL is ignored, as is an id we don't know.
const ZOuId = z
  .string()
  .max(100)
  .regex(/^(?:r|ou)-[0-9a-z-]+$/);
// Small organizations open fully; big ones open the root and the way to the selected OU.
const EXPAND_ALL_UP_TO = 40;

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [user, overview, params, t] = await Promise.all([
    requirePageUser(),
    getOrganizationOverview(),
    searchParams,
    getTranslations("accounts"),
  ]);
  const now = new Date().toISOString();

  if (overview.accounts.length === 0) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState
          icon={Building2}
          title={t("empty.title")}
          description={t("empty.body")}
          action={
            user.role === "ADMIN" ? (
              <Link href="/settings/sync" className={buttonVariants({ variant: "primary" })} data-testid="accounts-empty-sync">
                {t("empty.action")}
              </Link>
            ) : null
          }
        />
      </>
    );
  }

  const inOrganization = overview.accounts.filter((account) => account.inOrganization);
  const outside = overview.accounts.filter((account) => !account.inOrganization);
  const model = buildOrganization(
    overview.units,
    inOrganization.map((account) => account.ouId),
  );
  const raw = ZOuId.safeParse(Array.isArray(params.ou) ? params.ou[0] : params.ou);
  const selected = raw.success && model.byId.has(raw.data) ? model.byId.get(raw.data)! : null;

  const inScope = selected ? subtreeIds(model, selected.id) : null;
  const listed = inScope
    ? inOrganization.filter((account) => {
        const unit = model.unitOf(account.ouId);
        return unit !== null && inScope.has(unit);
      })
    : inOrganization;
  // Accounts outside the organization belong to no OU: they show only in the unfiltered list.
  const listedOutside = selected ? [] : outside;
  const all = [...listed, ...listedOutside];
  const ouNames = Object.fromEntries([...model.byId.values()].map((node) => [node.id, node.name]));
  const expanded =
    model.byId.size <= EXPAND_ALL_UP_TO
      ? [...model.byId.keys()]
      : [...model.roots.map((root) => root.id), ...(selected ? ancestorIds(model, selected.id) : [])];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountTotals
        accounts={all.length}
        critical={all.reduce((sum, account) => sum + account.open.CRITICAL, 0)}
        high={all.reduce((sum, account) => sum + account.open.HIGH, 0)}
        scope={selected ? selected.name : t("totals.all")}
      />

      <div className="grid items-start gap-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <Card className="p-3 lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto">
          <div className="mb-2 flex items-center justify-between gap-2 px-1">
            <h2 id="ou-tree-title" className="text-sm font-semibold">
              {t("tree.title")}
            </h2>
            <Link
              href="/accounts"
              aria-current={selected ? undefined : "page"}
              className={buttonVariants({ variant: "link", className: "text-sm aria-[current=page]:font-semibold" })}
              data-testid="ou-all"
            >
              {t("tree.all")}
            </Link>
          </div>
          {model.roots.length > 0 ? (
            <OuTree
              roots={model.roots}
              selectedId={selected?.id ?? null}
              initiallyExpanded={expanded}
              labelledBy="ou-tree-title"
            />
          ) : (
            <p className="px-1 py-2 text-sm text-muted-foreground">{t("tree.empty")}</p>
          )}
          <p className="mt-3 px-1 text-xs text-muted-foreground">{t("tree.hint")}</p>
        </Card>

        <section aria-labelledby="accounts-list-title" className="flex min-w-0 flex-col gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="accounts-list-title" className="text-lg font-semibold" data-testid="accounts-list-title">
              {selected ? t("list.inOu", { ou: selected.name }) : t("list.all")}{" "}
              <span className="font-normal text-muted-foreground tabular-nums">({all.length})</span>
            </h2>
            {selected ? (
              <Link href="/accounts" className={buttonVariants({ variant: "ghost", size: "sm" })} data-testid="ou-clear">
                <X aria-hidden="true" className="size-4" />
                {t("list.clear")}
              </Link>
            ) : null}
          </div>
          {selected && listed.length === 0 ? (
            <EmptyState
              icon={FolderSearch}
              headingLevel="h3"
              title={t("emptyOu.title", { ou: selected.name })}
              description={t("emptyOu.body")}
            />
          ) : (
            <AccountsTable
              inOrganization={listed}
              outside={listedOutside}
              ouNames={ouNames}
              unitOf={model.unitOf}
              now={now}
            />
          )}
        </section>
      </div>
    </>
  );
}
