import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "@/server/db";
import { getAuthOptions } from "./auth-options";
import type { TSessionUser } from "./roles.types";

export type TSessionState =
  | { status: "anonymous" }
  /** a valid cookie whose user was disabled, deleted or had its sessions revoked */
  | { status: "ended" }
  | { status: "active"; user: TSessionUser };

/** Checks a session's ids against the database: a disabled user or a revoked session ends here. */
export async function resolveSessionUser(ids: { uid?: string; sv?: number } | null): Promise<TSessionState> {
  if (!ids?.uid) return { status: "anonymous" };
  const user = await db.user.findUnique({
    where: { id: ids.uid },
    select: { id: true, email: true, name: true, role: true, locale: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== (ids.sv ?? 0)) return { status: "ended" };
  const locale = user.locale === "en" || user.locale === "ja" ? user.locale : null;
  return { status: "active", user: { id: user.id, email: user.email, name: user.name, role: user.role, locale } };
}

/** The session of the current request, checked against the database once per request. */
export const getSessionState = cache(async (): Promise<TSessionState> => {
  const session = await getServerSession(getAuthOptions());
  return resolveSessionUser(session);
});

export async function getCurrentUser(): Promise<TSessionUser | null> {
  const state = await getSessionState();
  return state.status === "active" ? state.user : null;
}
