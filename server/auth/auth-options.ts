import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/server/db";
import { getEnv } from "@/server/env";
import { clientIp } from "@/server/http/client-info";
import { authorizeCredentials } from "./authorize-credentials";
import { signInWithOidc } from "./sign-in-oidc";

const ZCredentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;
function header(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

let cached: AuthOptions | undefined;

/** next-auth configuration: credentials always, a generic OIDC provider when OIDC_* is set. JWT sessions. */
export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const headers = { get: (n: string) => header(req?.headers as HeaderBag, n) };
        const result = await authorizeCredentials({ ...parsed.data, ip: clientIp(headers), userAgent: headers.get("user-agent") });
        if (!result.ok) {
          // next-auth turns a thrown error into ?error=<message>; "invalid" stays the generic CredentialsSignin.
          if (result.reason === "disabled") throw new Error("AccountDisabled");
          return null;
        }
        return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
      },
    }),
  ];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string }) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null, emailVerified: profile.email_verified };
      },
    });
  }

  cached = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60, updateAge: 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers,
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        const verified = (user as { emailVerified?: boolean }).emailVerified;
        const result = await signInWithOidc({ email: user.email, emailVerified: verified, name: user.name, newUserRole: env.OIDC_NEW_USER_ROLE });
        return result.ok ? true : `/login?error=${result.error}`;
      },
      async jwt({ token, user, account }) {
        if (account?.provider === "credentials" && user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        } else if (account?.provider === "oidc" && user?.email) {
          const row = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true, sessionVersion: true } });
          if (row) {
            token.uid = row.id;
            token.sv = row.sessionVersion;
          }
        }
        return token;
      },
      async session({ session, token }) {
        // Only the ids travel in the session; getCurrentUser() reads role and state from the database.
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
  return cached;
}
