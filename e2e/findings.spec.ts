import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { DEMO, storageState } from "./support/auth";

// The findings page against the demo organization, synced by the worker when the e2e server starts.

/** The findings page as a person uses it. */
class FindingsPage {
  readonly rows: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId("finding-row");
    this.drawer = page.getByTestId("drawer");
  }

  row(id: string) {
    return this.page.locator(`[data-testid="finding-row"][data-id="${id}"]`);
  }

  async goto(query = "") {
    await this.page.goto(`/findings${query ? `?${query}` : ""}`);
    await expect(this.rows.first().or(this.page.getByTestId("empty-state")).or(this.page.getByTestId("list-error"))).toBeVisible();
  }

  async ids(count: number) {
    return this.rows.evaluateAll((rows, n) => rows.slice(0, n).map((row) => row.getAttribute("data-id")!), count);
  }

  param(name: string) {
    return new URL(this.page.url()).searchParams.get(name);
  }
}

/** Waits until the first sync has stored findings of the default view. */
async function waitForFindings(request: APIRequestContext) {
  await expect
    .poll(async () => {
      const response = await request.get("/api/findings/counts");
      return response.ok() ? ((await response.json()) as { total: number }).total : 0;
    }, { timeout: 90_000, intervals: [1000, 2000, 3000] })
    .toBeGreaterThan(5);
}

