// Roles and what they may do. Pure: safe to import from client components.
export const ROLES = ["ADMIN", "ANALYST", "VIEWER"] as const;
export type TRole = (typeof ROLES)[number];

const RANK: Record<TRole, number> = { VIEWER: 1, ANALYST: 2, ADMIN: 3 };

/** True when `role` includes the rights of `required` (ADMIN ⊃ ANALYST ⊃ VIEWER). */
export function hasRole(role: TRole, required: TRole): boolean {
  return RANK[role] >= RANK[required];
}

export type TSessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: TRole;
  locale: "en" | "ja" | null;
};
