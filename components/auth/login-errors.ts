// Maps next-auth error codes (from signIn() results or the ?error= query) to message keys
// under login.errors. Anything unknown gets the generic text, never the raw code.

export type LoginErrorKey =
  | "credentials"
  | "throttled"
  | "disabled"
  | "sessionExpired"
  | "oauthSignin"
  | "oauthCallback"
  | "accessDenied"
  | "generic";

const byCode: Record<string, LoginErrorKey> = {
  CredentialsSignin: "credentials",
  Throttled: "throttled",
  AccountDisabled: "disabled",
  SessionExpired: "sessionExpired",
  OAuthSignin: "oauthSignin",
  OAuthCallback: "oauthCallback",
  OAuthCreateAccount: "oauthCallback",
  Callback: "oauthCallback",
  AccessDenied: "accessDenied",
};

export function loginErrorKey(code: string | null | undefined, status?: number): LoginErrorKey {
  if (status === 429) return "throttled";
  if (!code) return "generic";
  return byCode[code] ?? "generic";
}
