import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { apiSignIn, createUser, storageState } from "./support/auth";

const PAGES = [
  ["Overview", "/overview"],
  ["Findings", "/findings"],
  ["Timeline", "/timeline"],
  ["Checklists", "/checklists"],
  ["Compliance", "/compliance"],
  ["Accounts", "/accounts"],
  ["Review", "/review"],
  ["Settings", "/settings"],
] as const;

test.describe("the console shell", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("the sidebar reaches every page, and the current one is marked", async ({ page }) => {
    await page.goto("/overview");
    const nav = page.getByRole("navigation").first();
    for (const [label, path] of PAGES) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    }
  });

  test("the overview and the login page have no serious accessibility violations", async ({ page, browser }) => {
    await page.goto("/overview");
    const shell = await new AxeBuilder({ page }).analyze();
    expect(shell.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    const anonymousContext = await browser.newContext();
    const anonymous = await anonymousContext.newPage();
    await anonymous.goto("/login");
    const login = await new AxeBuilder({ page: anonymous }).analyze();
    expect(login.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await anonymousContext.close();
  });

  test("the theme toggle switches to dark", async ({ page }) => {
    await page.goto("/overview");
    await page.getByTestId("theme-toggle").click();
    const dark = page.getByRole("menuitemradio", { name: /dark/i }).or(page.getByRole("menuitem", { name: /dark/i }));
    if (await dark.count()) await dark.first().click();
    await expect(page.locator("html")).toHaveClass(/dark/);
  });

  test("sign out ends the session: the console asks to sign in again", async ({ browser }) => {
    // A user of its own, so signing out does not touch the shared analyst session.
    const adminContext = await browser.newContext({ storageState: storageState("ADMIN") });
    const user = await createUser(adminContext.request, "ANALYST");
    const context = await browser.newContext();
    await apiSignIn(context.request, user.email, user.password);
    const page = await context.newPage();
    await page.goto("/overview");
    await page.getByTestId("user-menu-button").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
    await adminContext.close();
  });
});
