import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageState } from "./support/auth";

// Overview (the landing page): a viewer sees the key figures, each a link to the list behind it, and the charts
// with their table alternatives; the page has no serious accessibility violation.

test.describe("overview", () => {
  test.use({ storageState: storageState("VIEWER") });

  test("a viewer sees the KPI tiles with numbers; the open CRITICAL tile opens the CRITICAL findings", async ({ page }) => {
    test.slow(); // the first visit builds the summary when the scheduled snapshot has not run yet, then /findings loads
    await page.goto("/overview");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const tiles = page.getByTestId("overview-kpi");
    await expect(tiles).toHaveCount(10);
    const critical = page.locator('[data-testid="overview-kpi"][data-kpi="openCritical"]');
    await expect(critical).toHaveAttribute("data-value", /^\d+$/);
    await expect(page.locator('[data-testid="overview-kpi"][data-kpi="openHigh"]')).toHaveAttribute("data-value", /^\d+$/);
    await expect(page.locator('[data-testid="overview-kpi"][data-kpi="slaBreaches"]')).toHaveAttribute("data-value", /^\d+$/);
    for (const id of ["overview-opened-closed", "overview-mttr", "overview-age", "overview-compliance", "overview-accounts", "overview-ous"]) {
      await expect(page.getByTestId(id).first()).toBeVisible();
    }

    await critical.click();
    await expect(page).toHaveURL(/\/findings\?.*severity=CRITICAL/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("the overview has no serious accessibility violations", async ({ page }) => {
    test.slow(); // axe over the charts and their tables takes a while on a busy CI machine
    await page.goto("/overview");
    await expect(page.getByTestId("overview-kpis")).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("GET /api/overview answers a viewer with the figures", async ({ page }) => {
    const response = await page.request.get("/api/overview");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { kpis: { openCritical: number }; weekly: unknown[] };
    expect(typeof body.kpis.openCritical).toBe("number");
    expect(body.weekly).toHaveLength(12);
  });
});
