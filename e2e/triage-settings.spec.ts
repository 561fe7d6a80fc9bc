import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageState } from "./support/auth";

// SLA policy, suppression rules and ASFF import, in the browser.

async function someFinding(request: APIRequestContext, query: string): Promise<{ id: string; resourceId: string }> {
  let found: { id: string; resourceId: string } | undefined;
  await expect
    .poll(async () => {
      const response = await request.get(`/api/findings?${query}`);
      const items = response.ok() ? ((await response.json()) as { items: { id: string; resourceId: string | null }[] }).items : [];
      found = items.find((i): i is { id: string; resourceId: string } => Boolean(i.resourceId && i.resourceId.length > 8));
      return Boolean(found);
    }, { timeout: 90_000, intervals: [1000, 2000, 3000] })
    .toBe(true);
  return found!;
}

function asff(overrides: Record<string, unknown> = {}) {
  const id = `arn:aws:securityhub:us-east-1:999988887777:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.8/finding/${randomUUID()}`;
  return {
    SchemaVersion: "2018-10-08", Id: id, ProductArn: "arn:aws:securityhub:us-east-1::product/aws/securityhub", ProductName: "Security Hub",
    GeneratorId: "security-control/S3.8", AwsAccountId: "999988887777", Region: "us-east-1",
    CreatedAt: "2026-11-01T00:00:00.000Z", UpdatedAt: "2026-11-02T00:00:00.000Z",
    Severity: { Label: "HIGH" }, Title: "S3 general purpose buckets should block public access (imported)",
    Compliance: { Status: "FAILED", SecurityControlId: "S3.8" }, Workflow: { Status: "NEW" }, RecordState: "ACTIVE",
    Resources: [{ Type: "AwsS3Bucket", Id: `arn:aws:s3:::imported-${randomUUID().slice(0, 8)}` }],
    ...overrides,
  };
}

test.describe("triage settings and import", () => {
  test.use({ storageState: storageState("ANALYST") });

  test("an admin changes the SLA days; due dates follow; a viewer cannot change them", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageState("ADMIN") });
    const page = await admin.newPage();
    await page.goto("/settings/sla");
    const due = async (id?: string) => {
      const items = ((await (await admin.request.get("/api/findings?severity=CRITICAL&status=all&limit=20")).json()) as { items: { id: string; dueAt: string }[] }).items;
      return id ? items.find((i) => i.id === id) : items[0];
    };
    const first = (await due())!;
    const critical = page.getByTestId("sla-input-critical");
    await expect(critical).toHaveValue("7");
    await critical.fill("8");
    await page.getByTestId("sla-save").click();
    await expect.poll(async () => ((await (await admin.request.get("/api/settings/sla")).json()) as { critical: number }).critical).toBe(8);
    // The same finding is due a day later.
    expect(Date.parse((await due(first.id))!.dueAt) - Date.parse(first.dueAt)).toBe(86_400_000);
    // Back to the default, so other tests see the usual due dates.
    await critical.fill("7");
    await page.getByTestId("sla-save").click();
    await expect.poll(async () => ((await (await admin.request.get("/api/settings/sla")).json()) as { critical: number }).critical).toBe(7);

    const viewer = await browser.newContext({ storageState: storageState("VIEWER") });
    const denied = await viewer.request.put("/api/settings/sla", { data: { critical: 1, high: 1, medium: 1, low: 1 } });
    expect(denied.status()).toBe(403);
    await Promise.all([admin.close(), viewer.close()]);
  });

  test("an analyst creates a suppression rule by resource pattern: it suppresses the finding; deleting it brings it back", async ({ page }) => {
    test.setTimeout(120_000);
    const target = await someFinding(page.request, "severity=LOW&sort=age&dir=desc&limit=50");
    const name = `e2e rule ${randomUUID().slice(0, 6)}`;
    await page.goto("/settings/suppression-rules");
    await page.getByTestId("rule-create").click();
    await page.getByTestId("rule-name").fill(name);
    await page.getByTestId("rule-reason").fill("Sandbox resource, accepted risk");
    await page.getByTestId("rule-pattern").fill(target.resourceId);
    await page.getByTestId("rule-save").click();
    const row = page.locator(`[data-testid="rule-row"][data-name="${name}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId("rule-covers")).not.toHaveAttribute("data-count", "0");
    const detail = async () => (await (await page.request.get(`/api/findings/${target.id}`)).json()) as { workflowStatus: string; suppressionRule: { name: string } | null };
    expect(await detail()).toMatchObject({ workflowStatus: "SUPPRESSED", suppressionRule: { name } });

    await row.getByTestId("rule-delete").click();
    await page.getByTestId("rule-delete-confirm").click();
    await expect(row).toHaveCount(0);
    expect((await detail()).workflowStatus).toBe("NEW");
  });

  test("ASFF import: a valid file is stored and counted; a file with a bad finding is refused with the problem listed", async ({ page }) => {
    await page.goto("/findings");
    await page.getByTestId("import-button").click();
    const good = { Findings: [asff(), asff()] };
    await page.getByTestId("import-file-input").setInputFiles({ name: "findings.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-result")).toContainText("2");
    const list = await page.request.get(`/api/findings?account=999988887777&severity=all&status=all`);
    const ids = ((await list.json()) as { items: { externalId: string }[] }).items.map((i) => i.externalId);
    expect(ids).toEqual(expect.arrayContaining(good.Findings.map((f) => f.Id)));

    await page.keyboard.press("Escape");
    await page.getByTestId("import-button").click();
    const bad = [asff(), asff({ AwsAccountId: "12345", Title: "" })];
    await page.getByTestId("import-file-input").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-error")).toContainText("#1");
    const after = await page.request.get(`/api/findings?account=999988887777&severity=all&status=all&q=${encodeURIComponent(bad[0]!.Id)}`);
    expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(0);
  });
});
