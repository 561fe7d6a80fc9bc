import { describe, expect, it } from "vitest";
import { asffFinding } from "@/prisma/factories/finding";
import { createTestUser } from "@/prisma/factories/user";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { startSimulator, type TSimulator } from "@/server/simulator";
import { clients, readAllFindings } from "@/server/simulator/test-helpers";
import { importAsff, parseAsffFile, readJsonUpload, uploadFileName, validateAsff } from "./import-asff";

const newAccount = () => String(300000000000 + Math.floor(Math.random() * 699999999999)).slice(0, 12);
const findingsOf = (account: string, n: number, overrides: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => asffFinding({ AwsAccountId: account, Title: `Imported finding ${i}`, ...overrides(i) }));

async function actor() {
  const user = await createTestUser({ role: "ANALYST" });
  return { id: user.id, email: user.email };
}

async function rejection(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const upload = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/findings/import", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("importAsff (PostgreSQL)", () => {
  it("imports `aws securityhub get-findings` output, then reports a re-import as unchanged and changed findings as updated", async () => {
    const account = newAccount();
    const user = await actor();
    const items = findingsOf(account, 30);
    const file = JSON.stringify({ Findings: items, NextToken: "more-pages-exist" });

    expect(await importAsff({ text: file, fileName: "findings.json", actor: user })).toEqual({ imported: 30, inserted: 30, updated: 0, unchanged: 0 });
    const stored = await db.finding.findMany({ where: { awsAccountId: account } });
    expect(stored).toHaveLength(30);
    expect(stored[0]).toMatchObject({ source: "SECURITY_HUB", inSecurityHub: true, controlId: "S3.1", severity: "HIGH" });

    expect(await importAsff({ text: file, actor: user })).toEqual({ imported: 30, inserted: 0, updated: 0, unchanged: 30 });

    // Five findings changed in AWS since; one finding twice in the file (its newest version wins).
    const changed = items.map((f, i) => (i < 5 ? { ...f, UpdatedAt: "2026-10-09T00:00:00.000Z", Severity: { Label: "CRITICAL" } } : f));
    const again = JSON.stringify([...changed, { ...items[0], UpdatedAt: "2026-10-08T00:00:00.000Z" }]);
    expect(await importAsff({ text: again, actor: user })).toEqual({ imported: 31, inserted: 0, updated: 5, unchanged: 26 });
    expect(await db.finding.count({ where: { awsAccountId: account, severity: "CRITICAL" } })).toBe(5);

    const audit = await db.auditLog.findMany({ where: { actorId: user.id, action: "finding.import" }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorEmail: user.email, after: { fileName: "findings.json", imported: 30, inserted: 30, updated: 0, unchanged: 0 } });
    expect(audit[2]!.after).toMatchObject({ fileName: null, updated: 5 });
  });

  it("imports a plain array larger than one chunk in one transaction, keeping local triage state", async () => {
    const account = newAccount();
    const user = await actor();
    const items = findingsOf(account, 2_345, (i) => ({ Severity: { Label: i % 3 ? "MEDIUM" : "LOW" } }));
    expect(await importAsff({ text: JSON.stringify(items), actor: user })).toEqual({ imported: 2_345, inserted: 2_345, updated: 0, unchanged: 0 });

    const one = await db.finding.findFirstOrThrow({ where: { awsAccountId: account } });
    await db.finding.update({ where: { id: one.id }, data: { ownerId: user.id, note: "looking into it" } });
    const newer = items.map((f) => ({ ...f, UpdatedAt: "2026-10-10T00:00:00.000Z", Workflow: { Status: "NOTIFIED" } }));
    expect(await importAsff({ text: JSON.stringify(newer), actor: user })).toEqual({ imported: 2_345, inserted: 0, updated: 2_345, unchanged: 0 });
    expect(await db.finding.findUniqueOrThrow({ where: { id: one.id } })).toMatchObject({ workflowStatus: "NOTIFIED", ownerId: user.id, note: "looking into it" });
  });

  it("imports findings rendered by the simulator (GuardDuty copies included) through the real SDK", async () => {
    let sim: TSimulator | undefined;
    try {
      sim = await startSimulator({ seed: 7, scale: 300 });
      const { findings } = await readAllFindings(clients(sim).securityHub);
      // The CLI prints the SDK's objects as JSON: dates as ISO strings.
      const file = JSON.stringify({ Findings: findings });
      const user = await actor();
      // The simulator's findings may already be in this shared database from another test: count both ways.
      const result = await importAsff({ text: file, fileName: "sim.json", actor: user });
      expect(result.imported).toBe(findings.length);
      expect(result.inserted + result.updated + result.unchanged).toBe(findings.length);
      const again = await importAsff({ text: file, actor: user });
      expect(again).toEqual({ imported: findings.length, inserted: 0, updated: 0, unchanged: findings.length });
      const guardDutyCopies = findings.filter((f) => f.ProductArn?.endsWith(":product/aws/guardduty")).length;
      expect(guardDutyCopies).toBeGreaterThan(0);
      expect(await db.finding.count({ where: { externalId: { in: findings.map((f) => f.Id!) }, source: "GUARDDUTY" } })).toBe(guardDutyCopies);
    } finally {
      await sim?.close();
    }
  });

  it("stores nothing when findings are invalid, and names each problem with its index and Id", async () => {
    const account = newAccount();
    const user = await actor();
    const items: unknown[] = findingsOf(account, 50);
    const badTitle = { ...(items[7] as { Id: string }), Title: "" };
    const { AwsAccountId: _dropped, ...noAccount } = items[31] as Record<string, unknown>;
    items[7] = badTitle;
    items[31] = { ...noAccount, AwsAccountId: "12345" };
    const error = await rejection(importAsff({ text: JSON.stringify({ Findings: items }), actor: user }));
    expect(error.code).toBe("BAD_REQUEST");
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("2 of 50 findings are not valid ASFF; nothing was imported.");
    expect(lines[1]).toMatch(new RegExp(`^finding #7 \\(${badTitle.Id.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\): Title `));
    expect(lines[2]).toMatch(/^finding #31 \(arn:aws:securityhub:.*\): AwsAccountId must be a 12-digit account id$/);
    expect(await db.finding.count({ where: { awsAccountId: account } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: user.id } })).toBe(0);
  });

  it("lists at most ten problems but counts them all", () => {
    const items = [...findingsOf(newAccount(), 5), ...Array.from({ length: 12 }, (_, i) => ({ Id: `bad-${i}` })), null];
    const error = (() => {
      try {
        validateAsff(items);
      } catch (e) {
        return e as AppError;
      }
      throw new Error("expected a failure");
    })();
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("13 of 18 findings are not valid ASFF; nothing was imported. The first 10:");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(/^finding #5 \(bad-0\): /);
  });
});

