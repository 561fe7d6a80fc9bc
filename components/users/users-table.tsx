import { useTranslations } from "next-intl";
import { Users } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { UserRow, type UserRowData } from "./user-row";

const th = "whitespace-nowrap px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase";

export function UsersTable({ users, currentUserId, now }: { users: UserRowData[]; currentUserId: string; now: string }) {
  const t = useTranslations("users");
  if (users.length === 0) {
    return <EmptyState icon={Users} title={t("empty.title")} description={t("empty.body")} />;
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-card">
      <table className="w-full min-w-[46rem] border-collapse text-sm" data-testid="users-table">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-muted/60">
          <tr>
            <th scope="col" className={th}>
              {t("columns.user")}
            </th>
            <th scope="col" className={th}>
              {t("columns.role")}
            </th>
            <th scope="col" className={th}>
              {t("columns.status")}
            </th>
            <th scope="col" className={th}>
              {t("columns.lastLogin")}
            </th>
            <th scope="col" className={th}>
              {t("columns.actions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
