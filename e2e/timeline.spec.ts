import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageState } from "./support/auth";

// The CloudTrail timeline: the demo's events are read once through the ingest API (as an analyst), then a
// sensitive-event preset is opened, narrowed by account, an event opened, its finding followed and Back
// returns to the same view. The viewer reads only.

type TEvent = { id: string; name: string; accountId: string };
type TDetail = TEvent & { findings: { id: string }[]; raw: Record<string, unknown> };
type TStatus = { running: boolean; totals: { events: number; scopes: number } };

const DAY_MS = 86_400_000;
/** Presets whose events the simulator ties to demo findings, in the order tried. */
const CANDIDATE_PRESETS = ["trail-tampering", "s3-public-exposure", "iam-credentials", "kms-key-disable", "open-ingress", "security-services-disabled", "console-signin-risk", "root-activity"];

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** Reads the demo's CloudTrail events once (the start-up sync must have listed the accounts first). */
async function ensureEvents(request: APIRequestContext) {
  await expect.poll(async () => (await json<{ accounts: unknown[] }>(request, "/api/findings/facets")).accounts.length, { timeout: 60_000 }).toBeGreaterThan(0);
  let status = await json<TStatus>(request, "/api/timeline/ingest");
  if (status.totals.events > 0 && !status.running) return;
  for (let attempt = 0; attempt < 3 && status.totals.events === 0; attempt++) {
    if (!status.running) {
      const started = await request.post("/api/timeline/ingest", { data: { mode: "backfill" } });
      expect([202, 409], await started.text()).toContain(started.status());
    }
    await expect.poll(async () => (status = await json<TStatus>(request, "/api/timeline/ingest")).running, { timeout: 150_000, intervals: [1_000] }).toBe(false);
  }
  expect(status.totals.events, "the ingest stored no events").toBeGreaterThan(0);
}

/** A preset with an event that has a related finding: the e2e pivot needs one. */
async function presetEventWithFinding(request: APIRequestContext, from: string): Promise<{ preset: string; event: TDetail } | null> {
  for (const preset of CANDIDATE_PRESETS) {
    const page = await json<{ items: TEvent[] }>(request, `/api/timeline/events?preset=${preset}&from=${encodeURIComponent(from)}&limit=200`);
    for (const item of page.items.slice(0, 40)) {
      const detail = await json<TDetail>(request, `/api/timeline/events/${encodeURIComponent(item.id)}`);
      if (detail.findings.length > 0) return { preset, event: detail };
    }
  }
  return null;
}

