import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { asffFinding } from "@/prisma/factories/finding";
import { createTestUser } from "@/prisma/factories/user";
import type { TSessionState } from "@/server/auth/session";
import { db } from "@/server/db";
import { readPool } from "@/server/db-pool";
import { csvCell, exportFindings, type TExportFormat } from "./export-findings";
import { parseFindingFilter, parsePaging } from "./filters";
import type { TFindingListItem } from "./findings.types";
import { importAsff } from "./import-asff";
import { listFindings } from "./list-findings";

// The routes run with a signed-in user: next-auth's session (cookies, JWT) is not what is tested here.
const session = vi.hoisted(() => ({ state: { status: "anonymous" } as TSessionState }));
vi.mock("@/server/auth/session", () => ({ getSessionState: async () => session.state }));
const { GET: exportRoute } = await import("@/app/api/findings/export/route");
const { POST: importRoute } = await import("@/app/api/findings/import/route");

const NOW = new Date("2026-11-27T12:00:00.000Z");
const newAccount = () => String(400000000000 + Math.floor(Math.random() * 599999999999)).slice(0, 12);

async function signIn(role: "ANALYST" | "VIEWER" = "ANALYST") {
  const u = await createTestUser({ role });
  session.state = { status: "active", user: { id: u.id, email: u.email, name: null, role, locale: null } };
  return u;
}

async function seed(account: string, titles: string[]) {
  const items = titles.map((title, i) => asffFinding({
    AwsAccountId: account, Title: title,
    Severity: { Label: ["CRITICAL", "HIGH", "MEDIUM", "LOW"][i % 4] },
    FirstObservedAt: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString(),
    Resources: [{ Type: "AwsS3Bucket", Id: i === 1 ? "-bucket,with\"quote" : `arn:aws:s3:::bucket-${i}` }],
  }));
  const user = await createTestUser();
  await importAsff({ text: JSON.stringify(items), actor: { id: user.id, email: user.email } });
}

/** The stream as text, a byte order mark kept. */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

const options = (query: string, format: TExportFormat, userId: string) => {
  const params = new URLSearchParams(query);
  const { sort, dir } = parsePaging(params);
  return { filter: parseFindingFilter(params), sort: { sort, dir }, format, userId, now: NOW };
};

