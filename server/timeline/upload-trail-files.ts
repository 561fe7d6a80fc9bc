import "server-only";
import { recordAudit } from "@/server/audit/record-audit";
import type { TSessionUser } from "@/server/auth/roles.types";
import { AppError } from "@/server/http/app-error";
import { importTrailFiles } from "./import-trail-files";
import type { TTrailImportSummary } from "./timeline.types";

const MB = 1024 * 1024;
export const UPLOAD_MAX_BYTES = 200 * MB;
export const UPLOAD_MAX_FILE_BYTES = 50 * MB;
export const UPLOAD_MAX_FILES = 500;

/** POST /api/timeline/import: multipart "files" (trail files, gzip or JSON), imported and audited with the counts. */
export async function uploadTrailFiles(request: Request, options: { actor: TSessionUser; ip?: string | null }): Promise<TTrailImportSummary> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) throw new AppError("BAD_REQUEST", "Send the trail files as multipart/form-data in the field \"files\".");
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > UPLOAD_MAX_BYTES) throw new AppError("BAD_REQUEST", `The upload is ${(declared / MB).toFixed(1)} MB; at most ${UPLOAD_MAX_BYTES / MB} MB at once (use npm run trail:import for more).`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The upload is not a readable multipart form.");
  }
  const files = form.getAll("files").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f);
  if (files.length === 0) throw new AppError("BAD_REQUEST", "files: choose at least one trail file (.json.gz or .json).");
  if (files.length > UPLOAD_MAX_FILES) throw new AppError("BAD_REQUEST", `files: at most ${UPLOAD_MAX_FILES} files at once.`);
  const big = files.find((f) => f.size > UPLOAD_MAX_FILE_BYTES);
  if (big) throw new AppError("BAD_REQUEST", `files: ${big.name} is larger than ${UPLOAD_MAX_FILE_BYTES / MB} MB.`);
  const summary = await importTrailFiles(files.map((f) => ({ name: f.name || "upload", read: async () => Buffer.from(await f.arrayBuffer()) })));
  await recordAudit({
    actor: options.actor, action: "timeline.import", target: { type: "cloudtrail-files", id: `${files.length} files` },
    after: { files: summary.files.map((f) => ({ file: f.file, ok: f.ok, inserted: f.inserted, duplicates: f.duplicates, invalid: f.invalid, error: f.error })), inserted: summary.inserted },
    ip: options.ip,
  });
  return summary;
}