test.describe("findings list", () => {
  test.use({ storageState: storageState("ANALYST") });

  test.beforeEach(async ({ page }) => {
    test.setTimeout(120_000);
    await waitForFindings(page.request);
  });

  test("the default view shows open CRITICAL and HIGH findings with severity counts, and passes axe", async ({ page }) => {
    const findings = new FindingsPage(page);
    await findings.goto();
    await expect(findings.rows.first()).toBeVisible();
    const severities = await findings.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-severity")));
    expect(new Set(severities)).toEqual(new Set(severities.filter((s) => s === "CRITICAL" || s === "HIGH")));
    const statuses = await findings.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")));
    expect(statuses.every((s) => s === "NEW" || s === "NOTIFIED")).toBe(true);

    for (const severity of ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"]) {
      await expect(page.getByTestId(`severity-chip-${severity}`)).toHaveAttribute("data-count", /^\d+$/);
    }
    await expect(page.getByTestId("severity-chip-CRITICAL")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("severity-chip-MEDIUM")).toHaveAttribute("aria-pressed", "false");
    const critical = Number(await page.getByTestId("severity-chip-CRITICAL").getAttribute("data-count"));
    const high = Number(await page.getByTestId("severity-chip-HIGH").getAttribute("data-count"));
    await expect(page.getByTestId("result-count")).toHaveAttribute("data-count", String(critical + high));
    await expect(page.locator('[data-testid="filter-chip"][data-field="severity"]')).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("a filter in the URL is applied and survives a reload; chips and counts change it; a bad value can be reset", async ({ page }) => {
    const findings = new FindingsPage(page);
    await findings.goto("severity=MEDIUM&status=all");
    await expect(findings.rows.first()).toBeVisible();
    expect(new Set(await findings.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-severity"))))).toEqual(new Set(["MEDIUM"]));
    await expect(page.locator('[data-testid="filter-chip"][data-field="severity"]')).toContainText("MEDIUM");
    await expect(page.locator('[data-testid="filter-chip"][data-field="status"]')).toHaveCount(0);

    await page.reload();
    await expect(findings.rows.first()).toHaveAttribute("data-severity", "MEDIUM");
    await expect(page.getByTestId("severity-chip-MEDIUM")).toHaveAttribute("aria-pressed", "true");

    // A severity count chip toggles that severity in the URL.
    await page.getByTestId("severity-chip-LOW").click();
    await expect.poll(() => findings.param("severity")).toBe("MEDIUM,LOW");
    await expect(page.getByTestId("severity-chip-LOW")).toHaveAttribute("aria-pressed", "true");

    // Removing a chip removes the constraint.
    await page.locator('[data-testid="filter-chip"][data-field="severity"]').getByTestId("filter-chip-remove").click();
    await expect.poll(() => findings.param("severity")).toBe("all");

    // "+ Filter" → region → the first region.
    await page.getByTestId("filter-add").click();
    await page.getByTestId("filter-add-region").click();
    const option = page.getByTestId("filter-option").first();
    const region = await option.getAttribute("data-value");
    await option.click();
    await page.getByTestId("filter-apply").click();
    await expect.poll(() => findings.param("region")).toBe(region);
    await expect(page.locator('[data-testid="filter-chip"][data-field="region"]')).toContainText(region!);

    // A bad value is the API's 400 message, with a way back.
    await findings.goto("severity=BOGUS");
    await expect(page.getByTestId("list-error")).toBeVisible();
    await expect(page.getByTestId("list-error-message")).toContainText("BOGUS");
    await page.getByTestId("list-reset").click();
    await expect(findings.rows.first()).toBeVisible();
    expect(findings.param("severity")).toBeNull();
  });

  test("a finding opens in the drawer with its own URL, and as a page of its own", async ({ page }) => {
    const findings = new FindingsPage(page);
    await findings.goto();
    const [id] = await findings.ids(1);
    await findings.row(id!).getByTestId("finding-title").click();
    await expect(findings.drawer).toBeVisible();
    await expect(findings.drawer).toHaveAttribute("data-id", id!);
    expect(findings.param("finding")).toBe(id);
    await expect(findings.drawer.getByTestId("finding-detail")).toBeVisible();
    await expect(findings.drawer.getByTestId("write-back-state")).toBeVisible();
    for (const tab of ["resources", "history", "related", "events"]) {
      await findings.drawer.getByTestId(`drawer-tab-${tab}`).click();
      await expect(findings.drawer.getByTestId(`drawer-tab-${tab}`)).toHaveAttribute("aria-selected", "true");
    }
    await findings.drawer.getByTestId("drawer-tab-raw").click();
    await expect(findings.drawer.getByTestId("raw-json")).toContainText('"');

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    // Shared link: the drawer opens on load.
    await page.goto(`/findings?finding=${id}`);
    await expect(findings.drawer).toHaveAttribute("data-id", id!);
    await findings.drawer.getByTestId("drawer-close").click();
    await expect(findings.drawer).toHaveCount(0);
    expect(findings.param("finding")).toBeNull();

    // The full page.
    await page.goto(`/findings/${id}`);
    await expect(page.getByTestId("finding-page")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("finding-detail")).toHaveAttribute("data-id", id!);
  });

  test("keyboard: j/k move, x selects, Enter opens, Esc closes, / searches, ? shows the shortcuts", async ({ page }) => {
    const findings = new FindingsPage(page);
    await findings.goto();
    await expect(findings.rows.nth(1)).toBeVisible();
    const [first, second] = await findings.ids(2);
    await expect(findings.row(first!)).toHaveAttribute("data-active", "true");

    await page.keyboard.press("j");
    await expect(findings.row(second!)).toHaveAttribute("data-active", "true");
    await expect(findings.row(second!)).toBeFocused();
    await page.keyboard.press("k");
    await expect(findings.row(first!)).toHaveAttribute("data-active", "true");

    await page.keyboard.press("x");
    await expect(findings.row(first!).getByTestId("row-select")).toBeChecked();
    await expect(page.getByTestId("action-bar")).toHaveAttribute("data-count", "1");

    await page.keyboard.press("Enter");
    await expect(findings.drawer).toHaveAttribute("data-id", first!);
    await page.keyboard.press("j");
    await expect(findings.drawer).toHaveAttribute("data-id", second!);
    await page.keyboard.press("Escape");
    await expect(findings.drawer).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("action-bar")).toHaveCount(0);

    await page.keyboard.press("?");
    await expect(page.getByTestId("shortcut-help")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shortcut-help")).toBeHidden();

    await page.keyboard.press("/");
    await expect(page.getByTestId("search-input")).toBeFocused();
    await page.keyboard.type("no-such-finding-zz9");
    await expect.poll(() => findings.param("q")).toBe("no-such-finding-zz9");
    await expect(page.getByTestId("empty-state")).toBeVisible();
    // Letters typed in the search box are text, not shortcuts.
    await expect(findings.drawer).toHaveCount(0);
  });

  test("the table renders only the rows in view and fetches the next page as it scrolls", async ({ page }) => {
    const findings = new FindingsPage(page);
    await findings.goto("status=all&severity=all");
    const table = page.getByTestId("findings-table");
    const firstPage = await table.evaluate((el) => el.scrollHeight);
    await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => table.evaluate((el) => el.scrollHeight)).toBeGreaterThan(firstPage);
    await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    expect(await findings.rows.count()).toBeLessThan(80);
  });

  test("a saved view keeps the filter, brings it back, and can be deleted", async ({ page }) => {
    const findings = new FindingsPage(page);
    await findings.goto("severity=LOW&status=all");
    const name = `Every LOW finding ${Date.now()}`;
    await page.getByTestId("views-menu").click();
    await page.getByTestId("views-save").click();
    await page.getByTestId("view-name").fill(name);
    await page.getByTestId("view-submit").click();
    await expect(page.getByTestId("view-save-dialog")).toBeHidden();

    await page.getByTestId("filter-reset").click();
    await expect.poll(() => findings.param("severity")).toBeNull();
    await page.getByTestId("views-menu").click();
    await page.getByTestId("view-item").filter({ hasText: name }).click();
    await expect.poll(() => findings.param("severity")).toBe("LOW");
    await expect(findings.rows.first()).toHaveAttribute("data-severity", "LOW");

    await page.getByTestId("views-menu").click();
    await page.getByTestId("views-manage").click();
    const manage = page.getByTestId("view-manage-dialog");
    await manage.getByRole("button", { name: `Delete the view ${name}` }).click();
    await expect(manage.getByText(name)).toHaveCount(0);
  });

  test("select all matching states the count first", async ({ page }) => {
    const findings = new FindingsPage(page);
    await findings.goto("status=all&severity=all");
    await findings.rows.first().getByTestId("row-select").click();
    await expect(page.getByTestId("action-bar")).toHaveAttribute("data-count", "1");
    const total = await page.getByTestId("result-count").getAttribute("data-count");
    await page.getByTestId("select-all-matching").click();
    const dialog = page.getByTestId("select-all-dialog");
    await expect(dialog.getByTestId("confirm-count")).toHaveAttribute("data-count", total!);
    if (Number(total) > 10_000) {
      await expect(dialog.getByTestId("select-all-too-many")).toBeVisible();
    } else {
      await dialog.getByTestId("select-all-confirm").click();
      await expect(page.getByTestId("action-bar")).toHaveAttribute("data-count", total!);
      await page.getByTestId("action-note").click();
      await expect(page.getByTestId("triage-dialog").getByTestId("confirm-count")).toHaveAttribute("data-count", total!);
      await page.keyboard.press("Escape");
    }
  });
});

test.describe("triage", () => {
  test("bulk-resolving two findings with a note: they leave the queue, history and audit show it, the write-back syncs", async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ storageState: storageState("ANALYST") });
    const page = await context.newPage();
    await waitForFindings(page.request);
    const findings = new FindingsPage(page);
    await findings.goto("sort=lastSeen");
    await expect(findings.rows.nth(1)).toBeVisible();
    // Rows from the end of the first page: other tests look at the top of the queue.
    const ids = await findings.rows.evaluateAll((rows) => rows.slice(-2).map((row) => row.getAttribute("data-id")!));
    for (const id of ids) await findings.row(id).getByTestId("row-select").click();
    await expect(page.getByTestId("action-bar")).toHaveAttribute("data-count", "2");

    await page.getByTestId("action-bar").getByTestId("action-status").click();
    const dialog = page.getByTestId("triage-dialog");
    await expect(dialog.getByTestId("confirm-count")).toHaveAttribute("data-count", "2");
    await dialog.getByTestId("status-select").selectOption("RESOLVED");
    await dialog.getByTestId("action-submit").click();
    await expect(dialog.getByTestId("triage-invalid")).toBeVisible();
    await dialog.getByTestId("note-input").fill("Fixed by the e2e test: bucket policy tightened.");
    await dialog.getByTestId("action-submit").click();
    await expect(page.getByTestId("toast")).toContainText("2 findings set to Resolved");
    for (const id of ids) await expect(findings.row(id)).toHaveCount(0);

    // The drawer of a resolved finding: write-back drains to SYNCED, history names the analyst.
    await page.goto(`/findings?status=all&finding=${ids[0]}`);
    const drawer = findings.drawer;
    await expect(drawer.getByTestId("finding-detail")).toHaveAttribute("data-status", "RESOLVED");
    await expect(drawer.getByTestId("write-back-state")).toHaveAttribute("data-state", "SYNCED", { timeout: 90_000 });
    await drawer.getByTestId("drawer-tab-history").click();
    const entry = drawer.locator('[data-testid="history-entry"][data-origin="user"]').first();
    await expect(entry).toContainText(DEMO.ANALYST);
    await expect(entry).toContainText("Resolved");

    // The audit log lists one entry per finding.
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const audit = await admin.request.get("/api/audit?action=finding.status&limit=200");
    expect(audit.status()).toBe(200);
    const entries = (await audit.json()).items as { targetId: string; actorEmail: string }[];
    for (const id of ids) expect(entries.find((e) => e.targetId === id)?.actorEmail).toBe(DEMO.ANALYST);
    await Promise.all([admin.close(), context.close()]);
  });

  test("a viewer sees no selection or actions, and the actions API answers 403", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: storageState("VIEWER") });
    const page = await context.newPage();
    await waitForFindings(page.request);
    const findings = new FindingsPage(page);
    await findings.goto();
    await expect(findings.rows.first()).toBeVisible();
    await expect(page.getByTestId("row-select")).toHaveCount(0);
    await page.keyboard.press("x");
    await expect(page.getByTestId("action-bar")).toHaveCount(0);
    const [id] = await findings.ids(1);
    await page.keyboard.press("Enter");
    await expect(findings.drawer.getByTestId("finding-detail")).toBeVisible();
    await expect(findings.drawer.getByTestId("action-status")).toHaveCount(0);

    const response = await page.request.post("/api/findings/actions", { data: { action: "note", note: "viewer note", target: { ids: [id] } } });
    expect(response.status()).toBe(403);
    await context.close();
  });
});
