import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageState } from "./support/auth";

// Checklists page, Patches tab: collecting patch compliance from the simulator, roll-ups, the instance list's
// URL filters, and what a viewer and an admin see. The organization is synced by the worker at first start.

async function organizationSynced(request: APIRequestContext) {
  await expect.poll(async () => {
    const status = (await (await request.get("/api/sync")).json()) as { latestByScope: { kind: string; status: string }[] };
    return status.latestByScope.some((r) => r.kind === "organizations" && r.status === "SUCCEEDED");
  }, { timeout: 90_000, intervals: [1000, 2000, 3000] }).toBe(true);
}

async function seriousViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

test.describe("patch compliance", () => {
  // The admin test changes the stale threshold, which moves the analyst test's figures: one after the other.
  test.describe.configure({ mode: "serial" });

  test("an analyst collects, sees the account roll-ups with counts, and filters the instance list to non-compliant", async ({ browser }) => {
    test.setTimeout(150_000);
    const context = await browser.newContext({ storageState: storageState("ANALYST") });
    const page = await context.newPage();
    await organizationSynced(page.request);

    await page.goto("/checklists?tab=patches");
    await expect(page.getByTestId("checklists-tab-patches")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("patches-panel")).toBeVisible();
    await page.getByTestId("collect-now").click();
    await expect(page.getByTestId("collect-result")).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 90_000 });

    // Account roll-ups with figures; the organization's tiles add up.
    const rows = page.locator('[data-testid="rollup-row"][data-account]');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const instances = Number(await page.locator('[data-testid="patch-tile"][data-kind="instances"]').getAttribute("data-value"));
    const nonCompliant = Number(await page.locator('[data-testid="patch-tile"][data-kind="noncompliant"]').getAttribute("data-value"));
    const stale = Number(await page.locator('[data-testid="patch-tile"][data-kind="stale"]').getAttribute("data-value"));
    expect(instances).toBeGreaterThan(20);
    expect(nonCompliant).toBeGreaterThan(0);
    expect(stale).toBeGreaterThan(0);
    expect(nonCompliant + stale).toBeLessThan(instances);
    await expect(page.getByTestId("instance-table")).toHaveAttribute("data-total", String(instances));
    await expect(page.getByTestId("patch-trend")).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);

    // The non-compliant tile filters the list; the URL holds the filter, and a reload keeps it.
    await page.locator('[data-testid="patch-tile"][data-kind="noncompliant"]').click();
    await expect(page).toHaveURL(/[?&]state=noncompliant/);
    await expect(page.getByTestId("instance-table")).toHaveAttribute("data-total", String(nonCompliant));
    await expect(page.getByTestId("filter-state")).toHaveValue("noncompliant");
    const states = await page.getByTestId("instance-row").evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-state")))]);
    expect(states).toEqual(["noncompliant"]);

    // An account's non-compliant count narrows to that account.
    const accountRow = rows.filter({ has: page.getByTestId("rollup-noncompliant") }).first();
    const accountId = (await accountRow.getAttribute("data-account"))!;
    const accountCount = Number((await accountRow.getByTestId("rollup-noncompliant").textContent())!.replace(/\D/g, ""));
    await accountRow.getByTestId("rollup-noncompliant").click();
    await expect(page).toHaveURL(new RegExp(`account=${accountId}`));
    await expect(page.getByTestId("instance-table")).toHaveAttribute("data-total", String(accountCount));
    await expect(page.locator('[data-testid="filter-chip"][data-key="account"]')).toBeVisible();

    await page.reload();
    await expect(page.getByTestId("instance-table")).toHaveAttribute("data-total", String(accountCount));
    await expect(page.getByTestId("filter-state")).toHaveValue("noncompliant");

    // The OU roll-up.
    await page.getByTestId("rollup-by-ou").click();
    await expect(page).toHaveURL(/[?&]by=ou/);
    await expect(page.locator('[data-testid="rollup-row"][data-ou]').first()).toBeVisible();
    await context.close();
  });

  test("a viewer reads without a collect button or the setting, and cannot change it through the API", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState("VIEWER") });
    const page = await context.newPage();
    await page.goto("/checklists?tab=patches");
    await expect(page.getByTestId("patches-panel")).toBeVisible();
    await expect(page.getByTestId("patches-read-only")).toBeVisible();
    await expect(page.getByTestId("collect-now")).toHaveCount(0);
    await expect(page.getByTestId("stale-setting")).toHaveCount(0);
    expect((await page.request.put("/api/checklists/patches/settings", { data: { staleDays: 3 } })).status()).toBe(403);
    expect((await page.request.post("/api/checklists/patches/collect")).status()).toBe(403);
    expect((await page.request.get("/api/checklists/patches/settings")).status()).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("an admin changes the stale threshold; a bad value is refused with the allowed range", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState("ADMIN") });
    const page = await context.newPage();
    const bad = await page.request.put("/api/checklists/patches/settings", { data: { staleDays: 500 } });
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("at most 90");

    await page.goto("/checklists?tab=patches");
    const days = page.getByTestId("stale-days");
    await expect(days).toHaveValue("7");
    await days.fill("14");
    await page.getByTestId("stale-save").click();
    await expect(page.getByTestId("stale-saved")).toBeVisible();
    await expect(page.getByTestId("patches-as-of")).toContainText("14 days");
    // Back to the default for the other tests.
    expect((await page.request.put("/api/checklists/patches/settings", { data: { staleDays: 7 } })).status()).toBe(200);
    await context.close();
  });
});
