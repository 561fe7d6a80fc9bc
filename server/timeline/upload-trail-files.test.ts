import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createTestUser } from "@/prisma/factories/user";
import { db } from "@/server/db";
import { getTimelineSettings, updateTimelineSettings } from "./retention";
import { uploadTrailFiles } from "./upload-trail-files";

// The upload use case behind POST /api/timeline/import and the retention setting, with their audit entries.
const account = String(200_000_000_000 + Math.floor(Math.random() * 700_000_000_000));

function trailFile(names: string[]): Buffer {
  const Records = names.map((eventName, n) => ({
    eventVersion: "1.09", eventID: randomUUID(), eventTime: new Date(Date.now() - 3_600_000 + n * 1000).toISOString(), eventName, eventSource: "iam.amazonaws.com",
    awsRegion: "us-east-1", recipientAccountId: account, sourceIPAddress: "203.0.113.5", userIdentity: { type: "Root", arn: `arn:aws:iam::${account}:root` },
  }));
  return gzipSync(JSON.stringify({ Records }));
}

async function actor() {
  const user = await createTestUser({ role: "ADMIN" });
  return { id: user.id, email: user.email, name: null, role: "ADMIN" as const, locale: null };
}

describe("trail file upload", () => {
  it("imports the readable files, names the corrupt one, and audits the result", async () => {
    const form = new FormData();
    form.append("files", new File([new Uint8Array(trailFile(["CreateUser", "CreateAccessKey"]))], "2026/11/01/good.json.gz"));
    form.append("files", new File([new Uint8Array(Buffer.from("\x1f\x8bnot gzip"))], "2026/11/01/corrupt.json.gz"));
    const user = await actor();
    const summary = await uploadTrailFiles(new Request("http://kanshi.test/api/timeline/import", { method: "POST", body: form }), { actor: user, ip: "10.0.0.1" });
    expect(summary.files.map((f) => [f.file, f.ok, f.inserted])).toEqual([["2026/11/01/good.json.gz", true, 2], ["2026/11/01/corrupt.json.gz", false, 0]]);
    const audit = await db.auditLog.findFirst({ where: { actorId: user.id, action: "timeline.import" } });
    expect(audit?.after).toMatchObject({ inserted: 2, files: [{ file: "2026/11/01/good.json.gz", ok: true }, { file: "2026/11/01/corrupt.json.gz", ok: false }] });
  });

  it("refuses a request without files or that is not multipart", async () => {
    const user = await actor();
    await expect(uploadTrailFiles(new Request("http://kanshi.test/x", { method: "POST", body: new FormData() }), { actor: user })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("files") });
    await expect(uploadTrailFiles(new Request("http://kanshi.test/x", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }), { actor: user })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("changes the retention with an audit entry", async () => {
    const user = await actor();
    const before = await getTimelineSettings();
    try {
      await updateTimelineSettings({ actor: user, retentionDays: 365 });
      expect(await getTimelineSettings()).toEqual({ retentionDays: 365 });
      const audit = await db.auditLog.findFirst({ where: { actorId: user.id, action: "timeline.settings.update" } });
      expect(audit?.after).toEqual({ retentionDays: 365 });
    } finally {
      await updateTimelineSettings({ actor: user, retentionDays: before.retentionDays });
    }
  });
});
