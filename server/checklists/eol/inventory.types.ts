// Shapes of the EOL inventory as the API and the UI see them. Pure: client code may import these.
import { z } from "zod";
import type { TEolState } from "./eol.types";

/** The status buckets, worst first; "unknown" is "no EOL data". */
export const EOL_BUCKETS = ["eol", "eol30", "eol90", "eol180", "supported", "unknown"] as const satisfies readonly TEolState[];
export type TEolBucket = (typeof EOL_BUCKETS)[number];

export const EOL_SOURCES = ["manual", "csv", "discovered"] as const;
export type TEolSource = (typeof EOL_SOURCES)[number];

export const ZAccountId = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
export const ZRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, "must be an AWS region such as ap-northeast-1");
/** Versions and cycles as people write them: "3.10", "18.x", "2019 SP1", "v1.29.3-eks". */
export const ZVersion = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters")
  .regex(/^[0-9A-Za-z][0-9A-Za-z._+\-~ ()/]*$/, "must start with a letter or digit and hold only letters, digits, spaces and . _ + - ~ ( ) /");

const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional().transform((v) => (v ? v : undefined));

/** A manual entry: a catalog product (slug) or, explicitly, free text for software the catalog does not know. */
export const ZInventoryInput = z.object({
  product: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("catalog"), slug: z.string().min(1).max(100) }).strict(),
    z.object({ kind: z.literal("free"), name: z.string().trim().min(1, "is required").max(200) }).strict(),
  ]),
  version: ZVersion,
  accountId: ZAccountId.optional().or(z.literal("").transform(() => undefined)),
  region: ZRegion.optional().or(z.literal("").transform(() => undefined)),
  resourceId: optionalText(2048),
  resourceName: optionalText(256),
  systemName: optionalText(200),
  ownerName: optionalText(200),
  notes: optionalText(4000),
}).strict();
export type TInventoryInput = z.input<typeof ZInventoryInput>;

export const ZInventoryQuery = z.object({
  /** one bucket or several, comma-separated (e.g. "eol30,eol90": within 90 days) */
  status: z.string().transform((v) => v.split(",").map((b) => b.trim())).pipe(z.array(z.enum(EOL_BUCKETS)).min(1)).optional(),
  product: z.string().max(100).optional(),
  account: z.string().max(12).optional(),
  source: z.enum(EOL_SOURCES).optional(),
  q: z.string().trim().max(200).optional(),
  /** include discovered rows no longer found in AWS */
  gone: z.enum(["1"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TInventoryQuery = z.infer<typeof ZInventoryQuery>;

export type TInventoryRow = {
  id: string;
  product: string | null;
  productName: string;
  version: string;
  cycle: string | null;
  status: TEolBucket;
  eolDate: string | null;
  eoasDate: string | null;
  daysLeft: number | null;
  accountId: string | null;
  accountName: string | null;
  region: string | null;
  resourceId: string | null;
  resourceName: string | null;
  systemName: string | null;
  ownerName: string | null;
  notes: string | null;
  source: TEolSource;
  discoverySource: string | null;
  lastSeenAt: string | null;
  goneAt: string | null;
  updatedAt: string;
};

export type TBucketCounts = Record<TEolBucket, number> & { total: number };

export type TInventoryGroup = { key: string; label: string; counts: TBucketCounts };

export type TInventoryList = {
  items: TInventoryRow[];
  total: number;
  page: number;
  pageSize: number;
  summary: TBucketCounts;
  byProduct: TInventoryGroup[];
  byAccount: TInventoryGroup[];
  today: string;
};

export type TCsvRowError = { line: number; errors: string[] };

export type TCalendarEvent = { date: string; kind: "eol" | "eoas"; product: string; productName: string; cycle: string; items: number };

export type TIcalFeedView = { id: string; name: string; createdAt: string; createdByEmail: string | null; lastUsedAt: string | null };

export type TDiscoveryRunView = {
  id: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
  startedAt: string;
  finishedAt: string | null;
  counts: { found: number; inserted: number; updated: number; gone: number };
  scopes: { accountId: string; region: string; service: string; ok: boolean; error?: string; found: number }[];
  error: string | null;
};