test.describe("timeline", () => {
  test.describe.configure({ timeout: 240_000 });

  test.describe("analyst", () => {
    test.use({ storageState: storageState("ANALYST") });

    test("a preset narrowed by account, an event with its raw JSON, its finding and back", async ({ page }) => {
      await ensureEvents(page.request);
      const from = new Date(Date.now() - 89 * DAY_MS).toISOString();
      const found = await presetEventWithFinding(page.request, from);
      expect(found, "no event of any preset has a finding on its resources (the simulator ties story events to demo findings)").not.toBeNull();
      const { preset, event } = found!;
      const presets = (await json<{ items: { id: string; eventNames: string[] }[] }>(page.request, "/api/timeline/presets")).items;
      const names = presets.find((p) => p.id === preset)?.eventNames ?? [];

      await page.goto("/timeline?range=90d");
      await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
      await expect(page.getByTestId("ingest-sync")).toBeVisible();
      await expect(page.getByTestId("event-row").first()).toBeVisible();
      await expect(page.getByTestId("histogram")).toHaveAttribute("data-total", /^[1-9]\d*$/);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

      // The preset: URL and rows.
      await page.locator(`[data-testid="preset"][data-id="${preset}"]`).click();
      await expect(page).toHaveURL(new RegExp(`[?&]preset=${preset}(&|$)`));
      await expect(page.locator(`[data-testid="preset"][data-id="${preset}"]`)).toHaveAttribute("aria-pressed", "true");
      const rows = page.getByTestId("event-row");
      await expect(rows.first()).toBeVisible();
      const count = page.getByTestId("result-count");
      await expect(count).toHaveAttribute("data-count", /^[1-9]\d*$/);
      const before = Number(await count.getAttribute("data-count"));
      if (names.length > 0) {
        for (const name of await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-name")))) expect(names).toContain(name);
      }

      // Narrow by the event's account.
      await page.getByTestId("filter-add").click();
      await page.getByTestId("filter-add-account").click();
      const editor = page.getByTestId("filter-editor");
      await expect(editor).toHaveAttribute("data-field", "account");
      await editor.locator(`[data-testid="filter-option"][data-value="${event.accountId}"] input`).check();
      await editor.getByTestId("filter-apply").click();
      await expect(page).toHaveURL(new RegExp(`[?&]account=${event.accountId}(&|$)`));
      await expect(page).toHaveURL(new RegExp(`[?&]preset=${preset}(&|$)`));
      await expect(page.locator('[data-testid="filter-chip"][data-field="account"]')).toBeVisible();
      await expect(rows.first()).toHaveAttribute("data-account", event.accountId);
      await expect(count).toHaveAttribute("data-count", /^\d+$/);
      await expect.poll(async () => Number(await count.getAttribute("data-count"))).toBeLessThanOrEqual(before);
      for (const account of await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-account")))) expect(account).toBe(event.accountId);

      // Open the event: drawer with every field and the raw record.
      const row = page.locator(`[data-testid="event-row"][data-id="${event.id}"]`);
      await row.scrollIntoViewIfNeeded();
      await row.click();
      await expect(page).toHaveURL(new RegExp(`[?&]event=${encodeURIComponent(event.id)}(&|$)`));
      const drawer = page.getByTestId("event-drawer");
      await expect(drawer).toHaveAttribute("data-id", event.id);
      await expect(drawer.getByTestId("raw-json")).toContainText(`"eventID": "${event.id}"`);
      await expect(drawer.locator('[data-testid="event-field"][data-field="account"]')).toContainText(event.accountId);
      await expect(drawer.getByTestId("pivot-principal")).toHaveAttribute("href", /^\/timeline\?principal=/);
      const axeDrawer = await new AxeBuilder({ page }).analyze();
      expect(axeDrawer.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
      const timelineUrl = page.url();

      // Pivot to the finding, see its way back to the timeline, then Back.
      const findingId = event.findings[0]!.id;
      await drawer.locator(`[data-testid="event-finding"][data-id="${findingId}"]`).click();
      await expect(page).toHaveURL(new RegExp(`/findings/${encodeURIComponent(findingId)}$`));
      await expect(page.getByTestId("finding-page")).toBeVisible();
      await page.getByTestId("drawer-tab-events").click();
      await expect(page.getByTestId("events-link")).toHaveAttribute("href", /^\/timeline\?resource=.+&from=.+&to=/);

      await page.goBack();
      await expect(page).toHaveURL(timelineUrl);
      await expect(page.getByTestId("event-drawer")).toHaveAttribute("data-id", event.id);
      await expect(page.locator('[data-testid="filter-chip"][data-field="account"]')).toBeVisible();
      await expect(page.locator(`[data-testid="preset"][data-id="${preset}"]`)).toHaveAttribute("aria-pressed", "true");
      await expect(rows.first()).toHaveAttribute("data-account", event.accountId);

      // Esc closes the drawer; the filters stay.
      await page.keyboard.press("Escape");
      await expect(page.getByTestId("event-drawer")).toHaveCount(0);
      await expect(page).toHaveURL(new RegExp(`[?&]account=${event.accountId}(&|$)`));
      await expect(page).not.toHaveURL(/[?&]event=/);
    });

    test("a GuardDuty IAM finding offers the events by its principal as well as around its resource", async ({ page }) => {
      const found = await json<{ items: { id: string; awsAccountId: string }[] }>(page.request, "/api/findings?status=all&resourceType=AwsIamAccessKey&limit=5");
      expect(found.items.length, "a demo GuardDuty finding on an access key").toBeGreaterThan(0);
      const finding = found.items[0]!;
      await page.goto(`/findings/${encodeURIComponent(finding.id)}`);
      await page.getByTestId("drawer-tab-events").click();
      await expect(page.getByTestId("events-link")).toHaveAttribute("href", /^\/timeline\?resource=AWS%3A%3AIAM%3A%3AAccessKey%3A/);
      const byPrincipal = page.getByTestId("events-principal-link");
      await expect(byPrincipal).toHaveAttribute("href", new RegExp(`^/timeline\\?principal=[^&]+&account=${finding.awsAccountId}&from=.+&to=`));
      await byPrincipal.click();
      await expect(page).toHaveURL(/\/timeline\?principal=/);
      await expect(page.locator('[data-testid="filter-chip"][data-field="principal"]')).toBeVisible();
      await expect(page.locator('[data-testid="filter-chip"][data-field="account"]')).toContainText(finding.awsAccountId);
      await expect(page.getByTestId("event-list").or(page.getByTestId("empty-state"))).toBeVisible();
      await expect(page.getByTestId("range-custom")).toHaveAttribute("aria-pressed", "true");
    });

    test("a bad source IP is refused in the editor, and the server's message is shown for one in the URL", async ({ page }) => {
      await page.goto("/timeline");
      await page.getByTestId("filter-add").click();
      await page.getByTestId("filter-add-sourceIp").click();
      await page.getByTestId("filter-input").fill("10.0.0.0/99");
      await page.getByTestId("filter-apply").click();
      await expect(page.getByTestId("filter-invalid")).toContainText("CIDR");
      await expect(page).not.toHaveURL(/sourceIp=/);
      await page.getByTestId("filter-input").fill("10.0.0.0/8");
      await page.getByTestId("filter-apply").click();
      await expect(page).toHaveURL(/[?&]sourceIp=10\.0\.0\.0%2F8|[?&]sourceIp=10\.0\.0\.0\/8/);
      await expect(page.locator('[data-testid="filter-chip"][data-field="sourceIp"]')).toContainText("10.0.0.0/8");

      await page.goto("/timeline?sourceIp=300.1.2.3");
      await expect(page.getByTestId("list-error")).toBeVisible();
      await expect(page.getByTestId("list-error-message")).toContainText("sourceIp");
      await page.getByTestId("list-reset").click();
      await expect(page).not.toHaveURL(/sourceIp=/);
      await expect(page.getByTestId("list-error")).toHaveCount(0);
    });
  });

  test.describe("admin", () => {
    test.use({ storageState: storageState("ADMIN") });

    test("uploaded trail files: a corrupt one is reported by name; an imported event pivots to its finding and back", async ({ page }) => {
      // A finding on an ARN, and a StopLogging call on that resource by a user only this test uses.
      const findings = await json<{ items: { id: string; resourceId: string | null; awsAccountId: string }[] }>(page.request, "/api/findings?status=all&limit=200");
      const finding = findings.items.find((item) => item.resourceId?.startsWith("arn:aws:"));
      expect(finding, "a demo finding on an ARN").toBeDefined();
      const user = `e2e-upload-${Date.now()}`;
      const eventId = randomUUID();
      const record = {
        eventVersion: "1.09",
        eventID: eventId,
        eventTime: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        eventName: "StopLogging",
        eventSource: "cloudtrail.amazonaws.com",
        awsRegion: "us-east-1",
        recipientAccountId: finding!.awsAccountId,
        userIdentity: { type: "IAMUser", arn: `arn:aws:iam::${finding!.awsAccountId}:user/${user}`, accountId: finding!.awsAccountId, accessKeyId: "AKIAE2EUPLOAD0000001", userName: user },
        sourceIPAddress: "203.0.113.77",
        userAgent: "aws-cli/2.15.30",
        readOnly: false,
        requestParameters: { name: finding!.resourceId },
        resources: [{ ARN: finding!.resourceId, accountId: finding!.awsAccountId }],
        eventType: "AwsApiCall",
        managementEvent: true,
      };

      await page.goto("/timeline");
      await page.getByTestId("trail-upload").click();
      const dialog = page.getByTestId("upload-dialog");
      await expect(dialog).toBeVisible();
      await dialog.getByTestId("upload-input").setInputFiles([
        { name: `${user}.json.gz`, mimeType: "application/gzip", buffer: gzipSync(Buffer.from(JSON.stringify({ Records: [record] }))) },
        { name: `${user}-corrupt.json.gz`, mimeType: "application/gzip", buffer: Buffer.from("this is not gzip") },
      ]);
      await dialog.getByTestId("upload-submit").click();
      await expect(dialog.getByTestId("upload-result")).toHaveAttribute("data-failed", "1");
      await expect(dialog.locator(`[data-testid="upload-file"][data-file="${user}-corrupt.json.gz"]`)).toHaveAttribute("data-ok", "false");
      await expect(dialog.locator(`[data-testid="upload-file"][data-file="${user}.json.gz"]`)).toHaveAttribute("data-ok", "true");
      await page.keyboard.press("Escape");
      await expect(dialog).not.toBeVisible();

      await page.goto(`/timeline?preset=trail-tampering&range=24h`);
      await page.getByTestId("filter-add").click();
      await page.getByTestId("filter-add-principal").click();
      await page.getByTestId("filter-input").fill(user);
      await page.getByTestId("filter-apply").click();
      await expect(page).toHaveURL(new RegExp(`[?&]principal=${user}(&|$)`));
      const row = page.locator(`[data-testid="event-row"][data-id="${eventId}"]`);
      await expect(page.getByTestId("event-row")).toHaveCount(1);
      await row.click();
      const drawer = page.getByTestId("event-drawer");
      await expect(drawer.getByTestId("raw-json")).toContainText(`"eventID": "${eventId}"`);
      await expect(drawer.locator('[data-testid="event-field"][data-field="origin"]')).toContainText("Imported trail file");
      const timelineUrl = page.url();
      await drawer.locator(`[data-testid="event-finding"][data-id="${finding!.id}"]`).click();
      await expect(page).toHaveURL(new RegExp(`/findings/${encodeURIComponent(finding!.id)}$`));
      await expect(page.getByTestId("finding-page")).toBeVisible();
      await page.goBack();
      await expect(page).toHaveURL(timelineUrl);
      await expect(page.getByTestId("event-drawer")).toHaveAttribute("data-id", eventId);
      await expect(page.locator('[data-testid="filter-chip"][data-field="principal"]')).toContainText(user);
    });
  });

  test.describe("viewer", () => {
    test.use({ storageState: storageState("VIEWER") });

    test("the viewer reads the timeline without Sync, Backfill or Upload", async ({ page }) => {
      await page.goto("/timeline?range=90d");
      await expect(page.getByTestId("ingest-panel")).toBeVisible();
      await expect(page.getByTestId("preset")).toHaveCount(9);
      await expect(page.getByTestId("ingest-sync")).toHaveCount(0);
      await expect(page.getByTestId("ingest-backfill")).toHaveCount(0);
      await expect(page.getByTestId("trail-upload")).toHaveCount(0);
      await expect(page.getByTestId("retention-open")).toHaveCount(0);
      const refused = await page.request.post("/api/timeline/ingest", { data: { mode: "sync" } });
      expect(refused.status()).toBe(403);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    });
  });
});
