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

  test("a week's closed figure opens the findings closed that week: the list shows the closed chip and the same count", async ({ page }) => {
    test.slow(); // waits for the first sync's summary, then loads /findings
    // A past week with closures if there is one: its figure no longer moves while the demo keeps syncing.
    let week: { week: string; closed: number } | undefined;
    await expect.poll(async () => {
      const response = await page.request.get("/api/overview");
      if (!response.ok()) return 0;
      const weeks = ((await response.json()) as { weekly: { week: string; closed: number }[] }).weekly.filter((w) => w.closed > 0);
      week = weeks.length > 1 ? weeks.at(-2) : weeks.at(-1);
      return weeks.length;
    }, { timeout: 90_000, intervals: [1000, 2000, 3000] }).toBeGreaterThan(0);
    const { week: monday, closed } = week!;
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);

    await page.goto("/overview");
    const card = page.getByTestId("overview-opened-closed");
    await card.getByTestId("chart-table-toggle").click();
    const figure = card.locator(`tr[data-week="${monday}"]`).getByTestId("overview-week-closed");
    await expect(figure).toHaveText(String(closed));
    await figure.click();

    await expect(page).toHaveURL(new RegExp(`/findings\\?.*closedFrom=${monday}&closedTo=${sunday}`));
    const medium = (day: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
    const chip = page.locator('[data-testid="filter-chip"][data-field="closed"]');
    await expect(chip).toContainText(`Closed:${medium(monday)} – ${medium(sunday)}`);
    // every severity, status and record state: the severity chips' counts add up to the week's figure
    const counts = page.locator('[data-testid^="severity-chip-"]');
    await expect(counts).toHaveCount(5);
    await expect.poll(async () => (await counts.evaluateAll((chips) => chips.map((c) => c.getAttribute("data-count")))).reduce((n, c) => (c === null ? Number.NaN : n + Number(c)), 0))
      .toBe(closed);
    await expect(page.getByTestId("finding-row").first()).toBeVisible();

    // removing the chip lifts the constraint
    await chip.getByTestId("filter-chip-remove").click();
    await expect(page).not.toHaveURL(/closedFrom=/);
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
