import { describe, expect, it, vi } from "vitest";

describe("next-auth options", () => {
  it("offer only e-mail and password without OIDC settings", async () => {
    vi.resetModules();
    vi.stubEnv("OIDC_ISSUER", "");
    const { getAuthOptions } = await import("./auth-options");
    expect(getAuthOptions().providers.map((p) => p.id)).toEqual(["credentials"]);
    vi.unstubAllEnvs();
  });

  it("add a generic OIDC provider found through the issuer's discovery document when configured", async () => {
    vi.resetModules();
    vi.stubEnv("OIDC_ISSUER", "https://idp.example.com/realms/sec/");
    vi.stubEnv("OIDC_CLIENT_ID", "kanshi");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    vi.stubEnv("OIDC_NAME", "Okta");
    const { getAuthOptions } = await import("./auth-options");
    const options = getAuthOptions();
    const oidc = options.providers.find((p) => p.id === "oidc") as unknown as Record<string, unknown>;
    expect(oidc).toMatchObject({
      name: "Okta",
      type: "oauth",
      wellKnown: "https://idp.example.com/realms/sec/.well-known/openid-configuration",
      clientId: "kanshi",
      idToken: true,
      checks: ["pkce", "state"],
    });
    expect(options.session).toMatchObject({ strategy: "jwt" });
    expect(options.pages).toMatchObject({ signIn: "/login", error: "/login" });
    vi.unstubAllEnvs();
  });
});
