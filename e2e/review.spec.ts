import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, storageState } from "./support/auth";

// Weekly review: an analyst runs a review from start to final (attendee, note, decision, action item for
// themself, which lands in their queue), steps through meeting mode with the keyboard and exports it;
// a viewer reads a review without edit controls. Each test starts its own review.

async function seriousViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

test.describe("weekly review", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("an analyst starts a review, records the meeting, saves, steps through meeting mode and finalizes", async ({ page }) => {
    const title = `Rotate the bastion keys ${Date.now()}`;
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "Weekly review" })).toBeVisible();
    await page.getByTestId("review-start").click();
    await expect(page).toHaveURL(/\/review\/[a-z0-9]+$/);
    const reviewId = page.url().split("/").pop()!;
    await expect(page.getByTestId("review-status")).toHaveText("Draft");
    await expect(page.getByTestId("agenda-section")).toHaveCount(9);
    await expect(page.locator('[data-testid="agenda-section"][data-key="newCriticalHigh"] a[data-testid="agenda-count"]')).toHaveAttribute("href", /^\/findings\?severity=CRITICAL,HIGH/);

    const picker = page.getByTestId("attendee-user");
    await expect(picker.locator("option", { hasText: DEMO.ANALYST })).toHaveCount(1);
    await picker.selectOption((await picker.locator("option", { hasText: DEMO.ANALYST }).getAttribute("value"))!);
    await page.getByTestId("attendee-add").click();
    await expect(page.getByTestId("review-attendee")).toContainText([DEMO.ANALYST]);
    await page.getByTestId("review-notes").fill("Quiet week; one new CRITICAL on the payments account.");
    await page.getByTestId("decision-input").fill("Adopt CIS 1.4 as the baseline");
    await page.getByTestId("decision-add").click();
    await expect(page.getByTestId("review-decision")).toHaveText(["Adopt CIS 1.4 as the baseline"]);

    await page.getByTestId("action-item-title").fill(title);
    const owner = page.getByTestId("action-item-owner");
    await owner.selectOption((await owner.locator("option", { hasText: DEMO.ANALYST }).getAttribute("value"))!);
    await page.getByTestId("action-item-due").fill("2030-01-15");
    await page.getByTestId("action-item-add").click();
    await expect(page.getByTestId("action-item").filter({ hasText: title })).toHaveAttribute("data-status", "open");

    await page.getByTestId("review-save").click();
    await expect(page.getByTestId("review-saved")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await expect(page.getByTestId("review-notes")).toHaveValue("Quiet week; one new CRITICAL on the payments account.");
    await expect(page.getByTestId("review-decision")).toHaveText(["Adopt CIS 1.4 as the baseline"]);

    // Meeting mode: a summary, then one section per slide; the keyboard steps, Esc leaves.
    await page.getByTestId("review-meeting").click();
    const meeting = page.getByTestId("meeting-mode");
    await expect(meeting).toHaveAttribute("data-slide", "0");
    await expect(page.getByTestId("meeting-summary")).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(meeting).toHaveAttribute("data-slide", "1");
    await expect(meeting.getByTestId("agenda-section")).toHaveAttribute("data-key", "newCriticalHigh");
    await page.keyboard.press("PageDown");
    await page.keyboard.press("Space");
    await expect(meeting).toHaveAttribute("data-slide", "3");
    await expect(meeting.getByTestId("agenda-section")).toHaveAttribute("data-key", "resolved");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("PageUp");
    await expect(meeting).toHaveAttribute("data-slide", "1");
    await page.keyboard.press("End");
    await expect(meeting.getByTestId("agenda-section")).toHaveAttribute("data-key", "compliance");
    await expect(page.getByTestId("meeting-position")).toHaveText("10 of 10");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`/review/${reviewId}$`));
    await expect(page.getByTestId("review-page")).toBeVisible();

    // Exports: a real PDF and a CSV with the action item.
    const pdf = await page.request.get(`/api/reviews/${reviewId}/export?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const csv = await page.request.get(`/api/reviews/${reviewId}/export?format=csv`);
    expect(await csv.text()).toContain(title);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("review-finalize").click();
    await expect(page.getByTestId("review-status")).toHaveText("Final");
    await expect(page.getByTestId("review-save")).toHaveCount(0);
    expect((await page.request.patch(`/api/reviews/${reviewId}`, { data: { notes: "changed later" } })).status()).toBe(409);

    // The action item is in the analyst's queue on the Review page; the review is listed as final.
    await page.goto("/review");
    await expect(page.getByTestId("my-action-items").getByTestId("my-action-item").filter({ hasText: title })).toBeVisible();
    await expect(page.locator(`[data-testid="review-row"][data-id="${reviewId}"]`)).toHaveAttribute("data-status", "FINAL");
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/review/${reviewId}?print=1`);
    await expect(page.getByTestId("review-print-now")).toBeVisible();
    await expect(page.getByTestId("review-notes-text")).toHaveText("Quiet week; one new CRITICAL on the payments account.");
  });

  test("a viewer reads a review but sees no edit controls, and the API refuses their changes", async ({ browser }) => {
    const analyst = await browser.newContext({ storageState: storageState("ANALYST") });
    const started = await analyst.request.post("/api/reviews");
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    await analyst.close();

    const viewer = await browser.newContext({ storageState: storageState("VIEWER") });
    const page = await viewer.newPage();
    await page.goto("/review");
    await expect(page.getByTestId("review-start")).toHaveCount(0);
    await expect(page.getByTestId("my-action-items")).toBeVisible();
    await page.goto(`/review/${id}`);
    await expect(page.getByTestId("review-page")).toHaveAttribute("data-status", "DRAFT");
    await expect(page.getByTestId("agenda-section")).toHaveCount(9);
    for (const hook of ["review-save", "review-finalize", "review-refresh", "attendee-add", "decision-add", "review-notes", "action-item-form"]) {
      await expect(page.getByTestId(hook), hook).toHaveCount(0);
    }
    await expect(page.getByTestId("review-export-pdf")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await page.request.patch(`/api/reviews/${id}`, { data: { notes: "viewer" } })).status()).toBe(403);
    expect((await page.request.post("/api/reviews")).status()).toBe(403);
    await viewer.close();
  });
});
