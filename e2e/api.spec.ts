import { expect, request as playwrightRequest, test } from "@playwright/test";
import { apiSignIn, createUser, DEMO, DEMO_PASSWORD, storageState } from "./support/auth";

test.describe("API access control", () => {
  test("health answers 200 with the database up", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: "up" });
  });

  test("without a session the API answers 401 JSON, never a redirect to HTML", async ({ request }) => {
    for (const path of ["/api/users", "/api/me", "/api/audit"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
  });

  test("a viewer gets 403 JSON from /api/users; an admin gets the users", async () => {
    const viewer = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: storageState("VIEWER") });
    const denied = await viewer.get("/api/users");
    expect(denied.status()).toBe(403);
    expect((await denied.json()).error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("ADMIN") });

    const admin = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: storageState("ADMIN") });
    const allowed = await admin.get("/api/users");
    expect(allowed.status()).toBe(200);
    const emails = ((await allowed.json()).items as { email: string }[]).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([DEMO.ADMIN, DEMO.ANALYST, DEMO.VIEWER]));
  });

  test("bad input gets a 400 that names the problem", async () => {
    const admin = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: storageState("ADMIN") });
    const user = await createUser(admin, "VIEWER");
    const badRole = await admin.patch(`/api/users/${user.id}`, { data: { role: "ROOT" } });
    expect(badRole.status()).toBe(400);
    expect((await badRole.json()).error.message).toMatch(/role: must be one of ADMIN, ANALYST, VIEWER/);
    const notJson = await admin.patch(`/api/users/${user.id}`, { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/JSON/);
    const missing = await admin.patch(`/api/users/does-not-exist`, { data: { disabled: true } });
    expect(missing.status()).toBe(404);
    const weak = await admin.post("/api/users", { data: { email: "weak@test.kanshi", role: "VIEWER", password: "short" } });
    expect(weak.status()).toBe(400);
    expect((await weak.json()).error.message).toMatch(/password: .*12 characters/);
  });

  test("repeated failed sign-ins are throttled with 429 and a clear message, and audited", async ({ request }) => {
    const admin = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: storageState("ADMIN") });
    const user = await createUser(admin, "VIEWER");
    for (let i = 0; i < 10; i++) {
      const response = await apiSignIn(request, user.email, `wrong password ${i}`);
      expect(response.status()).not.toBe(429);
    }
    const locked = await apiSignIn(request, user.email, user.password);
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await locked.json()).error.message).toMatch(/Too many failed sign-in attempts .* Try again in \d+ minutes/);

    const audit = await admin.get(`/api/audit?action=auth.signin&limit=200`);
    const actions = ((await audit.json()).items as { action: string; targetId: string }[]).filter((e) => e.targetId === user.email).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.signin.failure")).toHaveLength(10);
    expect(actions).toContain("auth.signin.throttled");
  });

  test("every response carries the security headers; the production CSP has no unsafe-eval", async ({ request }) => {
    for (const path of ["/login", "/api/health"]) {
      const headers = (await request.get(path)).headers();
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-eval");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
    const https = (await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } })).headers();
    expect(https["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  test("the demo password signs in through the API", async ({ request }) => {
    const response = await apiSignIn(request, DEMO.ANALYST, DEMO_PASSWORD);
    expect(response.ok()).toBe(true);
    expect((await (await request.get("/api/me")).json()).role).toBe("ANALYST");
  });
});
