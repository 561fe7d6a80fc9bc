import { expect, test } from "@playwright/test";
import { DEMO, signInWithForm, storageState } from "./support/auth";

test.describe("sign-in", () => {
  test("the login page lists the three demo users with their roles", async ({ page }) => {
    await page.goto("/login");
    const demo = page.getByTestId("demo-users");
    for (const email of Object.values(DEMO)) await expect(demo).toContainText(email);
    await expect(demo).toContainText("demo");
  });

  test("a wrong password shows an error and stays on the login page", async ({ page }) => {
    await signInWithForm(page, DEMO.VIEWER, "not the password");
    await expect(page.getByTestId("login-error")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("a page asked for without a session leads to the login page and back after sign-in", async ({ page }) => {
    await page.goto("/checklists");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fchecklists/);
    await page.getByTestId("demo-user-viewer").click();
    await page.getByTestId("sign-in").click();
    await expect(page).toHaveURL(/\/checklists$/);
  });

  test("a viewer gets a 403 page for the users page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState("VIEWER") });
    const page = await context.newPage();
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("link", { name: /overview/i }).first()).toBeVisible();
    await context.close();
  });
});
