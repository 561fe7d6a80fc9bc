import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageState } from "./support/auth";
import { setFaults, simCalls } from "./support/sim";

// Write-back failures and suppression expiry, end to end: the console, its worker and the simulator.

type TItem = { id: string; externalId: string; source: string; writeBack: string; resourceId: string | null };

async function openFindings(request: APIRequestContext, query: string): Promise<TItem[]> {
  let items: TItem[] = [];
  await expect
    .poll(async () => {
      const response = await request.get(`/api/findings?${query}`);
      items = response.ok() ? ((await response.json()) as { items: TItem[] }).items : [];
      return items.length;
    }, { timeout: 90_000, intervals: [1000, 2000, 3000] })
    .toBeGreaterThan(10);
  return items;
}

test.describe("write-back and suppression expiry", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("a write-back AWS refuses shows failed with its error; after the fault clears, Retry syncs it", async ({ page }) => {
    test.setTimeout(150_000);
    // A finding of its own (sorted by age, from the middle of a page): other tests use the top of the queue.
    const items = await openFindings(page.request, "severity=HIGH&sort=age&dir=asc&limit=40");
    const target = items.filter((i) => i.source === "SECURITY_HUB" && i.writeBack === "NONE")[5]!;
    await setFaults({ unprocessedIds: [target.externalId] });
    try {
      const before = (await simCalls())["SecurityHub.BatchUpdateFindings"] ?? 0;
      const response = await page.request.post("/api/findings/actions", {
        data: { action: "status", status: "NOTIFIED", note: "Ticket SEC-7 opened", target: { ids: [target.id] } },
      });
      expect(response.status()).toBe(200);

      await page.goto(`/findings?status=all&finding=${target.id}`);
      const drawer = page.getByTestId("drawer");
      const state = drawer.getByTestId("write-back-state");
      await expect(state).toHaveAttribute("data-state", "FAILED", { timeout: 60_000 });
      await expect(state).toContainText(/InternalFailure/);
      // The simulator received the call (and refused this finding).
      expect((await simCalls())["SecurityHub.BatchUpdateFindings"] ?? 0).toBeGreaterThan(before);
      // The local decision stands while AWS refuses it.
      await expect(drawer.getByTestId("finding-detail")).toHaveAttribute("data-status", "NOTIFIED");

      await setFaults({ unprocessedIds: [] });
      await drawer.getByTestId("action-retry").click();
      await expect(state).toHaveAttribute("data-state", "SYNCED", { timeout: 60_000 });
    } finally {
      await setFaults({ unprocessedIds: [] });
    }
  });

  test("an expired suppression brings the finding back to the queue, marked", async ({ page, browser }) => {
    test.setTimeout(150_000);
    const items = await openFindings(page.request, "severity=HIGH&sort=age&dir=desc&limit=40");
    const target = items.filter((i) => i.writeBack === "NONE")[7]!;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const suppressed = await page.request.post("/api/findings/actions", {
      data: { action: "suppress", reason: "Accepted while the vendor patches", until: tomorrow, target: { ids: [target.id] } },
    });
    expect(suppressed.status()).toBe(200);
    const inQueue = async () => {
      const response = await page.request.get(`/api/findings?severity=HIGH&limit=200&q=${encodeURIComponent(target.externalId)}`);
      return ((await response.json()) as { items: TItem[] }).items.some((i) => i.id === target.id);
    };
    expect(await inQueue()).toBe(false);

    // The application clock moves three days on (demo mode): the admin runs the expiry as of then.
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const expired = await admin.request.post("/api/findings/suppressions/expire", { data: { asOf: new Date(Date.now() + 3 * 86_400_000).toISOString() } });
    expect(expired.status()).toBe(200);
    expect(((await expired.json()) as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    await admin.close();

    expect(await inQueue()).toBe(true);
    await page.goto(`/findings?severity=HIGH&suppressionExpired=true&q=${encodeURIComponent(target.externalId)}`);
    const row = page.locator(`[data-testid="finding-row"][data-id="${target.id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute("data-status", "NEW");
    await expect(row.getByTestId("suppression-expired")).toBeVisible();
  });
});
