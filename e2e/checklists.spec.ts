import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO, storageState } from "./support/auth";

// Checklists page, Recurring tab: the default checklists, completing an item, creating and editing a checklist,
// its history, the viewer's read-only view, and the overdue view the overview's figure opens.
// The database is shared by parallel tests: each test touches only the items and checklists named here
// (default checklists are found by their template, new ones by a unique name).

const DEFAULT_CHECKLISTS = [
  "Technology update check",
  "Patch status",
  "Eradicate Security Hub CRITICAL/HIGH",
  "Support end dates of commercial software",
];

type TView = { id: string; name: string; items: { id: string; state: string; period: { key: string } }[] };

/** The e2e server's database (scripts/e2e-server.mts): an item only becomes overdue once a period it existed for has ended, so the test backdates one. */
function e2eDatabaseUrl(): string {
  const url = new URL(process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/kanshi_e2e";
  return url.toString();
}

async function checklist(request: APIRequestContext, name: string): Promise<TView> {
  const response = await request.get("/api/checklists");
  expect(response.status()).toBe(200);
  const found = ((await response.json()) as { items: TView[] }).items.find((c) => c.name === name);
  expect(found, name).toBeDefined();
  return found!;
}

test.describe("checklists", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("the recurring tab is the default and lists the four default checklists with owners and fed items' live state", async ({ page }) => {
    await page.goto("/checklists");
    await expect(page.getByRole("heading", { level: 1, name: "Checklists" })).toBeVisible();
    await expect(page.getByTestId("checklists-tab-recurring")).toHaveAttribute("aria-current", "page");
    const cards = page.locator('[data-testid="checklist-card"][data-template]');
    await expect(cards).toHaveCount(DEFAULT_CHECKLISTS.length);
    for (const name of DEFAULT_CHECKLISTS) {
      const card = cards.filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
      await expect(card).toHaveCount(1);
      await expect(card.getByTestId("checklist-item")).toHaveCount(3);
    }
    await expect(cards.filter({ hasText: "Technology update check" }).getByTestId("checklist-cadence")).toHaveText("Weekly on Monday (Asia/Tokyo)");
    await expect(cards.filter({ hasText: "Support end dates" }).getByTestId("checklist-cadence")).toHaveText("Monthly on day 1 (Asia/Tokyo)");
    await expect(page.getByTestId("recurring-summary")).toBeVisible();
    // Fed items show the live state of their area with a link to the list behind it.
    const fed = page.locator('[data-testid="checklist-item"][data-source="findings"]').first();
    await expect(fed.getByTestId("item-feed")).toHaveAttribute("data-ok", /^(ok|attention|none)$/);
    await expect(fed.getByTestId("item-feed-link")).toHaveAttribute("href", /^\/findings\?severity=CRITICAL/);
    await expect(page.locator('[data-testid="checklist-item"][data-source="manual"]').first().getByTestId("item-feed")).toHaveCount(0);
    // Completing a fed item stays a decision: the evidence starts with the feed's figures (once there is data).
    const feedState = await fed.getByTestId("item-feed").getAttribute("data-ok");
    await fed.getByTestId("item-complete").click();
    const completeDialog = page.getByTestId("complete-dialog");
    await expect(completeDialog.getByTestId("complete-note")).toHaveValue(feedState === "none" ? "" : /open CRITICAL\/HIGH.*past SLA/);
    await completeDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(completeDialog).toBeHidden();
    await expect(cards.first().getByTestId("checklist-owner")).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    await page.getByTestId("checklists-tab-eol").click();
    await expect(page).toHaveURL(/\/checklists\?tab=eol$/);
    await expect(page.getByTestId("checklists-tab-eol")).toHaveAttribute("aria-current", "page");
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
    await expect(page.locator('[data-testid="checklist-card"][data-template]')).toHaveCount(DEFAULT_CHECKLISTS.length);
    await expect(page.getByTestId("checklist-item").first()).toBeVisible();
    await expect(page.getByTestId("item-complete")).toHaveCount(0);
    await expect(page.getByTestId("checklist-new")).toHaveCount(0);
    await expect(page.getByTestId("checklist-edit")).toHaveCount(0);
    await expect(page.getByTestId("checklist-history-link").first()).toBeVisible();
    const created = await viewer.request.post("/api/checklists", { data: { name: "Viewer's", cadence: { kind: "weekly", weekday: 1 }, timeZone: "UTC" } });
    expect(created.status()).toBe(403);

    const first = (await checklist(viewer.request, "Technology update check")).items[0]!;
    const denied = await viewer.request.post(`/api/checklists/items/${first.id}/complete`, { data: { periodKey: first.period.key, result: "OK" } });
    expect(denied.status()).toBe(403);
    await viewer.close();
  });

  test("an analyst creates a weekly checklist with two items, completes one, and reads its history", async ({ page }) => {
    const name = `Weekly e2e ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    // Due today (in UTC): the open item is "due", not "upcoming".
    const weekday = ((new Date().getUTCDay() + 6) % 7) + 1;
    await page.goto("/checklists?tab=recurring");
    await page.getByTestId("checklist-new").click();
    const editor = page.getByTestId("checklist-editor");
    await expect(editor).toBeVisible();

    // The form checks what the API checks, field by field.
    await editor.getByTestId("editor-timezone").fill("Mars/Base");
    await editor.getByTestId("editor-submit").click();
    await expect(editor.getByTestId("editor-error-name")).toBeVisible();
    await expect(editor.getByTestId("editor-error-timeZone")).toBeVisible();
    await expect(editor.getByTestId("editor-preview").locator("li")).toHaveCount(0);

    await editor.getByTestId("editor-name").fill(name);
    await editor.getByTestId("editor-timezone").fill("UTC");
    await editor.getByTestId("editor-kind").selectOption("weekly");
    await editor.getByTestId("editor-weekday").selectOption(String(weekday));
    await expect(editor.getByTestId("editor-preview").locator("li")).toHaveCount(3);
    const owner = editor.getByTestId("editor-owner").locator("option", { hasText: DEMO.ANALYST });
    await expect(owner).toHaveCount(1);
    await editor.getByTestId("editor-owner").selectOption((await owner.getAttribute("value"))!);
    await editor.getByTestId("editor-item-title").first().fill("Review the ALB security policies");
    await editor.getByTestId("editor-add-item").click();
    await editor.getByTestId("editor-item-title").nth(1).fill("Review the Security Hub standard versions");
    const axeEditor = await new AxeBuilder({ page }).include('[data-testid="checklist-editor"]').analyze();
    expect(axeEditor.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await editor.getByTestId("editor-submit").click();
    await expect(editor).toBeHidden();
    await expect(page.getByTestId("complete-confirmation")).toContainText(name);

    const card = page.getByTestId("checklist-card").filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
    await expect(card.getByTestId("checklist-owner")).toContainText(DEMO.ANALYST);
    const items = card.getByTestId("checklist-item");
    await expect(items).toHaveCount(2);
    const first = items.filter({ hasText: "ALB security policies" });
    const second = items.filter({ hasText: "Security Hub standard versions" });
    await first.getByTestId("item-complete").click();
    const dialog = page.getByTestId("complete-dialog");
    await dialog.getByTestId("complete-link").fill("https://example.com/tickets/SEC-42");
    await dialog.getByTestId("complete-submit").click();
    await expect(dialog).toBeHidden();
    await expect(first).toHaveAttribute("data-state", "done");
    await expect(first).toContainText(DEMO.ANALYST);
    await expect(second).toHaveAttribute("data-state", /^(due|overdue)$/);

    // Edit: rename the second item; the card shows the new title.
    await card.getByTestId("checklist-edit").click();
    await expect(editor).toBeVisible();
    await editor.getByTestId("editor-item-title").nth(1).fill("Review the Security Hub standards (FSBP, CIS)");
    await editor.getByTestId("editor-submit").click();
    await expect(editor).toBeHidden();
    await expect(card.getByTestId("checklist-item").filter({ hasText: "Security Hub standards (FSBP, CIS)" })).toHaveCount(1);

    // History: the current period with one item done (who, evidence) and the other still open; the URL is shareable.
    await card.getByTestId("checklist-history-link").click();
    await expect(page).toHaveURL(/tab=recurring&checklist=[^&]+&view=history/);
    const history = page.getByTestId("checklist-history");
    await expect(history.getByRole("heading", { level: 2 })).toContainText(name);
    const period = history.getByTestId("history-period").first();
    await expect(period.locator('[data-testid="history-entry"][data-state="done"]')).toContainText("https://example.com/tickets/SEC-42");
    await expect(period.locator('[data-testid="history-entry"][data-state="open"]')).toHaveCount(1);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await page.reload();
    await expect(page.getByTestId("history-period").first()).toBeVisible();
    await page.getByTestId("history-back").click();
    await expect(page.getByTestId("checklist-new")).toBeVisible();
  });

  test("an analyst archives a checklist from the editor; its history stays readable and only an admin restores it", async ({ page, browser }) => {
    const name = `Archive e2e ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const created = await page.request.post("/api/checklists", { data: { name, cadence: { kind: "monthly", day: "last" }, timeZone: "Asia/Tokyo", items: [{ title: "Licence renewals", source: "eol" }] } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto("/checklists?tab=recurring");
    const card = page.locator(`[data-testid="checklist-card"][data-id="${id}"]`);
    await expect(card.getByTestId("checklist-cadence")).toHaveText("Monthly on the last day (Asia/Tokyo)");
    await card.getByTestId("checklist-edit").click();
    const editor = page.getByTestId("checklist-editor");
    await editor.getByTestId("editor-archive").click();
    await editor.getByTestId("editor-archive-confirm").click();
    await expect(editor).toBeHidden();
    await expect(card).toHaveCount(0);
    await page.getByTestId("archived-checklists").locator("summary").click();
    const archived = page.locator(`[data-testid="archived-checklist"][data-id="${id}"]`);
    await expect(archived).toContainText(name);
    await expect(archived.getByTestId("archived-restore")).toHaveCount(0);
    await archived.getByTestId("archived-history").click();
    await expect(page.getByTestId("checklist-history")).toContainText(name);
    expect((await page.request.patch(`/api/checklists/${id}`, { data: { archived: false } })).status()).toBe(403);

    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const adminPage = await admin.newPage();
    await adminPage.goto("/checklists?tab=recurring");
    await adminPage.getByTestId("archived-checklists").locator("summary").click();
    await adminPage.locator(`[data-testid="archived-checklist"][data-id="${id}"]`).getByTestId("archived-restore").click();
    await expect(adminPage.getByTestId("complete-confirmation")).toContainText(name);
    await expect(adminPage.locator(`[data-testid="checklist-card"][data-id="${id}"]`)).toBeVisible();
    await admin.close();
  });

  test("the overview's overdue checklist figure opens exactly those items; Show all returns to every checklist", async ({ page }) => {
    test.slow(); // the overview builds its findings summary on the first visit
    const name = `Overdue e2e ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const created = await page.request.post("/api/checklists", {
      data: { name, cadence: { kind: "weekly", weekday: 1 }, timeZone: "UTC", items: [{ title: "Rotate the break-glass password" }, { title: "Review the new IAM users" }] },
    });
    expect(created.status()).toBe(201);
    const { id, items } = (await created.json()) as { id: string; items: { id: string; title: string }[] };
    const owed = items.find((i) => i.title.startsWith("Rotate"))!;
    // The first item existed before last week ended and was not done then: it is overdue; the second one is new.
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      await client.query(`UPDATE checklist_items SET "createdAt" = now() - interval '60 days' WHERE id = $1`, [owed.id]);

      await page.goto("/overview");
      const tile = page.locator('[data-testid="overview-kpi"][data-kpi="checklists"]');
      await expect(tile).toHaveAttribute("href", "/checklists?tab=recurring&state=overdue");
      await expect(tile).toHaveAttribute("data-value", /^[1-9]\d*$/);
      const figure = Number(await tile.getAttribute("data-value"));
      await tile.click();

      // Only overdue items, as many as the overview counted, under a removable filter.
      await expect(page).toHaveURL(/\/checklists\?tab=recurring&state=overdue$/);
      const filter = page.getByTestId("recurring-filter");
      await expect(filter).toContainText("Showing overdue items only");
      await expect(page.getByTestId("recurring-summary")).toHaveAttribute("data-overdue", String(figure));
      await expect(page.getByTestId("checklist-item")).toHaveCount(figure);
      await expect(page.locator('[data-testid="checklist-item"]:not([data-state="overdue"])')).toHaveCount(0);
      const card = page.locator(`[data-testid="checklist-card"][data-id="${id}"]`);
      await expect(card.getByTestId("checklist-item")).toHaveCount(1);
      await expect(card.getByTestId("checklist-item")).toHaveAttribute("data-id", owed.id);
      await expect(card.getByTestId("checklist-hidden-items")).toHaveAttribute("data-count", "1");
      // The default checklists have nothing overdue: they are not listed.
      await expect(page.locator('[data-testid="checklist-card"][data-template]')).toHaveCount(0);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

      // "Show all", from the keyboard, lifts the filter.
      await page.getByTestId("recurring-show-all").focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/checklists\?tab=recurring$/);
      await expect(filter).toHaveCount(0);
      await expect(card.getByTestId("checklist-item")).toHaveCount(2);
      await expect(card.getByTestId("checklist-hidden-items")).toHaveCount(0);
      await expect(page.locator('[data-testid="checklist-card"][data-template]')).toHaveCount(DEFAULT_CHECKLISTS.length);

      // The summary's overdue count leads back; completing the item takes it (and its checklist) off the view.
      await page.getByTestId("recurring-overdue-link").click();
      await expect(page).toHaveURL(/\/checklists\?tab=recurring&state=overdue$/);
      await card.getByTestId("item-complete").click();
      const dialog = page.getByTestId("complete-dialog");
      await dialog.getByTestId("complete-submit").click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId("complete-confirmation")).toBeVisible();
      await expect(card).toHaveCount(0);
      await expect(page.getByTestId("recurring-summary")).toHaveAttribute("data-overdue", String(figure - 1));
      await expect(page.getByTestId("checklist-item")).toHaveCount(figure - 1);
      // Nothing else overdue (the usual case on a fresh e2e database): the empty state says so and offers Show all.
      const empty = page.getByTestId("empty-state").filter({ hasText: "Nothing is overdue" });
      await expect(empty).toHaveCount(figure === 1 ? 1 : 0);
      if (figure === 1) {
        await empty.getByTestId("recurring-empty-show-all").click();
        await expect(page).toHaveURL(/\/checklists\?tab=recurring$/);
        await expect(page.locator(`[data-testid="checklist-item"][data-id="${owed.id}"]`)).toHaveAttribute("data-state", /^(due|upcoming)$/);
      }
    } finally {
      await client.end();
      await page.request.patch(`/api/checklists/${id}`, { data: { archived: true } });
    }
  });
});
