// ASFF import contract (POST /api/findings/import). Pure: safe to import from client components.

/** Largest accepted upload: the JSON file as sent. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Most findings in one file. */
export const MAX_IMPORT_FINDINGS = 100_000;
/** Problems named in the error message of a file with invalid findings (the total is always given). */
export const MAX_IMPORT_PROBLEMS = 10;

/** POST /api/findings/import: the file's findings, and how many were new, changed or already stored as they are. */
export type TImportResult = { imported: number; inserted: number; updated: number; unchanged: number };
