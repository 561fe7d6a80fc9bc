import "server-only";
import { z } from "zod";
import type { TEolCycle, TEolProduct } from "./eol.types";
import { normalizeRelease } from "./parse";

export const EOL_API_BASE = "https://endoflife.date/api/v1/products";

// endoflife.date API v1, GET /api/v1/products/<slug>: only the fields the catalog keeps.
const ZDateOrNull = z.string().nullish();
const ZApiRelease = z.object({
  name: z.string(),
  releaseDate: ZDateOrNull,
  isLts: z.boolean().nullish(),
  ltsFrom: ZDateOrNull,
  isEoas: z.boolean().nullish(),
  eoasFrom: ZDateOrNull,
  isEol: z.boolean().nullish(),
  eolFrom: ZDateOrNull,
  latest: z.object({ name: z.string().nullish(), date: ZDateOrNull }).nullish(),
});
export const ZApiProduct = z.object({
  result: z.object({ name: z.string(), label: z.string().nullish(), category: z.string().nullish(), releases: z.array(z.unknown()) }),
});

/** An error that means the API cannot be reached at all (DNS, connection, timeout), not one bad product. */
export class EolUnreachableError extends Error {}

const text = (value: boolean | string | null | undefined) => (value === null || value === undefined ? undefined : String(value));

/** Maps one API v1 release to a catalog cycle through the same normalization as the product files. */
export function mapApiRelease(raw: unknown, warn: (message: string) => void): TEolCycle | null {
  const parsed = ZApiRelease.safeParse(raw);
  if (!parsed.success) {
    warn(`release skipped: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    return null;
  }
  const r = parsed.data;
  return normalizeRelease(
    {
      releaseCycle: r.name,
      releaseDate: text(r.releaseDate),
      eoas: text(r.eoasFrom ?? r.isEoas),
      eol: text(r.eolFrom ?? r.isEol),
      latest: text(r.latest?.name),
      latestReleaseDate: text(r.latest?.date),
      lts: text(r.ltsFrom ?? r.isLts),
    },
    warn,
  );
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (!(cause instanceof Error)) return error.message;
  const code = "code" in cause && cause.code ? String(cause.code) : "";
  return `${error.message}: ${code && !cause.message.includes(code) ? `${code} ` : ""}${cause.message}`;
}

/**
 * Fetches one product. Returns null for a product the API does not know (404); throws
 * EolUnreachableError when the network fails, and Error for other bad answers.
 */
export async function fetchProduct(
  current: TEolProduct,
  options: { timeoutMs: number; warn: (message: string) => void; fetchImpl?: typeof fetch },
): Promise<TEolProduct | null> {
  const url = `${EOL_API_BASE}/${encodeURIComponent(current.slug)}`;
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: "application/json" } });
  } catch (error) {
    throw new EolUnreachableError(`${url}: ${describe(error)}`);
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parsed = ZApiProduct.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url}: unexpected answer (${parsed.error.issues[0]?.message ?? "invalid"})`);
  const cycles: TEolCycle[] = [];
  for (const raw of parsed.data.result.releases) {
    const cycle = mapApiRelease(raw, (m) => options.warn(`${current.slug}: ${m}`));
    if (cycle && !cycles.some((c) => c.cycle === cycle.cycle)) cycles.push(cycle);
  }
  if (cycles.length === 0) throw new Error(`${url}: no usable releases`);
  return {
    slug: current.slug,
    title: parsed.data.result.label ?? current.title,
    category: parsed.data.result.category ?? current.category,
    cycles,
  };
}
