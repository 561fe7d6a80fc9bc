import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/server/auth/guard";
import { listUsers } from "@/server/users/list-users";
import { PageHeader } from "@/components/console/page-header";
import { UsersTable } from "@/components/users/users-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const me = await requirePageUser("ADMIN");
  const [users, t, tSettings] = await Promise.all([listUsers(), getTranslations("users"), getTranslations("settings")]);

  return (
    <>
      <PageHeader
        back={{ href: "/settings", label: tSettings("back") }}
        title={t("title")}
        description={t("description")}
        actions={<span className="text-sm text-muted-foreground">{t("count", { count: users.length })}</span>}
      />
      <UsersTable
        currentUserId={me.id}
        now={new Date().toISOString()}
        users={users.map((user) => ({
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          disabled: user.disabled,
          lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
          createdAt: user.createdAt.toISOString(),
        }))}
      />
    </>
  );
}