describe("parseAsffFile", () => {
  it.each([
    ["", /The file is empty/],
    ["{\"Findings\": [", /^The file is not valid JSON: /],
    ["not json at all", /^The file is not valid JSON: /],
    ["{\"Findings\": []}", /^The file holds no findings\.$/],
    ["[]", /^The file holds no findings\.$/],
    ["{\"Findings\": {\"Id\": 1}}", /got "Findings" as an object with the keys "Id" instead of an array\.$/],
    ["{\"findings\": [], \"NextToken\": null}", /got an object with the keys "findings", "NextToken"\.$/],
    ["42", /got a number\.$/],
    ["null", /got null\.$/],
  ])("rejects %j", (text, message) => {
    const error = (() => {
      try {
        parseAsffFile(text);
      } catch (e) {
        return e as AppError;
      }
      throw new Error("expected a failure");
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it("rejects more than 100,000 findings", () => {
    expect(() => parseAsffFile(JSON.stringify(new Array(100_001).fill(0)))).toThrow(/holds 100,001 findings; at most 100,000/);
  });
});

describe("readJsonUpload", () => {
  it("reads a JSON body and drops a byte order mark", async () => {
    expect(await readJsonUpload(upload("\uFEFF[1]"))).toEqual({ ok: true, text: "[1]" });
    expect(await readJsonUpload(upload("[1]", { "content-type": "application/json; charset=utf-8" }))).toEqual({ ok: true, text: "[1]" });
  });

  it("answers 413 above the limit, by declared length or by the bytes received", async () => {
    const declared = await readJsonUpload(upload("[1]", { "content-type": "application/json", "content-length": String(60 * 1024 * 1024) }));
    expect(declared).toMatchObject({ ok: false, status: 413, message: expect.stringMatching(/^The file is 60\.0 MB; at most 50 MB/) });
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(1024).fill(32));
        controller.close();
      },
    });
    expect(await readJsonUpload(upload(streamed), 3 * 1024)).toMatchObject({ ok: false, status: 413 });
  });

  it("answers 415 for another content type, 400 for an empty body or bytes that are not UTF-8", async () => {
    expect(await readJsonUpload(upload("[1]", { "content-type": "text/plain" }))).toMatchObject({ ok: false, status: 415 });
    expect((await rejection(readJsonUpload(upload(null)))).message).toMatch(/The file is empty/);
    expect((await rejection(readJsonUpload(upload(new Uint8Array([0x5b, 0xff, 0x5d]))))).message).toMatch(/not UTF-8/);
  });

  it("reads the file name from x-file-name (URI-encoded)", () => {
    expect(uploadFileName(new Headers({ "x-file-name": encodeURIComponent("検出結果 2026.json") }))).toBe("検出結果 2026.json");
    expect(uploadFileName(new Headers({ "x-file-name": "%E0%A4%A" }))).toBe("%E0%A4%A");
    expect(uploadFileName(new Headers())).toBeNull();
  });
});
