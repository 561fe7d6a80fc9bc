import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import ICAL from "ical.js";
import { storageState } from "./support/auth";

// EOL tab: a manual entry ending within 90 days shows under that status, a secret iCal URL serves it without a
// session until revoked, and a viewer cannot change anything. Each test adds its own uniquely named entries.

type TCatalog = { products: { slug: string; title: string; cycles: { cycle: string; eol: string | boolean | null }[] }[] };
const DAY_MS = 86_400_000;

/** A catalog product cycle whose end of life is 31–90 days from today (so "within 90 days"), picked at run time. */
function cycleEndingWithin90Days() {
  const catalog = JSON.parse(readFileSync("server/checklists/eol/catalog.generated.json", "utf8")) as TCatalog;
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  for (const product of catalog.products) {
    for (const cycle of product.cycles) {
      if (typeof cycle.eol !== "string" || !/^[0-9][0-9.]*$/.test(cycle.cycle)) continue;
      const days = Math.round((Date.parse(`${cycle.eol}T00:00:00Z`) - today) / DAY_MS);
      if (days >= 40 && days <= 80) return { slug: product.slug, title: product.title, cycle: cycle.cycle, eol: cycle.eol };
    }
  }
  throw new Error("no catalog cycle ends within 40–80 days of today");
}

