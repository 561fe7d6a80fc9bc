import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { DEMO, storageState } from "./support/auth";

// Weekly review: an analyst runs a review from start to final (attendee, note, decision, action item for
// themself, which lands in their queue), steps through meeting mode with the keyboard and exports it;
// action items are edited inline after adding them; a viewer reads a review without edit controls.
// Each test starts its own review.

async function seriousViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

test.describe("weekly review", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("an analyst starts a review, records the meeting, saves, steps through meeting mode and finalizes", async ({ page }) => {
    // A long journey (PDF export, axe runs, reloads): ~30 s on a loaded 2-core machine, so 3× the default budget.
    test.slow();
    const title = `Rotate the bastion keys ${Date.now()}`;
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "Weekly review" })).toBeVisible();
    await page.getByTestId("review-start").click();
    await expect(page).toHaveURL(/\/review\/[a-z0-9]+$/);
    const reviewId = page.url().split("/").pop()!;
    await expect(page.getByTestId("review-status")).toHaveText("Draft");
    await expect(page.getByTestId("agenda-section")).toHaveCount(9);
    await expect(page.locator('[data-testid="agenda-section"][data-key="newCriticalHigh"] a[data-testid="agenda-count"]'))
      .toHaveAttribute("href", `/findings?review=${reviewId}&reviewSection=newCriticalHigh&severity=all&status=all&record=all`);

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

  test("an agenda count opens the list of exactly the findings it counts, under a review chip", async ({ page }) => {
    const started = await page.request.post("/api/reviews");
    expect(started.status()).toBe(201);
    const review = (await started.json()) as { id: string; periodStart: string; periodEnd: string };
    await page.goto(`/review/${review.id}`);
    const section = page.locator('[data-testid="agenda-section"][data-key="newCriticalHigh"]');
    const count = (await section.getAttribute("data-count"))!;
    await section.getByTestId("agenda-count").click();
    await expect(page).toHaveURL(new RegExp(`/findings\\?review=${review.id}&reviewSection=newCriticalHigh&`));
    const chip = page.locator('[data-testid="filter-chip"][data-field="review"]');
    await expect(chip).toHaveText(`Review ${review.periodStart.slice(0, 10)} – ${review.periodEnd.slice(0, 10)}: New CRITICAL / HIGH`);
    await expect(page.getByTestId("result-count")).toHaveAttribute("data-count", count);
    expect(await seriousViolations(page)).toEqual([]);
    // Removing the chip leaves the section.
    await chip.getByTestId("filter-chip-remove").click();
    await expect(page).not.toHaveURL(/review=/);
  });

  test("an analyst adds an action item with a link, edits it inline and deletes another; a viewer sees no Edit", async ({ page, browser }) => {
    // A long journey (PDF export, axe runs, reloads): ~30 s on a loaded 2-core machine, so 3× the default budget.
    test.slow();
    const stamp = Date.now();
    const title = `Close the public bucket ${stamp}`;
    const edited = `公開バケットを閉じてガードレールを追加する ${stamp}`;
    const started = await page.request.post("/api/reviews");
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    await page.goto(`/review/${id}`);
    const owner = page.getByTestId("action-item-owner");
    const analystId = (await owner.locator("option", { hasText: DEMO.ANALYST }).getAttribute("value"))!;

    // The server's 400 about the link is shown under the form, and the field it names is marked.
    await page.getByTestId("action-item-title").fill(title);
    await owner.selectOption(analystId);
    await page.getByTestId("action-item-link").fill("ftp://files.example.com/report");
    await page.getByTestId("action-item-add").click();
    await expect(page.getByTestId("action-item-add-error")).toContainText("link: must be a path in Kanshi");
    await expect(page.getByTestId("action-item-link")).toHaveAttribute("aria-invalid", "true");
    await page.getByTestId("action-item-link").fill("/findings?severity=CRITICAL");
    await page.getByTestId("action-item-due").fill("2030-01-15");
    await page.getByTestId("action-item-add").click();
    const row = page.locator('[data-testid="action-item"]').filter({ hasText: title });
    await expect(row).toHaveAttribute("data-status", "open");
    await expect(page.getByTestId("action-item-add-error")).toHaveCount(0);
    await expect(page.getByTestId("action-item-title")).toHaveValue("");
    const link = row.getByTestId("action-item-link-open");
    await expect(link).toHaveAttribute("href", "/findings?severity=CRITICAL");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", /\bnoopener\b/);
    const itemId = (await row.getAttribute("data-id"))!;

    // Inline edit: Enter saves the new title and due date.
    await row.getByTestId("action-item-edit").click();
    const editor = page.locator(`[data-testid="action-item-editor"][data-id="${itemId}"]`);
    await expect(editor.getByTestId("action-item-edit-title")).toBeFocused();
    await expect(editor.getByTestId("action-item-edit-owner")).toHaveValue(analystId);
    await expect(editor.getByTestId("action-item-edit-link")).toHaveValue("/findings?severity=CRITICAL");
    expect(await seriousViolations(page)).toEqual([]);
    await editor.getByTestId("action-item-edit-title").fill(edited);
    await editor.getByTestId("action-item-edit-due").fill("2030-02-01");
    await editor.getByTestId("action-item-edit-title").press("Enter");
    await expect(editor).toHaveCount(0);
    const editedRow = page.locator(`[data-testid="action-item"][data-id="${itemId}"]`);
    await expect(editedRow.getByTestId("action-item-title-text")).toHaveText(edited);
    await expect(editedRow.getByTestId("action-item-due-text")).toHaveText("2030-02-01");
    await expect(editedRow.getByTestId("action-item-edit")).toBeFocused();

    // A bad link in the editor: the server's message inline; Esc leaves the item as it was.
    await editedRow.getByTestId("action-item-edit").click();
    await editor.getByTestId("action-item-edit-link").fill("javascript:alert(1)");
    await editor.getByTestId("action-item-save").click();
    await expect(editor.getByTestId("action-item-edit-error")).toContainText("link: must be a path in Kanshi");
    await expect(editor.getByTestId("action-item-edit-link")).toHaveAttribute("aria-invalid", "true");
    await editor.getByTestId("action-item-edit-link").press("Escape");
    await expect(editor).toHaveCount(0);
    await expect(editedRow.getByTestId("action-item-link-open")).toHaveAttribute("href", "/findings?severity=CRITICAL");

    // Delete asks first.
    const doomed = `Temporary item ${stamp}`;
    await page.getByTestId("action-item-title").fill(doomed);
    await page.getByTestId("action-item-add").click();
    const doomedRow = page.locator('[data-testid="action-item"]').filter({ hasText: doomed });
    await doomedRow.getByTestId("action-item-delete").click();
    await expect(page.getByTestId("action-item-delete-dialog")).toContainText(doomed);
    await page.getByTestId("action-item-delete-confirm").click();
    await expect(doomedRow).toHaveCount(0);

    await page.reload();
    await expect(editedRow.getByTestId("action-item-title-text")).toHaveText(edited);
    await expect(editedRow.getByTestId("action-item-due-text")).toHaveText("2030-02-01");
    await expect(editedRow.getByTestId("action-item-link-open")).toHaveAttribute("href", "/findings?severity=CRITICAL");
    await expect(page.locator('[data-testid="action-item"]').filter({ hasText: doomed })).toHaveCount(0);
    // The PDF export (production build: Noto Sans JP resolved from its package) has the Japanese title as text.
    const pdf = await page.request.get(`/api/reviews/${id}/export?format=pdf`);
    expect(pdf.status()).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.body()) });
    expect((await parser.getText()).text).toContain(edited);
    await parser.destroy();
    // The owner's queue has the edited item.
    await page.goto("/review");
    await expect(page.locator(`[data-testid="my-action-item"][data-id="${itemId}"]`)).toContainText(edited);

    const viewer = await browser.newContext({ storageState: storageState("VIEWER") });
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/review/${id}`);
    const seen = viewerPage.locator(`[data-testid="action-item"][data-id="${itemId}"]`);
    await expect(seen.getByTestId("action-item-title-text")).toHaveText(edited);
    await expect(seen.getByTestId("action-item-link-open")).toBeVisible();
    await expect(viewerPage.getByTestId("action-item-edit")).toHaveCount(0);
    await expect(viewerPage.getByTestId("action-item-delete")).toHaveCount(0);
    await expect(seen.getByTestId("action-item-done")).toBeDisabled();
    expect((await viewerPage.request.patch(`/api/reviews/action-items/${itemId}`, { data: { title: "viewer" } })).status()).toBe(403);
    await viewer.close();
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
