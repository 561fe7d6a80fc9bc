import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./support/auth";

// Checklists page, Baseline tab: an analyst evaluates the simulated organization's account baseline, reads the
// matrix, opens a failing cell's evidence and follows its findings link; a viewer reads without "Evaluate now".
// Only this spec writes baseline results (an evaluation replaces them all).

type TMatrix = { accounts: { id: string }[]; rows: { accountId: string; cells: Record<string, { status: string }> }[] };

async function waitForAccounts(page: Page) {
  // The worker syncs the organization at first start; the baseline is evaluated for its accounts.
  await expect.poll(async () => {
    const response = await page.request.get("/api/checklists/baseline");
    return response.ok() ? ((await response.json()) as TMatrix).accounts.length : 0;
  }, { timeout: 90_000, intervals: [1000, 2000, 3000] }).toBeGreaterThanOrEqual(12);
}

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

test.describe.serial("account security baseline", () => {
  test("an analyst evaluates, sees pass / fail / unknown, opens a failing cell's evidence and its findings", async ({ browser }) => {
    test.setTimeout(150_000);
    const context = await browser.newContext({ storageState: storageState("ANALYST") });
    const page = await context.newPage();
    await waitForAccounts(page);
    await page.goto("/checklists?tab=baseline");
    await expect(page.getByTestId("checklists-tab-baseline")).toHaveAttribute("aria-current", "page");

    await page.getByTestId("baseline-evaluate").click();
    await expect(page.getByTestId("baseline-evaluate-status")).toContainText(/Evaluated \d+ accounts in 3 regions/, { timeout: 60_000 });
    const matrix = page.getByTestId("baseline-matrix");
    await expect(matrix).toBeVisible();
    expect(await page.getByTestId("baseline-row").count()).toBeGreaterThanOrEqual(12);
    for (const status of ["PASS", "FAIL", "UNKNOWN"]) {
      await expect(page.locator(`[data-testid="baseline-cell"][data-status="${status}"]`).first()).toBeVisible();
    }
    // Status is text and icon, not colour alone.
    await expect(page.locator('[data-testid="baseline-cell"][data-status="FAIL"]').first()).toContainText("Fail");
    await axeClean(page);

    // The status filter lives in the URL.
    await page.getByTestId("baseline-filter-status").selectOption("FAIL");
    await expect(page).toHaveURL(/[?&]status=FAIL/);
    await expect(page.locator('[data-testid="baseline-row"]').first()).toBeVisible();
    const failRows = await page.getByTestId("baseline-row").count();
    expect(failRows).toBeLessThan(12);

    // A failing EBS or Config cell: the evidence says why, per region.
    const failing = page.locator('[data-testid="baseline-cell"][data-status="FAIL"]:is([data-check="config"], [data-check="ebs"], [data-check="guardduty"])').first();
    const account = (await failing.getAttribute("data-account"))!;
    const check = (await failing.getAttribute("data-check"))!;
    await failing.click();
    await expect(page).toHaveURL(new RegExp(`[?&]cell=${account}\\.${check}`));
    const dialog = page.getByTestId("baseline-cell-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("baseline-region")).toHaveCount(3);
    await expect(dialog.locator('[data-testid="baseline-region"][data-status="FAIL"]').first().getByTestId("baseline-problem")).toBeVisible();
    await axeClean(page);

    // An unknown cell tells why (AWS's error code).
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.getByTestId("baseline-clear-filters").click();
    await expect(page).not.toHaveURL(/status=FAIL/);
    await page.locator('[data-testid="baseline-cell"][data-status="UNKNOWN"]').first().click();
    await expect(dialog.getByTestId("baseline-reason").first()).toContainText(/AccessDenied|UnauthorizedOperation|Exception/);
    await page.keyboard.press("Escape");

    // The findings of the failing area: /findings filtered by account and control.
    await page.goto(`/checklists?tab=baseline&cell=${account}.${check}`);
    const link = page.getByTestId("baseline-findings-link");
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/findings\\?.*account=${account}`));
    expect(new URL(page.url()).searchParams.get("control")).toMatch(/^(Config\.1|EC2\.7|GuardDuty\.1)$/);
    await context.close();
  });

  test("a viewer reads the matrix and the evidence but cannot evaluate", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState("VIEWER") });
    const page = await context.newPage();
    await page.goto("/checklists?tab=baseline");
    await expect(page.getByTestId("baseline-panel")).toBeVisible();
    await expect(page.getByTestId("baseline-evaluate")).toHaveCount(0);
    await expect(page.getByTestId("baseline-viewer-note")).toBeVisible();
    await expect(page.getByTestId("baseline-matrix")).toBeVisible();
    expect((await page.request.post("/api/checklists/baseline/evaluate")).status()).toBe(403);
    await axeClean(page);
    await context.close();
  });
});

test("the baseline API refuses bad input with a 400 that names it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("VIEWER") });
  const bad = await context.request.get("/api/checklists/baseline?status=MAYBE");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/status/);
  expect((await context.request.get("/api/checklists/baseline/123/config")).status()).toBe(400);
  expect((await context.request.get("/api/checklists/baseline/123456789012/nope")).status()).toBe(400);
  await context.close();
});
