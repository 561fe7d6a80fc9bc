import { z } from "zod";
import { TIMELINE_PRESET_IDS, type TTimelineFilters } from "./timeline.types";

// Parsing of the timeline's query string (client-safe: the page uses it to read its URL too).

export const DEFAULT_RANGE_MS = 7 * 86_400_000;
export const MAX_RANGE_MS = 400 * 86_400_000;
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(":")) return false;
  try {
    return new URL(`http://[${text}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

/** An IPv4/IPv6 address or CIDR block, as PostgreSQL's inet accepts it; null when it is neither. */
export function parseIpOrCidr(text: string): { address: string; prefix: number | null; v6: boolean } | null {
  const [address = "", prefixText, extra] = text.trim().split("/");
  if (extra !== undefined) return null;
  const v6 = isIpv6(address);
  if (!v6 && !IPV4.test(address)) return null;
  if (prefixText === undefined) return { address, prefix: null, v6 };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= (v6 ? 128 : 32) ? { address, prefix, v6 } : null;
}

const list = (name: string, pattern?: RegExp) =>
  z
    .array(z.string())
    .transform((values) => values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))
    .refine((values) => values.length <= 50, `${name}: at most 50 values`)
    .refine((values) => !pattern || values.every((v) => pattern.test(v)), `${name}: invalid value`)
    .transform((values) => (values.length ? values : undefined));

const flag = (name: string) =>
  z
    .string()
    .refine((v) => v === "true" || v === "false", `${name}: use true or false`)
    .transform((v) => v === "true");

const time = (name: string) =>
  z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name}: not a valid ISO 8601 time`)
    .transform((v) => new Date(v));

export const ZTimelineQuery = z
  .object({
    from: time("from").optional(),
    to: time("to").optional(),
    principal: z.string().trim().min(1).max(2048).optional(),
    eventName: list("eventName", /^[A-Za-z0-9_.:-]{1,128}$/).optional(),
    eventSource: list("eventSource", /^[a-z0-9.-]{1,128}$/).optional(),
    account: list("account", /^\d{12}$/).optional(),
    region: list("region", /^[a-z]{2}(-[a-z]+)+-\d$/).optional(),
    sourceIp: z.string().trim().refine((v) => parseIpOrCidr(v) !== null, "sourceIp: not an IPv4/IPv6 address or CIDR").optional(),
    resource: z.string().trim().min(1).max(2048).optional(),
    readOnly: flag("readOnly").optional(),
    errorsOnly: flag("errorsOnly").optional(),
    q: z.string().trim().max(200).optional(),
    preset: z.enum(TIMELINE_PRESET_IDS, { message: `preset: one of ${TIMELINE_PRESET_IDS.join(", ")}` }).optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export type TTimelineQuery = { filters: TTimelineFilters; fromMs: number; toMs: number; limit: number; cursor?: string };

const LIST_KEYS = new Set(["eventName", "eventSource", "account", "region"]);

/** URL search params → validated filters with the default range filled in. Throws a ZodError naming the bad parameter. */
export function parseTimelineQuery(params: URLSearchParams, now: number = Date.now()): TTimelineQuery {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 0) continue;
    input[key] = LIST_KEYS.has(key) ? values : (values[values.length - 1] as string);
  }
  const parsed = ZTimelineQuery.parse(input);
  const toMs = parsed.to?.getTime() ?? now;
  const fromMs = parsed.from?.getTime() ?? toMs - DEFAULT_RANGE_MS;
  if (fromMs >= toMs) throw new z.ZodError([{ code: "custom", path: ["from"], message: "must be before to", input: parsed.from }]);
  if (toMs - fromMs > MAX_RANGE_MS) throw new z.ZodError([{ code: "custom", path: ["from"], message: "the range from–to may span at most 400 days", input: parsed.from }]);
  const { limit, cursor, from: _from, to: _to, q, ...rest } = parsed;
  void _from;
  void _to;
  const filters: TTimelineFilters = { ...rest, ...(q ? { q } : {}), from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
  for (const key of Object.keys(filters) as (keyof TTimelineFilters)[]) if (filters[key] === undefined) delete filters[key];
  return { filters, fromMs, toMs, limit: limit ?? PAGE_LIMIT_DEFAULT, cursor };
}
