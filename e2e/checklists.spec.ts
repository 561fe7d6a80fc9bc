import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, storageState } from "./support/auth";

// Checklists page, Recurring tab: the default checklists, completing an item, and the viewer's read-only view.
// The database is shared by parallel tests: each test touches only the items named here.

const DEFAULT_CHECKLISTS = [
  "Technology update check",
  "Patch status",
  "Eradicate Security Hub CRITICAL/HIGH",
  "Support end dates of commercial software",
];

type TView = { id: string; name: string; items: { id: string; state: string; period: { key: string } }[] };

async function checklist(request: APIRequestContext, name: string): Promise<TView> {
  const response = await request.get("/api/checklists");
  expect(response.status()).toBe(200);
  const found = ((await response.json()) as { items: TView[] }).items.find((c) => c.name === name);
  expect(found, name).toBeDefined();
  return found!;
}

test.describe("checklists", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("the recurring tab is the default and lists the four default checklists; the other tabs say what they will hold", async ({ page }) => {
    await page.goto("/checklists");
    await expect(page.getByRole("heading", { level: 1, name: "Checklists" })).toBeVisible();
    await expect(page.getByTestId("checklists-tab-recurring")).toHaveAttribute("aria-current", "page");
    const cards = page.getByTestId("checklist-card");
    await expect(cards).toHaveCount(DEFAULT_CHECKLISTS.length);
    for (const name of DEFAULT_CHECKLISTS) {
      const card = cards.filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
      await expect(card).toHaveCount(1);
      await expect(card.getByTestId("checklist-item")).toHaveCount(3);
    }
    await expect(cards.filter({ hasText: "Technology update check" }).getByTestId("checklist-cadence")).toHaveText("Weekly on Monday (Asia/Tokyo)");
    await expect(cards.filter({ hasText: "Support end dates" }).getByTestId("checklist-cadence")).toHaveText("Monthly on day 1 (Asia/Tokyo)");
    await expect(page.getByTestId("recurring-summary")).toBeVisible();
    await expect(page.getByTestId("item-source").filter({ hasText: "findings" }).first()).toHaveAttribute("href", "/findings?sla=overdue");

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    await page.getByTestId("checklists-tab-eol").click();
    await expect(page).toHaveURL(/\/checklists\?tab=eol$/);
    await expect(page.getByTestId("checklists-tab-eol")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("coming-soon")).toBeVisible();
    await expect(page.getByTestId("checklist-card")).toHaveCount(0);
  });

  test("an analyst completes an item: an issue needs evidence, then the item shows done with who and the note", async ({ page }) => {
    // The last item of the support-end-dates checklist: no other test touches it.
    const { items } = await checklist(page.request, "Support end dates of commercial software");
    const target = items[items.length - 1]!;
    expect(target.state).not.toBe("done");

    // The API refuses an issue without evidence too.
    const bad = await page.request.post(`/api/checklists/items/${target.id}/complete`, { data: { periodKey: target.period.key, result: "ISSUE" } });
    expect(bad.status()).toBe(400);

    await page.goto("/checklists?tab=recurring");
    const item = page.locator(`[data-testid="checklist-item"][data-id="${target.id}"]`);
    await expect(item).toHaveAttribute("data-state", target.state);
    await item.getByTestId("item-complete").click();
    const dialog = page.getByTestId("complete-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByTestId("complete-result-issue").check();
    await dialog.getByTestId("complete-submit").click();
    await expect(dialog.getByTestId("complete-error")).toContainText("note or a link");

    const note = `Renewal of the backup software licence is overdue (e2e ${Date.now()})`;
    await dialog.getByTestId("complete-note").fill(note);
    await dialog.getByTestId("complete-submit").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("complete-confirmation")).toBeVisible();
    await expect(item).toHaveAttribute("data-state", "done");
    await expect(item).toContainText(DEMO.ANALYST);
    await expect(item).toContainText("Issue found");
    await expect(item).toContainText(note);
    await expect(item.getByTestId("item-complete")).toHaveCount(0);

    // A second completion for the same period is a conflict.
    const again = await page.request.post(`/api/checklists/items/${target.id}/complete`, { data: { periodKey: target.period.key, result: "OK" } });
    expect(again.status()).toBe(409);
  });

  test("a viewer sees the checklists without Complete buttons and cannot complete through the API", async ({ browser }) => {
    const viewer = await browser.newContext({ storageState: storageState("VIEWER") });
    const page = await viewer.newPage();
    await page.goto("/checklists");
    await expect(page.getByTestId("checklist-card")).toHaveCount(DEFAULT_CHECKLISTS.length);
    await expect(page.getByTestId("checklist-item").first()).toBeVisible();
    await expect(page.getByTestId("item-complete")).toHaveCount(0);

    const first = (await checklist(viewer.request, "Technology update check")).items[0]!;
    const denied = await viewer.request.post(`/api/checklists/items/${first.id}/complete`, { data: { periodKey: first.period.key, result: "OK" } });
    expect(denied.status()).toBe(403);
    await viewer.close();
  });
});
