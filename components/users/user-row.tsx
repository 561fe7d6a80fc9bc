"use client";

import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { LogOut } from "lucide-react";
import { apiFetch } from "@/components/lib/api-client";
import { cn } from "@/components/lib/cn";
import { useApiErrorMessage } from "@/components/lib/use-api-error-message";
import { Alert } from "@/components/ui/alert";
import { Badge, type Role } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { Select } from "@/components/ui/field";
import { ROLES } from "@/server/auth/roles.types";

export const USER_TABLE_COLUMNS = 5;

export interface UserRowData {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  /** ISO 8601 */
  lastLoginAt: string | null;
  /** ISO 8601 */
  createdAt: string;
}

type Message = { tone: "danger" | "success"; text: string };

/**
 * One user in the admin table, with its own pending state and inline messages.
 * Test hooks: user-row (data-email), role-select, toggle-disabled, revoke-sessions,
 * confirm-revoke, cancel-revoke, user-row-message.
 */
export function UserRow({ user, isSelf, now }: { user: UserRowData; isSelf: boolean; now: string }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const errorMessage = useApiErrorMessage();
  const [pending, startTransition] = useTransition();
  const [role, setOptimisticRole] = useOptimistic(user.role);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);

  // Focus follows the two-step confirm: into "Revoke", then back to "Revoke sessions".
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) revokeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  function run(request: () => Promise<unknown>, success: string, optimistic?: () => void) {
    setMessage(null);
    startTransition(async () => {
      optimistic?.();
      try {
        await request();
        setMessage({ tone: "success", text: success });
        router.refresh();
      } catch (error) {
        setMessage({ tone: "danger", text: errorMessage(error) });
      }
    });
  }

  const path = `/api/users/${encodeURIComponent(user.id)}`;

  function changeRole(next: Role) {
    run(() => apiFetch(path, { method: "PATCH", body: { role: next } }), t("saved"), () => setOptimisticRole(next));
  }

  function toggleDisabled() {
    run(() => apiFetch(path, { method: "PATCH", body: { disabled: !user.disabled } }), t("saved"));
  }

  function revokeSessions() {
    setConfirming(false);
    run(() => apiFetch(`${path}/sessions`, { method: "DELETE" }), t("revoked"));
  }

  return (
    <>
      <tr
        data-testid="user-row"
        data-email={user.email}
        aria-busy={pending || undefined}
        className={cn("border-t border-border align-middle transition-opacity", pending && "opacity-70")}
      >
        <th scope="row" className="px-3 py-3 text-left font-normal">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm whitespace-nowrap">{user.email}</span>
            {isSelf ? <Badge tone="outline">{tCommon("you")}</Badge> : null}
          </span>
          {user.name ? <span className="block text-sm text-muted-foreground">{user.name}</span> : null}
          <span className="block text-xs text-muted-foreground">
            {t("created")} <DateTime value={user.createdAt} now={now} variant="relative" />
          </span>
        </th>
        <td className="px-3 py-3">
          <Select
            aria-label={t("roleLabel", { email: user.email })}
            data-testid="role-select"
            value={role}
            onChange={(event) => {
              const next = ROLES.find((value) => value === event.target.value);
              if (next) changeRole(next);
            }}
            className="w-auto min-w-36"
          >
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {tRoles(value)}
              </option>
            ))}
          </Select>
        </td>
        <td className="px-3 py-3">
          <Badge tone={user.disabled ? "danger" : "success"} data-testid="user-status">
            {user.disabled ? t("status.disabled") : t("status.active")}
          </Badge>
        </td>
        <td className="px-3 py-3 text-sm">
          {user.lastLoginAt ? <DateTime value={user.lastLoginAt} now={now} precision="minutes" /> : tCommon("never")}
        </td>
        <td className="px-3 py-3">
          {confirming ? (
            <div
              className="flex flex-col items-start gap-2"
              role="group"
              aria-label={t("revokeLabel", { email: user.email })}
              onKeyDown={(event) => {
                if (event.key === "Escape") setConfirming(false);
              }}
            >
              <span className="text-sm">{t("revokeConfirm", { email: user.email })}</span>
              <span className="flex gap-2">
                <Button ref={confirmRef} size="sm" variant="danger" onClick={revokeSessions} data-testid="confirm-revoke">
                  {t("revokeConfirmButton")}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => setConfirming(false)}
                  data-testid="cancel-revoke"
                >
                  {tCommon("cancel")}
                </Button>
              </span>
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                    onClick={toggleDisabled}
                aria-label={user.disabled ? t("enableLabel", { email: user.email }) : t("disableLabel", { email: user.email })}
                data-testid="toggle-disabled"
              >
                {user.disabled ? t("enable") : t("disable")}
              </Button>
              <Button
                ref={revokeRef}
                size="sm"
                variant="secondary"
                onClick={() => setConfirming(true)}
                aria-label={t("revokeLabel", { email: user.email })}
                data-testid="revoke-sessions"
              >
                <LogOut aria-hidden="true" className="size-4" />
                {t("revoke")}
              </Button>
            </div>
          )}
        </td>
      </tr>
      {message ? (
        <tr>
          <td colSpan={USER_TABLE_COLUMNS} className="px-3 pb-3">
            <Alert tone={message.tone} data-testid="user-row-message">
              {message.text}
            </Alert>
          </td>
        </tr>
      ) : null}
    </>
  );
}
