import "server-only";
import { getEnv } from "@/server/env";
import type { TRole } from "./roles.types";

export const DEMO_USERS: { email: string; role: TRole; name: string }[] = [
  { email: "admin@demo.kanshi", role: "ADMIN", name: "Demo Admin" },
  { email: "analyst@demo.kanshi", role: "ANALYST", name: "Demo Analyst" },
  { email: "viewer@demo.kanshi", role: "VIEWER", name: "Demo Viewer" },
];
export const DEMO_PASSWORD = "demo";

/** What the login page may show: demo users only in demo mode, the SSO button only when configured. */
export async function getLoginPageInfo(): Promise<{
  demo: boolean;
  demoUsers: { email: string; role: TRole }[];
  demoPassword: string | null;
  sso: { id: "oidc"; name: string } | null;
}> {
  const env = getEnv();
  return {
    demo: env.KANSHI_DEMO,
    demoUsers: env.KANSHI_DEMO ? DEMO_USERS.map(({ email, role }) => ({ email, role })) : [],
    demoPassword: env.KANSHI_DEMO ? DEMO_PASSWORD : null,
    sso: env.OIDC_ISSUER ? { id: "oidc", name: env.OIDC_NAME } : null,
  };
}
