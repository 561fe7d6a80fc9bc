import "server-only";
import type { TSessionUser } from "@/server/auth/roles.types";
import { withBulkTransaction } from "@/server/db-pool";
import { AppError } from "@/server/http/app-error";
import { upsertFindings } from "@/server/sync/upsert-findings";
import { MAX_IMPORT_BYTES, MAX_IMPORT_FINDINGS, MAX_IMPORT_PROBLEMS, type TImportResult } from "./import-asff.types";
import { normalizeAsff, type TFindingRow } from "./normalize";

const CHUNK = 1_000;
const MB = 1024 * 1024;

export type TUpload = { ok: true; text: string } | { ok: false; status: 413 | 415; code: string; message: string };

/**
 * Reads a JSON upload of at most `maxBytes`: the declared Content-Length is checked first, then the
 * bytes actually received (a client may send no length, or a wrong one). Not UTF-8 or cut off: 400.
 */
export async function readJsonUpload(request: Request, maxBytes = MAX_IMPORT_BYTES): Promise<TUpload> {
  const tooLarge = (size: string): TUpload => ({
    ok: false, status: 413, code: "PAYLOAD_TOO_LARGE",
    message: `The file is ${size}; at most ${maxBytes / MB} MB can be imported at once. Split it (e.g. with jq) and import the parts.`,
  });
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !type.endsWith("+json")) {
    return { ok: false, status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: `Send the file as application/json (got ${type || "no content type"}).` };
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) return tooLarge(`${(declared / MB).toFixed(1)} MB`);

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge(`larger than ${maxBytes / MB} MB`);
      }
      chunks.push(value);
    }
  }
  if (Number.isFinite(declared) && size !== declared) {
    throw new AppError("BAD_REQUEST", `The upload arrived incomplete: ${size} of ${declared} bytes were received.`);
  }
  if (size === 0) throw new AppError("BAD_REQUEST", "The file is empty: choose the JSON output of `aws securityhub get-findings`.");
  try {
    // fatal: bytes that are not UTF-8 are an error, not silently replaced; a byte order mark is dropped.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, size)) };
  } catch {
    throw new AppError("BAD_REQUEST", "The file is not UTF-8 text: export the findings as JSON and try again.");
  }
}

/** The findings of a file: `{"Findings": [...]}` (aws securityhub get-findings, NextToken allowed) or a plain array. */
export function parseAsffFile(text: string): unknown[] {
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The file is empty: choose the JSON output of `aws securityhub get-findings`.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The file is not valid JSON: ${error instanceof Error ? error.message.slice(0, 200) : "parse error"}.`);
  }
  let findings: unknown;
  if (Array.isArray(data)) findings = data;
  else if (data !== null && typeof data === "object" && "Findings" in data) findings = (data as { Findings: unknown }).Findings;
  if (!Array.isArray(findings)) {
    throw new AppError("BAD_REQUEST", `Expected the output of \`aws securityhub get-findings\` ({"Findings": [...]}) or a JSON array of ASFF findings; got ${describeValue(data)}.`);
  }
  if (findings.length === 0) throw new AppError("BAD_REQUEST", "The file holds no findings.");
  if (findings.length > MAX_IMPORT_FINDINGS) {
    throw new AppError("BAD_REQUEST", `The file holds ${findings.length.toLocaleString("en-US")} findings; at most ${MAX_IMPORT_FINDINGS.toLocaleString("en-US")} can be imported at once. Split it and import the parts.`);
  }
  return findings;
}

function describeValue(data: unknown): string {
  if (data === null) return "null";
  if (typeof data !== "object") return `a ${typeof data}`;
  if ("Findings" in data) return `"Findings" as ${describeValue((data as { Findings: unknown }).Findings)} instead of an array`;
  const keys = Object.keys(data);
  if (keys.length === 0) return "an empty object";
  return `an object with the keys ${keys.slice(0, 5).map((k) => `"${k.slice(0, 40)}"`).join(", ")}${keys.length > 5 ? " …" : ""}`;
}

/** Every finding normalized, or a 400 naming the first problems and their number: a file is imported whole or not at all. */
export function validateAsff(findings: unknown[]): TFindingRow[] {
  const rows: TFindingRow[] = [];
  const problems: string[] = [];
  let invalid = 0;
  findings.forEach((finding, index) => {
    const result = normalizeAsff(finding);
    if (result.ok) rows.push(result.row);
    else if (++invalid <= MAX_IMPORT_PROBLEMS) problems.push(`finding #${index} (${result.id.slice(0, 200)}): ${result.error.slice(0, 300)}`);
  });
  if (invalid > 0) {
    const shown = invalid > MAX_IMPORT_PROBLEMS ? ` The first ${MAX_IMPORT_PROBLEMS}:` : "";
    const head = `${invalid} of ${findings.length} findings ${invalid === 1 ? "is" : "are"} not valid ASFF; nothing was imported.${shown}`;
    throw new AppError("BAD_REQUEST", [head, ...problems].join("\n"));
  }
  return rows;
}

/** A file name sent in `x-file-name` (URI-encoded by the browser, since headers are Latin-1), for the audit log. */
export function uploadFileName(headers: Headers): string | null {
  const value = headers.get("x-file-name");
  if (!value) return null;
  let name = value;
  try {
    name = decodeURIComponent(value);
  } catch {
    // kept as sent
  }
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return clean || null;
}

export type TImportOptions = {
  text: string;
  fileName?: string | null;
  actor: Pick<TSessionUser, "id" | "email">;
  ip?: string | null;
  userAgent?: string | null;
};

const AUDIT_SQL = `INSERT INTO audit_log ("actorId", "actorEmail", action, "targetType", "targetId", before, after, ip, "userAgent")
  VALUES ($1, $2, 'finding.import', 'finding', NULL, NULL, $3::jsonb, $4, $5)`;

/**
 * Imports an ASFF file (POST /api/findings/import): validated whole, then stored in one transaction in
 * chunks of 1,000 with the sync's upsert (local triage state is kept), with one audit entry.
 */
export async function importAsff(options: TImportOptions): Promise<TImportResult> {
  const findings = parseAsffFile(options.text);
  const rows = validateAsff(findings);
  // One row per finding (the newest), in a stable order: one statement cannot touch a row twice,
  // and syncs lock rows in the same order.
  const byId = new Map<string, TFindingRow>();
  for (const row of rows) {
    const seen = byId.get(row.externalId);
    if (!seen || row.awsUpdatedAt >= seen.awsUpdatedAt) byId.set(row.externalId, row);
  }
  const unique = [...byId.values()].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));

  return withBulkTransaction(async (client) => {
    const result: TImportResult = { imported: findings.length, inserted: 0, updated: 0, unchanged: findings.length - unique.length };
    for (let i = 0; i < unique.length; i += CHUNK) {
      // upsertFindings stages rows in its temporary table, emptied only at commit: empty it between
      // chunks of this one transaction, or each chunk would merge every earlier one again.
      if (i > 0) await client.query("TRUNCATE sync_input");
      const counts = await upsertFindings(client, "securityhub", unique.slice(i, i + CHUNK));
      result.inserted += counts.inserted;
      result.updated += counts.updated;
      result.unchanged += counts.unchanged;
    }
    // upsertFindings commits asynchronously (a sync refetches a lost batch); a person's import must be durable once answered.
    await client.query("SET LOCAL synchronous_commit TO ON");
    await client.query(AUDIT_SQL, [
      options.actor.id, options.actor.email,
      JSON.stringify({ fileName: options.fileName ?? null, ...result }),
      options.ip ?? null, options.userAgent ?? null,
    ]);
    return result;
  });
}
