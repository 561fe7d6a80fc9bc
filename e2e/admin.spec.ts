import { expect, test, type Browser } from "@playwright/test";
import { apiSignIn, createUser, storageState } from "./support/auth";

async function signedInUser(browser: Browser, admin: Awaited<ReturnType<Browser["newContext"]>>) {
  const user = await createUser(admin.request, "ANALYST");
  const context = await browser.newContext();
  await apiSignIn(context.request, user.email, user.password);
  const page = await context.newPage();
  await page.goto("/overview");
  await expect(page.getByTestId("user-menu-button")).toBeVisible();
  return { user, context, page };
}

test.describe("user administration", () => {
  // These run first, while the fresh demo server syncs and runs its collectors: many page loads each.
  test.slow();
  test("an admin disables a user on the users page: the user is signed out at the next request", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const { user, context, page } = await signedInUser(browser, admin);

    const adminPage = await admin.newPage();
    await adminPage.goto("/settings/users");
    const row = adminPage.locator(`[data-testid="user-row"][data-email="${user.email}"]`);
    await row.getByTestId("toggle-disabled").click();
    await expect(row.getByTestId("user-status")).toHaveText(/disabled/i);

    await page.goto("/findings");
    await expect(page).toHaveURL(/\/login\?.*error=SessionExpired/);
    await expect(page.getByTestId("login-error")).toBeVisible();
    expect((await context.request.get("/api/me")).status()).toBe(401);
    // And cannot sign in again while disabled.
    expect((await (await apiSignIn(context.request, user.email, user.password)).json()).url).toMatch(/error=AccountDisabled/);

    // The audit log shows who did it, with before and after.
    await adminPage.goto("/settings/audit?action=user.update");
    const entry = adminPage.getByTestId("audit-row").filter({ hasText: user.id }).first();
    await expect(entry).toHaveAttribute("data-action", "user.update");
    await Promise.all([context.close(), admin.close()]);
  });

  test("an admin revokes a user's sessions: that browser must sign in again, a new sign-in works", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const { user, context, page } = await signedInUser(browser, admin);

    const adminPage = await admin.newPage();
    await adminPage.goto("/settings/users");
    const row = adminPage.locator(`[data-testid="user-row"][data-email="${user.email}"]`);
    await row.getByTestId("revoke-sessions").click();
    await row.getByTestId("confirm-revoke").click();
    await expect(adminPage.getByTestId("user-row-message")).toBeVisible();

    await page.reload();
    await expect(page).toHaveURL(/\/login\?.*error=SessionExpired/);
    await apiSignIn(context.request, user.email, user.password);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/overview$/);
    await Promise.all([context.close(), admin.close()]);
  });

  test("an admin changes a role; the user's rights follow at the next request", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const { user, context } = await signedInUser(browser, admin);
    expect((await context.request.get("/api/users")).status()).toBe(403);

    const adminPage = await admin.newPage();
    await adminPage.goto("/settings/users");
    const row = adminPage.locator(`[data-testid="user-row"][data-email="${user.email}"]`);
    await row.getByTestId("role-select").selectOption("ADMIN");
    await expect(adminPage.getByTestId("user-row-message")).toBeVisible();
    await expect.poll(async () => (await context.request.get("/api/users")).status()).toBe(200);
    await Promise.all([context.close(), admin.close()]);
  });

  test("the audit log is for admins and lists sign-ins", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const page = await admin.newPage();
    await page.goto("/settings/audit?action=auth.signin.success");
    await expect(page.getByTestId("audit-row").first()).toHaveAttribute("data-action", "auth.signin.success");
    const analyst = await browser.newContext({ storageState: storageState("ANALYST") });
    const denied = await (await analyst.newPage()).goto("/settings/audit");
    expect(denied?.status()).toBe(403);
    await Promise.all([admin.close(), analyst.close()]);
  });
});
