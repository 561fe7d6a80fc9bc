import { describe, expect, it } from "vitest";
import { asffFinding } from "@/prisma/factories/finding";
import { createTestUser } from "@/prisma/factories/user";
import { db } from "@/server/db";
import { importAsff } from "@/server/findings/import-asff";
import { createChecklist } from "./edit-checklists";
import { FINDINGS_HREF, findingsFeedStatus } from "./feeds";
import { listChecklists } from "./checklists";

const NOW = new Date("2026-11-27T12:00:00.000Z");
const newAccount = () => String(400000000000 + Math.floor(Math.random() * 599999999999)).slice(0, 12);

/** Imports findings into a fresh account, then sets their triage columns as the test needs. */
async function seed(account: string, rows: { severity: string; status?: "NEW" | "NOTIFIED" | "RESOLVED" | "SUPPRESSED"; archived?: boolean; dueAt?: Date | null; owned?: boolean }[]) {
  const actor = await createTestUser();
  const items = rows.map((row, i) => asffFinding({ AwsAccountId: account, Title: `Feed ${i}`, Severity: { Label: row.severity }, RecordState: row.archived ? "ARCHIVED" : "ACTIVE" }));
  await importAsff({ text: JSON.stringify(items), actor });
  for (const [i, row] of rows.entries()) {
    await db.finding.update({
      where: { externalId: items[i]!.Id },
      data: { workflowStatus: row.status ?? "NEW", dueAt: row.dueAt ?? null, ownerId: row.owned ? actor.id : null },
    });
  }
}

describe("findings feed", () => {
  it("counts open CRITICAL/HIGH findings, those past their SLA and CRITICAL ones without an owner", async () => {
    const account = newAccount();
    const past = new Date(NOW.getTime() - 86_400_000);
    const future = new Date(NOW.getTime() + 86_400_000);
    expect(await findingsFeedStatus({ now: NOW, accounts: [account] })).toMatchObject({ counts: { open: 0, pastSla: 0, criticalUnowned: 0 } });
    await seed(account, [
      { severity: "CRITICAL", dueAt: past }, // open, past SLA, unowned
      { severity: "CRITICAL", dueAt: future, owned: true }, // open
      { severity: "HIGH", dueAt: past, owned: true, status: "NOTIFIED" }, // open, past SLA
      { severity: "HIGH", dueAt: future }, // open (an unowned HIGH is not counted as unowned)
      { severity: "CRITICAL", dueAt: past, status: "RESOLVED" }, // closed: not counted
      { severity: "CRITICAL", dueAt: past, status: "SUPPRESSED" }, // closed
      { severity: "HIGH", dueAt: past, archived: true }, // archived record
      { severity: "MEDIUM", dueAt: past }, // other severity
    ]);
    const status = await findingsFeedStatus({ now: NOW, accounts: [account] });
    expect(status).toMatchObject({ source: "findings", ok: false, counts: { open: 4, pastSla: 2, criticalUnowned: 1 }, href: FINDINGS_HREF.pastSla });
    expect(status.href).toBe("/findings?severity=CRITICAL,HIGH&sla=overdue");

    // Owned and within the SLA: nothing needs attention.
    await db.finding.updateMany({ where: { awsAccountId: account }, data: { dueAt: future, ownerId: (await createTestUser()).id } });
    expect(await findingsFeedStatus({ now: NOW, accounts: [account] })).toMatchObject({ ok: true, counts: { open: 4, pastSla: 0, criticalUnowned: 0 }, href: FINDINGS_HREF.open });
    // Only the two open CRITICALs unowned (the closed ones do not count): the link goes to them.
    await db.finding.updateMany({ where: { awsAccountId: account, severity: "CRITICAL" }, data: { ownerId: null } });
    expect(await findingsFeedStatus({ now: NOW, accounts: [account] })).toMatchObject({ ok: false, counts: { criticalUnowned: 2 }, href: FINDINGS_HREF.criticalUnowned });
  });

  it("shows the feed next to fed items of the checklist view, and nothing next to manual ones", async () => {
    const actor = await createTestUser();
    const { id } = await createChecklist(
      { name: `Fed ${Math.random()}`, cadence: { kind: "weekly", weekday: 3 }, timeZone: "UTC", items: [{ title: "Owned", source: "findings" }, { title: "Patched", source: "patches" }, { title: "By hand" }] },
      { actor: { id: actor.id, email: actor.email, name: null, role: "ANALYST", locale: null }, ip: null },
    );
    const view = (await listChecklists()).find((c) => c.id === id)!;
    const [findings, patches, manual] = view.items;
    expect(findings!.feed).toMatchObject({ source: "findings", counts: { open: expect.any(Number), pastSla: expect.any(Number), criticalUnowned: expect.any(Number) } });
    expect(findings!.feed!.href).toMatch(/^\/findings\?severity=CRITICAL/);
    expect(patches!.feed).toMatchObject({ source: "patches", href: expect.stringMatching(/^\/checklists\?tab=patches/) });
    expect(manual!.feed).toBeUndefined();
  });
});
