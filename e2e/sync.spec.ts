import { expect, test } from "@playwright/test";
import { storageState } from "./support/auth";

// The e2e server runs in demo mode: the simulated organization is synced by the worker at first start.

test.describe("synced organization", () => {
  test("the accounts page shows the OU tree and each account's open findings by severity", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState("VIEWER") });
    const page = await context.newPage();
    await expect
      .poll(
        async () => {
          await page.goto("/accounts");
          return page.getByTestId("account-row").count();
        },
        { timeout: 90_000, intervals: [1000, 2000, 3000] },
      )
      .toBeGreaterThanOrEqual(12);
    await expect(page.getByTestId("ou-tree")).toBeVisible();
    expect(await page.getByTestId("ou-node").count()).toBeGreaterThanOrEqual(5);
    // Some account has open CRITICAL or HIGH findings.
    const counts = await page.locator('[data-testid="severity-count"][data-severity="HIGH"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
    expect(counts.some((n) => n > 0)).toBe(true);

    // Choosing an OU narrows the list and is kept in the URL.
    const nested = page.getByTestId("ou-node").filter({ hasText: /^Prod/ }).first();
    await nested.click();
    await expect(page).toHaveURL(/[?&]ou=ou-/);
    const narrowed = await page.getByTestId("account-row").count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(12);
    await context.close();
  });

  test("an admin sees every source's last run and can start a sync; other roles cannot", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const page = await admin.newPage();
    await page.goto("/settings/sync");
    await expect(page.getByTestId("sync-status")).toBeVisible();
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('[data-testid="sync-scope-row"][data-status="SUCCEEDED"]').count();
      }, { timeout: 90_000, intervals: [2000] })
      .toBeGreaterThanOrEqual(5);
    await expect(page.locator('[data-testid="sync-scope-row"][data-kind="securityhub"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="sync-scope-row"][data-kind="guardduty"]')).toHaveCount(3);

    await page.getByTestId("sync-now").click();
    await expect(page.getByTestId("sync-now-result")).toBeVisible();
    await expect(page.getByTestId("sync-now-result")).toHaveAttribute("data-outcome", /queued|conflict/);

    const analyst = await browser.newContext({ storageState: storageState("ANALYST") });
    expect((await analyst.request.post("/api/sync")).status()).toBe(403);
    expect((await analyst.request.get("/api/sync")).status()).toBe(200);
    const analystPage = await analyst.newPage();
    expect((await analystPage.goto("/settings/sync"))?.status()).toBe(403);
    await Promise.all([admin.close(), analyst.close()]);
  });
});