const tag = (name: string) => `${name} e2e ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function addEntry(request: APIRequestContext, slug: string, version: string, systemName: string) {
  const response = await request.post("/api/checklists/eol", { data: { product: { kind: "catalog", slug }, version, systemName } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; status: string };
}

test.describe("EOL inventory", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("an analyst adds software ending within 90 days and finds it under “Within 90 days”", async ({ page }) => {
    const target = cycleEndingWithin90Days();
    const system = tag("Billing");
    await page.goto("/checklists?tab=eol");
    await expect(page.getByRole("heading", { level: 2, name: "End of life" })).toBeVisible();

    await page.getByTestId("eol-add").click();
    const dialog = page.getByTestId("eol-item-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByTestId("eol-product-search").fill(target.slug);
    await dialog.getByTestId("eol-product-select").selectOption(target.slug);
    await dialog.getByTestId("eol-version").fill(target.cycle);
    await dialog.getByTestId("eol-field-systemName").fill(system);
    await dialog.getByTestId("eol-field-accountId").fill("12345");
    await dialog.getByTestId("eol-item-submit").click();
    await expect(dialog.getByTestId("eol-item-error")).toContainText("12-digit");
    await dialog.getByTestId("eol-field-accountId").fill("");
    await dialog.getByTestId("eol-item-submit").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("eol-confirmation")).toContainText(target.title);

    await page.getByTestId("eol-chip-eol90").click();
    await expect(page).toHaveURL(/status=eol90/);
    await expect(page.getByTestId("eol-chip-eol90")).toHaveAttribute("aria-pressed", "true");
    const row = page.getByTestId("eol-row").filter({ hasText: system });
    await expect(row).toHaveAttribute("data-status", "eol90");
    await expect(row.getByTestId("eol-status")).toHaveText("Within 90 days");
    await expect(row).toContainText(target.cycle);

    // The filter survives a reload (it is in the URL), and the calendar shows the end date in its month.
    await page.reload();
    await expect(page.getByTestId("eol-row").filter({ hasText: system })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    await page.goto(`/checklists?tab=eol&view=calendar&month=${target.eol.slice(0, 7)}`);
    await expect(page.getByTestId("eol-calendar")).toHaveAttribute("data-month", target.eol.slice(0, 7));
    await expect(page.locator(`[data-testid="eol-calendar-event"][data-kind="eol"][data-product="${target.slug}"][data-cycle="${target.cycle}"]`)).toBeVisible();
    const calendarAxe = await new AxeBuilder({ page }).analyze();
    expect(calendarAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test("a secret iCal URL serves the inventory's end dates without a session until it is revoked", async ({ page }) => {
    const target = cycleEndingWithin90Days();
    await addEntry(page.request, target.slug, target.cycle, tag("Feed"));
    await page.goto("/checklists?tab=eol");
    await page.getByTestId("eol-feeds").click();
    const dialog = page.getByTestId("eol-feeds-dialog");
    const name = tag("Team calendar");
    await dialog.getByTestId("eol-feed-name").fill(name);
    await dialog.getByTestId("eol-feed-create").click();
    const url = (await dialog.getByTestId("eol-feed-url").textContent())!;
    expect(url).toMatch(/\/api\/eol\/ical\/[A-Za-z0-9_-]{40,}$/);

    const anonymous = await playwrightRequest.newContext();
    const response = await anonymous.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    expect(calendar.name).toBe("vcalendar");
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const event = events.find((e) => e.summary === `${target.title} ${target.cycle}: end of life`);
    expect(event?.startDate.toString()).toBe(target.eol);

    // Listed with its creation info only; revoking makes the URL answer 404.
    const feed = dialog.getByTestId("eol-feed").filter({ hasText: name });
    await expect(feed).toContainText("analyst@demo.kanshi");
    page.once("dialog", (d) => void d.accept());
    await feed.getByTestId("eol-feed-revoke").click();
    await expect(feed).toHaveCount(0);
    expect((await anonymous.get(url)).status()).toBe(404);
    await anonymous.dispose();
  });

  test("a viewer reads the inventory without edit controls and gets 403 when changing it", async ({ browser, page }) => {
    const target = cycleEndingWithin90Days();
    const system = tag("Viewer check");
    await addEntry(page.request, target.slug, target.cycle, system);
    const viewer = await browser.newContext({ storageState: storageState("VIEWER") });
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/checklists?tab=eol&q=${encodeURIComponent(system)}`);
    await expect(viewerPage.getByTestId("eol-row").filter({ hasText: system })).toBeVisible();
    for (const id of ["eol-add", "eol-import", "eol-feeds", "eol-discover", "eol-edit", "eol-delete"]) await expect(viewerPage.getByTestId(id)).toHaveCount(0);
    const denied = await viewer.request.post("/api/checklists/eol", { data: { product: { kind: "free", name: "X" }, version: "1" } });
    expect(denied.status()).toBe(403);
    expect((await viewer.request.post("/api/checklists/eol/ical", { data: { name: "x" } })).status()).toBe(403);
    const axe = await new AxeBuilder({ page: viewerPage }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await viewer.close();
  });

  test("a CSV with a bad row is refused with its line number, and nothing is imported", async ({ page }) => {
    const system = tag("CSV");
    const csv = `product,version,account_id,system\npython,3.12,123456789012,${system}\npython,,123456789012,${system}\n`;
    await page.goto("/checklists?tab=eol");
    await page.getByTestId("eol-import").click();
    const dialog = page.getByTestId("eol-import-dialog");
    await dialog.getByTestId("eol-import-file").setInputFiles({ name: "inventory.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await dialog.getByTestId("eol-import-submit").click();
    await expect(dialog.getByTestId("eol-import-error")).toContainText("nothing was imported");
    await expect(dialog.locator('[data-testid="eol-import-row"][data-line="3"]')).toContainText("version");
    const list = await page.request.get(`/api/checklists/eol?q=${encodeURIComponent(system)}`);
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });

  test("“Discover now” reads the demo organization and shows the result; discovered entries are not editable", async ({ page }) => {
    await page.goto("/checklists?tab=eol");
    const discovery = page.getByTestId("eol-discovery");
    await page.getByTestId("eol-discover").click();
    await expect(discovery).toHaveAttribute("data-status", /^(SUCCEEDED|FAILED)$/, { timeout: 90_000 });
    await expect(discovery.getByRole("status")).toContainText("Last discovery");
    const list = (await (await page.request.get("/api/checklists/eol?source=discovered&pageSize=5")).json()) as { total: number; items: { source: string }[] };
    expect(list.total).toBeGreaterThan(0);
    await page.goto("/checklists?tab=eol&source=discovered");
    await expect(page.getByTestId("eol-row").first()).toHaveAttribute("data-source", "discovered");
    await expect(page.getByTestId("eol-edit")).toHaveCount(0);
  });
});
