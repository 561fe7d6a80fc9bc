import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO = {
  ADMIN: "admin@demo.kanshi",
  ANALYST: "analyst@demo.kanshi",
  VIEWER: "viewer@demo.kanshi",
} as const;
export const DEMO_PASSWORD = "demo";
export type Role = keyof typeof DEMO;

export const storageState = (role: Role) => `e2e/.auth/${role.toLowerCase()}.json`;

/** Signs in through next-auth's own endpoints (no UI): for API tests and for users made by a test. */
export async function apiSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/overview" },
    maxRedirects: 0,
  });
}

/** Creates a user through the admin API; returns its id. `admin` must be signed in as ADMIN. */
export async function createUser(admin: APIRequestContext, role: Role, password = "e2e password 123") {
  const email = `e2e-${role.toLowerCase()}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@test.kanshi`;
  const response = await admin.post("/api/users", { data: { email, role, password } });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, email, password };
}

/** The sign-in form, as a person uses it. */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.locator("#login-email").fill(email);
  await page.locator("#login-password").fill(password);
  await page.getByTestId("sign-in").click();
}
