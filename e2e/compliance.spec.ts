import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageState } from "./support/auth";

// Compliance page as a viewer: heatmap accounts × standards with percentages, a cell opens its failing controls,
// a control opens the findings list filtered by control. The first sync stores the simulator's FSBP and CIS
// control findings; today's trend point is computed live when no snapshot has run yet.

type TScores = { org: Record<string, { score: number | null }>; accounts: { id: string; scores: Record<string, { failed: number; score: number | null }> }[] };

async function complianceData(request: APIRequestContext): Promise<TScores> {
  let scores: TScores | undefined;
  await expect.poll(async () => {
    const response = await request.get("/api/compliance/scores");
    if (!response.ok()) return 0;
    scores = (await response.json()) as TScores;
    return scores.accounts.filter((a) => (a.scores.fsbp?.failed ?? 0) > 0).length;
  }, { timeout: 120_000, intervals: [1000, 2000, 3000] }).toBeGreaterThan(0);
  return scores!;
}

test.describe("compliance", () => {
  test.use({ storageState: storageState("VIEWER") });

  test("a viewer reads the heatmap, opens a cell's failing controls and goes on to the control's findings", async ({ page }) => {
    test.setTimeout(180_000);
    const scores = await complianceData(page.request);
    expect(scores.org.fsbp?.score).not.toBeNull();

    await page.goto("/compliance");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const heatmap = page.getByTestId("compliance-heatmap");
    await expect(heatmap).toBeVisible();
    const rows = page.getByTestId("heatmap-row");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    // Both standards are columns; cells show a percentage (colour is never alone).
    await expect(page.locator('[data-testid="heatmap-cell"][data-standard="fsbp"]').first()).toBeVisible();
    await expect(page.locator('[data-testid="heatmap-cell"][data-standard="cis"]').first()).toBeVisible();
    await expect(page.locator('[data-testid="heatmap-cell"][data-standard="fsbp"]').first()).toContainText(/\d+%/);
    await expect(page.getByTestId("compliance-trend")).toBeVisible();
    await expect(page.locator('[data-testid="compliance-tile"][data-standard="fsbp"]')).toContainText(/\d+%/);

    // The trend's standard is in the URL.
    await page.getByTestId("trend-standard-picker").getByRole("link", { name: "CIS v1.4.0" }).click();
    await expect(page).toHaveURL(/[?&]standard=cis/);
    await expect(page.getByTestId("trend-standard-picker").getByRole("link", { name: "CIS v1.4.0" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("compliance-trend")).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

    // A failing account's FSBP cell (reached by keyboard: it is a link) opens its failing controls.
    const failing = scores.accounts.find((a) => (a.scores.fsbp?.failed ?? 0) > 0)!;
    const cell = page.locator(`[data-testid="heatmap-cell"][data-scope="account:${failing.id}"][data-standard="fsbp"]`);
    await cell.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`account=${failing.id}.*standard=fsbp.*view=controls`));
    const drill = page.getByTestId("failing-controls");
    await expect(drill).toHaveAttribute("data-scope", `account:${failing.id}`);
    const controls = page.getByTestId("failing-control");
    await expect(controls.first()).toBeVisible();
    const controlId = await controls.first().getAttribute("data-control");

    // The control opens the findings list filtered by control, standard and account.
    await controls.first().getByTestId("control-findings-link").click();
    await expect(page).toHaveURL(/\/findings\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("control")).toBe(controlId);
    expect(url.searchParams.get("standard")).toBe("fsbp");
    expect(url.searchParams.get("account")).toBe(failing.id);
  });

  test("the API names bad parameters", async ({ request }) => {
    const response = await request.get("/api/compliance/controls?standard=pci");
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("standard");
  });
});
