import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { storageState } from "./support/auth";

// Settings → Notifications. The e2e server sets no KANSHI_NOTIFY_* variable: the page says which to set,
// and nothing can be sent. Sending, failures and retries against real endpoints are covered by
// server/notifications/notifications-admin.test.ts and notification-lease.test.ts.

/** The e2e server's database (scripts/e2e-server.mts): digests are only made by a configured worker, so the test stores one. */
function e2eDatabaseUrl(): string {
  const url = new URL(process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/kanshi_e2e";
  return url.toString();
}

test.describe("notifications settings", () => {
  test("an admin opens Settings → Notifications and is told which settings to set", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const page = await admin.newPage();
    await page.goto("/settings");
    await page.getByTestId("settings-notifications-link").click();
    await expect(page).toHaveURL(/\/settings\/notifications$/);
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const empty = page.getByTestId("notify-not-configured");
    await expect(empty).toBeVisible();
    for (const name of ["KANSHI_NOTIFY_WEBHOOK_URL", "KANSHI_NOTIFY_SMTP_URL", "KANSHI_NOTIFY_EMAIL_FROM", "KANSHI_NOTIFY_EMAIL_TO"]) await expect(empty).toContainText(name);
    await expect(empty).toContainText("README.md");
    // No channel: no test button and no channels card.
    await expect(page.getByTestId("notify-test")).toHaveCount(0);
    await expect(page.getByTestId("notify-settings")).toHaveCount(0);

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    // The API agrees: an empty list, a test message refused with the settings to set, bad parameters named.
    const list = await admin.request.get("/api/notifications");
    expect(list.status()).toBe(200);
    expect(await list.json()).toMatchObject({ items: [], nextCursor: null, counts: { failed: 0, retrying: 0 } });
    const testMessage = await admin.request.post("/api/notifications/test");
    expect(testMessage.status()).toBe(409);
    expect((await testMessage.json()) as unknown).toMatchObject({ error: { code: "CONFLICT", message: expect.stringContaining("KANSHI_NOTIFY_WEBHOOK_URL") } });
    const bad = await admin.request.get("/api/notifications?limit=0&failed=maybe");
    expect(bad.status()).toBe(400);
    const { error } = (await bad.json()) as { error: { message: string } };
    expect(error.message).toContain("limit");
    expect(error.message).toContain("failed");
    expect((await admin.request.post("/api/notifications/deliveries/cnotthere000000000000000/retry")).status()).toBe(404);

    // A digest from when a webhook was configured, its delivery failed: Retry now is disabled and says why.
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    const digestId = `e2e-digest-${Date.now()}`;
    const deliveryId = `e2e-delivery-${Date.now()}`;
    try {
      await client.query(
        `INSERT INTO notification_digests (id, "windowStart", "windowEnd", subject, text, html, blocks, "itemCount") VALUES ($1, now() - interval '1 hour', now(), '[Kanshi] 1 new CRITICAL finding', '', '', '[]', 1)`,
        [digestId],
      );
      await client.query(
        `INSERT INTO notification_deliveries (id, "digestId", channel, state, attempts, "lastError", "updatedAt") VALUES ($1, $2, 'webhook', 'FAILED', 5, 'webhook answered HTTP 500: down', now())`,
        [deliveryId, digestId],
      );
      await page.reload();
      const delivery = page.getByTestId("delivery");
      await expect(delivery).toHaveAttribute("data-status", "failed");
      await expect(delivery.getByTestId("delivery-retry")).toBeDisabled();
      await expect(delivery.getByTestId("delivery-retry-blocked")).toHaveText(
        "The Webhook channel is not configured any more: set KANSHI_NOTIFY_WEBHOOK_URL and restart Kanshi before retrying.",
      );
      await expect(delivery.getByRole("button", { name: "Retry the Webhook delivery now" })).toHaveAccessibleDescription(/KANSHI_NOTIFY_WEBHOOK_URL/);
      // The API says the same when asked anyway.
      const refused = await admin.request.post(`/api/notifications/deliveries/${deliveryId}/retry`);
      expect(refused.status()).toBe(409);
      expect(await refused.json()).toMatchObject({ error: { message: expect.stringContaining("KANSHI_NOTIFY_WEBHOOK_URL") } });
      const withList = await new AxeBuilder({ page }).analyze();
      expect(withList.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    } finally {
      await client.query(`DELETE FROM notification_digests WHERE id = $1`, [digestId]);
      await client.end();
    }
    await admin.close();
  });

  for (const role of ["ANALYST", "VIEWER"] as const) {
    test(`${role.toLowerCase()}: no link, 403 on the page and on every notifications API`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageState(role) });
      const page = await context.newPage();
      await page.goto("/settings");
      await expect(page.getByTestId("settings-admin-only")).toBeVisible();
      await expect(page.getByTestId("settings-notifications-link")).toHaveCount(0);
      expect((await page.goto("/settings/notifications"))?.status()).toBe(403);
      await expect(page.getByTestId("notify-not-configured")).toHaveCount(0);
      expect((await context.request.get("/api/notifications")).status()).toBe(403);
      expect((await context.request.post("/api/notifications/test")).status()).toBe(403);
      expect((await context.request.post("/api/notifications/deliveries/cnotthere000000000000000/retry")).status()).toBe(403);
      await context.close();
    });
  }
});
