import { expect, test } from "@playwright/test";
import { apiSignIn, createUser, storageState } from "./support/auth";

test.describe("English and Japanese", () => {
  test("switching to Japanese shows Japanese navigation, remembered for the user", async ({ browser }) => {
    // Its own user: the language is a per-user setting and other tests share the demo users.
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const user = await createUser(admin.request, "VIEWER");
    const context = await browser.newContext({ locale: "en-US" });
    await apiSignIn(context.request, user.email, user.password);
    const page = await context.newPage();
    await page.goto("/overview");
    const nav = page.getByRole("navigation").first();
    await expect(nav.getByRole("link", { name: "Findings", exact: true })).toBeVisible();

    await page.getByTestId("user-menu-button").click();
    await page.getByTestId("locale-ja").click();
    await expect(nav.getByRole("link", { name: "検出結果", exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");

    // The setting belongs to the user: a new browser with English preferences still gets Japanese.
    const other = await browser.newContext({ locale: "en-US" });
    await apiSignIn(other.request, user.email, user.password);
    const second = await other.newPage();
    await second.goto("/findings");
    await expect(second.getByRole("navigation").first().getByRole("link", { name: "検出結果", exact: true })).toBeVisible();
    await Promise.all([context.close(), other.close(), admin.close()]);
  });

  test("before sign-in the language follows Accept-Language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByTestId("sign-in")).toHaveText(/サインイン/);
    await context.close();
  });
});