/** Connections of the read pool that are checked out. */
const busy = () => readPool().totalCount - readPool().idleCount;

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(\"http://x\")", '"\'=HYPERLINK(""http://x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "\"'\rcmd\""],
    ["a=b", "a=b"],
    ["", ""],
    [null, ""],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("exportFindings (PostgreSQL)", () => {
  it("writes CSV with a header, RFC 4180 quoting and formula cells defused, in the list's order", async () => {
    const account = newAccount();
    const user = await createTestUser();
    await seed(account, ["Bucket is public", "=cmd|' /C calc'!A0", "Title, with comma", "監視: 日本語のタイトル", 'He said "no"\nthen left']);
    const out = await exportFindings(options(`account=${account}&severity=all&sort=age&dir=asc`, "csv", user.id));
    expect(out.contentType).toBe("text/csv; charset=utf-8");
    expect(out.fileName).toBe("kanshi-findings-2026-11-27.csv");
    const text = await readAll(out.stream);
    expect(text.startsWith("\uFEFFid,externalId,severity,workflowStatus,recordState,title,accountId,accountName,region,resourceType,resourceId,controlId,product,ownerEmail,dueAt,sla,firstObservedAt,lastObservedAt,suppressedUntil,writeBack\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(6);
    expect(rows.slice(1).map((r) => r[5])).toEqual(["Bucket is public", "'=cmd|' /C calc'!A0", "Title, with comma", "監視: 日本語のタイトル", 'He said "no"\nthen left']);
    expect(rows[2]![10]).toBe("'-bucket,with\"quote");
    expect(rows[1]).toMatchObject({ 2: "CRITICAL", 3: "NEW", 4: "ACTIVE", 6: account, 8: "us-east-1", 11: "S3.1", 12: "Security Hub", 15: "overdue", 19: "NONE" });
    expect(rows[1]![16]).toBe("2026-10-01T00:00:00.000Z");
    expect(busy()).toBe(0);
  });

  it("writes JSON: the list items of every page, element by element", async () => {
    const account = newAccount();
    const user = await createTestUser();
    await seed(account, Array.from({ length: 7 }, (_, i) => `Finding ${i}`));
    const query = `account=${account}&severity=all&sort=severity&dir=desc`;
    const out = await exportFindings({ ...options(query, "json", user.id), batchSize: 3 });
    expect(out.fileName).toBe("kanshi-findings-2026-11-27.json");
    const items = JSON.parse(await readAll(out.stream)) as TFindingListItem[];
    const listed = await listFindings(parseFindingFilter(new URLSearchParams(query)), parsePaging(new URLSearchParams(query)), { userId: user.id, now: NOW });
    expect(items).toEqual(listed.items);
    expect(items).toHaveLength(7);

    const empty = await exportFindings(options(`account=${newAccount()}`, "json", user.id));
    expect(await readAll(empty.stream)).toBe("[\n]\n");
    expect(JSON.parse("[\n]\n")).toEqual([]);
  });

  it("releases its connection when the client goes away, whether the stream is cancelled or the request aborted", async () => {
    const account = newAccount();
    const user = await createTestUser();
    await seed(account, Array.from({ length: 10 }, (_, i) => `Finding ${i}`));
    const out = await exportFindings({ ...options(`account=${account}&severity=all`, "csv", user.id), batchSize: 2 });
    const reader = out.stream.getReader();
    await reader.read();
    expect(busy()).toBe(1);
    await reader.cancel();
    await vi.waitFor(() => expect(busy()).toBe(0));

    const abort = new AbortController();
    const aborted = await exportFindings({ ...options(`account=${account}&severity=all`, "json", user.id), batchSize: 2, signal: abort.signal });
    const r2 = aborted.stream.getReader();
    await r2.read();
    abort.abort();
    await vi.waitFor(() => expect(busy()).toBe(0));
    await expect(r2.read().then(() => r2.read())).rejects.toThrow(/cancelled/);
  });

  it("streams 100,000 findings with flat memory", { timeout: 180_000 }, async () => {
    const account = newAccount();
    const user = await createTestUser();
    await db.$executeRawUnsafe(`INSERT INTO aws_accounts (id, name, "updatedAt") VALUES ('${account}', 'bulk export', now())`);
    await db.$executeRawUnsafe(`INSERT INTO findings (id, source, "externalId", "awsAccountId", region, title, severity, "resourceType", "resourceId", "controlId", "productName",
        "firstObservedAt", "lastObservedAt", "awsCreatedAt", "awsUpdatedAt", raw, "updatedAt", "dueAt")
      SELECT 'exp-${account}-' || i, 'SECURITY_HUB', 'arn:exp:${account}:' || i, '${account}', 'us-east-1',
        'S3 general purpose buckets should block public access ' || i, (ARRAY['CRITICAL','HIGH','MEDIUM','LOW'])[1 + i % 4]::"Severity",
        'AwsS3Bucket', 'arn:aws:s3:::bucket-' || i, 'S3.1', 'Security Hub',
        timestamp '2026-01-01' + i * interval '1 minute', timestamp '2026-06-01' + i * interval '1 minute',
        timestamp '2026-01-01', timestamp '2026-06-01', '{}'::jsonb, now(), timestamp '2026-12-01' + i * interval '1 second'
      FROM generate_series(1, 100000) AS i`);
    await db.$executeRawUnsafe("ANALYZE findings");

    // Live heap (after a collection), sampled every 10 batches: garbage waiting for the collector is not memory held.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    for (const format of ["csv", "json"] as const) {
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      let bytes = 0;
      let lines = 0;
      let chunks = 0;
      const started = performance.now();
      const out = await exportFindings(options(`account=${account}&severity=all`, format, user.id));
      const decoder = new TextDecoder();
      for await (const chunk of out.stream) {
        bytes += chunk.byteLength;
        for (const c of decoder.decode(chunk, { stream: true })) if (c === "\n") lines++;
        if (++chunks % 10 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`[export] 100,000 findings as ${format}: ${(bytes / 2 ** 20).toFixed(1)} MB in ${seconds.toFixed(1)} s (with a forced GC every 10 batches); live heap growth at most ${((peak - heapBefore) / 2 ** 20).toFixed(1)} MB`);
      expect(lines).toBe(format === "csv" ? 100_001 : 100_002);
      // Held at once: about one batch of 1,000 rows and its text, not the 30–60 MB of the whole file.
      expect(peak - heapBefore).toBeLessThan(8 * 2 ** 20);
    }
    expect(busy()).toBe(0);
    // Other test files share this database: leave it as small as it was.
    await db.$executeRawUnsafe(`DELETE FROM findings WHERE "awsAccountId" = '${account}'`);
  });
});

describe("GET /api/findings/export and POST /api/findings/import", () => {
  const ctx = { params: Promise.resolve({}) };

  it("exports with attachment headers, and answers 400 for a bad filter or format", async () => {
    const account = newAccount();
    await seed(account, ["One", "Two"]);
    await signIn("VIEWER");
    const ok = await exportRoute(new Request(`http://localhost/api/findings/export?account=${account}&severity=all&format=json`), ctx);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="kanshi-findings-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(ok.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await ok.json()) as unknown[]).toHaveLength(2);

    const badFilter = await exportRoute(new Request("http://localhost/api/findings/export?severity=HUGE"), ctx);
    expect(badFilter.status).toBe(400);
    expect(await badFilter.json()).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/^Unknown severity "HUGE"/) } });
    const badFormat = await exportRoute(new Request("http://localhost/api/findings/export?format=xlsx"), ctx);
    expect(await badFormat.json()).toEqual({ error: { code: "BAD_REQUEST", message: 'Unknown format "xlsx": use csv or json.' } });
    expect(busy()).toBe(0);
  });

  it("imports for an analyst, refuses a viewer, and maps upload problems to 400 / 413 / 415", async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      importRoute(new Request("http://localhost/api/findings/import", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), ctx);
    const account = newAccount();
    const file = JSON.stringify({ Findings: [asffFinding({ AwsAccountId: account }), asffFinding({ AwsAccountId: account })] });

    await signIn("VIEWER");
    expect((await post(file)).status).toBe(403);

    const user = await signIn("ANALYST");
    const ok = await post(file, { "x-file-name": encodeURIComponent("検出結果.json"), "user-agent": "vitest" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ imported: 2, inserted: 2, updated: 0, unchanged: 0 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: "finding.import" } });
    expect(audit).toMatchObject({ userAgent: "vitest", after: { fileName: "検出結果.json", imported: 2 } });

    const malformed = await post('{"Findings": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/^The file is not valid JSON: /) } });
    const tooLarge = await post("[]", { "content-length": String(51 * 1024 * 1024) });
    expect(tooLarge.status).toBe(413);
    expect((await post(file, { "content-type": "text/csv" })).status).toBe(415);
    const invalid = await post(JSON.stringify([asffFinding({ AwsAccountId: newAccount(), Severity: {}, Title: 3 })]));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/^1 of 1 findings is not valid ASFF; nothing was imported\.\nfinding #0 \(arn:.*\): Title /);
  });
});
