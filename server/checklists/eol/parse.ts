import "server-only";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { TEolCycle, TEolEnd, TEolProduct } from "./eol.types";

// The "failsafe" YAML schema keeps every scalar a string, so `releaseCycle: 3.10` stays "3.10" (the
// default schema would read the float 3.1) and dates stay "YYYY-MM-DD" text instead of Date objects.
const ZScalar = z.string().optional();
const ZRawRelease = z.object({
  releaseCycle: z.string().trim().min(1),
  releaseDate: ZScalar,
  eoas: ZScalar,
  eol: ZScalar,
  latest: ZScalar,
  latestReleaseDate: ZScalar,
  lts: ZScalar,
});
const ZRawFrontMatter = z.object({
  title: z.string().trim().min(1),
  category: ZScalar,
  releases: z.array(z.unknown()),
});

export type TParseResult =
  | { ok: true; product: TEolProduct; warnings: string[] }
  | { ok: false; error: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The text between the first two `---` lines, or null when the file has no front matter. */
export function extractFrontMatter(source: string): string | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(source);
  return match ? (match[1] ?? "") : null;
}

type Warn = (message: string) => void;

function toDate(value: string | undefined, field: string, warn: Warn): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (isIsoDate(v)) return v;
  warn(`${field}: "${v}" is not a date, ignored`);
  return null;
}

function toEnd(value: string | undefined, field: string, warn: Warn): TEolEnd {
  const v = value?.trim().toLowerCase();
  if (!v) return null;
  if (v === "true") return true;
  if (v === "false") return false;
  return toDate(v, field, warn);
}

function toLts(value: string | undefined, warn: Warn): boolean | string {
  const v = value?.trim().toLowerCase();
  if (!v || v === "false") return false;
  if (v === "true") return true;
  return toDate(v, "lts", warn) ?? false;
}

/** Normalizes one release from a product file; exported for the API refresh, which maps to the same shape. */
export function normalizeRelease(raw: unknown, warn: Warn): TEolCycle | null {
  const parsed = ZRawRelease.safeParse(raw);
  if (!parsed.success) {
    warn(`release skipped: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`);
    return null;
  }
  const r = parsed.data;
  const w: Warn = (m) => warn(`cycle ${r.releaseCycle}: ${m}`);
  const latest = r.latest?.trim();
  return {
    cycle: r.releaseCycle,
    releaseDate: toDate(r.releaseDate, "releaseDate", w),
    eoas: toEnd(r.eoas, "eoas", w),
    eol: toEnd(r.eol, "eol", w),
    latest: latest ? latest : null,
    latestReleaseDate: toDate(r.latestReleaseDate, "latestReleaseDate", w),
    lts: toLts(r.lts, w),
  };
}

/**
 * Parses one endoflife.date product file (Markdown with YAML front matter) into a catalog product.
 * Never throws: a file that cannot be read as a product comes back as `{ ok: false, error }`.
 */
export function parseProductFile(slug: string, source: string): TParseResult {
  const frontMatter = extractFrontMatter(source);
  if (frontMatter === null) return { ok: false, error: `${slug}: no YAML front matter` };
  let data: unknown;
  try {
    data = parseYaml(frontMatter, { schema: "failsafe", uniqueKeys: false });
  } catch (error) {
    return { ok: false, error: `${slug}: invalid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})` };
  }
  const parsed = ZRawFrontMatter.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ");
    return { ok: false, error: `${slug}: ${issues}` };
  }
  const warnings: string[] = [];
  const cycles: TEolCycle[] = [];
  const seen = new Set<string>();
  for (const raw of parsed.data.releases) {
    const cycle = normalizeRelease(raw, (m) => warnings.push(`${slug}: ${m}`));
    if (!cycle) continue;
    if (seen.has(cycle.cycle)) {
      warnings.push(`${slug}: duplicate cycle ${cycle.cycle}, first kept`);
      continue;
    }
    seen.add(cycle.cycle);
    cycles.push(cycle);
  }
  if (cycles.length === 0) return { ok: false, error: `${slug}: no usable releases` };
  const category = parsed.data.category?.trim();
  return { ok: true, product: { slug, title: parsed.data.title, category: category ? category : null, cycles }, warnings };
}
