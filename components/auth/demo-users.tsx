"use client";

import { useTranslations } from "next-intl";
import { FlaskConical } from "lucide-react";
import { RoleBadge, type Role } from "@/components/ui/badge";

export interface DemoUser {
  email: string;
  role: Role;
}

/** Demo-mode box: each user is a button that fills the sign-in form (test hook: demo-user-<role>). */
export function DemoUsers({
  users,
  password,
  onPick,
}: {
  users: DemoUser[];
  password: string | null;
  onPick: (user: DemoUser) => void;
}) {
  const t = useTranslations("login.demo");
  const tRoles = useTranslations("roles");

  return (
    <section
      aria-labelledby="demo-users-title"
      data-testid="demo-users"
      className="rounded-lg border border-dashed border-input bg-muted/60 p-4"
    >
      <h2 id="demo-users-title" className="flex items-center gap-2 text-sm font-semibold">
        <FlaskConical aria-hidden="true" className="size-4" />
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">{t("body")}</p>
      <ul className="mt-3 flex flex-col gap-2">
        {users.map((user) => (
          <li key={user.email}>
            <button
              type="button"
              data-testid={`demo-user-${user.role.toLowerCase()}`}
              aria-label={t("fill", { email: user.email, role: tRoles(user.role) })}
              onClick={() => onPick(user)}
              className="flex w-full items-center justify-between gap-3 rounded-md border border-border bg-card px-3 py-2 text-left text-sm hover:bg-accent"
            >
              <span className="truncate font-mono">{user.email}</span>
              <RoleBadge role={user.role} />
            </button>
          </li>
        ))}
      </ul>
      {password ? (
        <p className="mt-3 text-sm">
          {t.rich("password", {
            password,
            code: (chunks) => <code className="rounded bg-card px-1.5 py-0.5 font-mono">{chunks}</code>,
          })}
        </p>
      ) : null}
    </section>
  );
}
