import "server-only";
import { z } from "zod";

// Every setting Kanshi reads, validated once at start (instrumentation.ts and the
// launcher call loadEnv()). .env.example documents each one.

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "true" || v === "1" || v === "yes"));

const intIn = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgresql:// connection URL");

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl.optional(),
    KANSHI_AWS_MODE: z.enum(["demo", "aws"], { message: "must be demo or aws" }).default("demo"),
    /** demo users on the login page; defaults to KANSHI_AWS_MODE=demo */
    KANSHI_DEMO: z.enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" }).optional(),
    KANSHI_REGIONS: z
      .string()
      .transform((v) => v.split(",").map((r) => r.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be AWS region names like us-east-1, comma-separated")).min(1))
      .optional(),
    KANSHI_TOPOLOGY: z.enum(["delegated-admin", "fan-out"], { message: "must be delegated-admin or fan-out" }).default("delegated-admin"),
    KANSHI_ROLE_NAME: z.string().regex(/^[\w+=,.@-]{1,64}$/, "must be an IAM role name").default("KanshiReadRole"),
    KANSHI_EXTERNAL_ID: z.string().min(2).max(1224).optional(),
    KANSHI_SYNC_INTERVAL_MINUTES: intIn(0, 24 * 60, 15),
    KANSHI_WORKER: bool(true),
    KANSHI_SYNC_RUN_RETENTION_DAYS: intIn(1, 3650, 90),
    /** CloudTrail LookupEvents ingest interval; 0 = off (only "Sync now"/"Backfill" on the Timeline page and trail-file imports) */
    KANSHI_TRAIL_INTERVAL_MINUTES: intIn(0, 24 * 60, 10),
    /** write-back: sends of one outbox item before it is FAILED */
    KANSHI_OUTBOX_MAX_ATTEMPTS: intIn(1, 100, 5),
    /** write-back: wait after the first failed send; doubles with each attempt, at most an hour */
    KANSHI_OUTBOX_BACKOFF_SECONDS: intIn(1, 3600, 30),
    KANSHI_SIM_SCALE: intIn(0, 1_000_000, 3000),
    KANSHI_SIM_SEED: intIn(0, 2 ** 31 - 1, 1),
    /** the demo organization's clock at start (YYYY-MM-DD, UTC midnight); default today, so the demo's data is current */
    KANSHI_SIM_START: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD").optional(),
    KANSHI_DATA_DIR: z.string().min(1).default(".data"),
    EMBEDDED_PG_PORT: intIn(1024, 65535, 54329),
    PORT: intIn(1, 65535, 3000),
    NEXTAUTH_URL: z.url({ message: "must be the public URL of the console, e.g. https://kanshi.example.com" }).optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
    OIDC_ISSUER: z.url({ message: "must be the issuer URL of your OIDC provider" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("SSO"),
    OIDC_NEW_USER_ROLE: z.enum(["ADMIN", "ANALYST", "VIEWER", "none"]).default("none"),
    LOGIN_MAX_FAILURES: intIn(1, 1000, 10),
    LOGIN_FAILURE_WINDOW_MINUTES: intIn(1, 24 * 60, 15),
    TRUST_PROXY: bool(false),
    /** notifications: Slack-compatible incoming webhook that receives the digest */
    KANSHI_NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL (a Slack-compatible incoming webhook)" }).optional(),
    /** notifications: SMTP server for the e-mail digest, e.g. smtps://user:password@smtp.example.com:465 */
    KANSHI_NOTIFY_SMTP_URL: z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465" }).optional(),
    KANSHI_NOTIFY_EMAIL_FROM: z
      .string()
      .refine((v) => z.email().safeParse(/<([^<>]+)>\s*$/.exec(v)?.[1] ?? v).success, "must be an e-mail address, e.g. kanshi@example.com or Kanshi <kanshi@example.com>")
      .optional(),
    KANSHI_NOTIFY_EMAIL_TO: z
      .string()
      .transform((v) => v.split(",").map((a) => a.trim()).filter(Boolean))
      .pipe(z.array(z.email({ message: "must be e-mail addresses, comma-separated" })).min(1, "must name at least one e-mail address"))
      .optional(),
    /** notifications: minutes between digests (0 = off) */
    KANSHI_NOTIFY_INTERVAL_MINUTES: intIn(0, 7 * 24 * 60, 60),
    /** notifications: sends of one digest to one channel before it is FAILED */
    KANSHI_NOTIFY_MAX_ATTEMPTS: intIn(1, 100, 5),
  })
  .superRefine((e, ctx) => {
    if (e.KANSHI_AWS_MODE === "aws" && e.KANSHI_TOPOLOGY === "fan-out" && !e.KANSHI_EXTERNAL_ID) {
      ctx.addIssue({ code: "custom", path: ["KANSHI_EXTERNAL_ID"], message: "is required for KANSHI_TOPOLOGY=fan-out (the ExternalId of the member read role)" });
    }
    const demoUsers = e.KANSHI_DEMO === undefined ? e.KANSHI_AWS_MODE === "demo" : ["true", "1", "yes"].includes(e.KANSHI_DEMO);
    if (!demoUsers && !e.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required outside demo mode (at least 32 characters, e.g. `openssl rand -base64 32`)",
      });
    }
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!e[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when any OIDC_* setting is set (SSO needs issuer, client id and secret)" });
      }
    }
    const email = ["KANSHI_NOTIFY_SMTP_URL", "KANSHI_NOTIFY_EMAIL_FROM", "KANSHI_NOTIFY_EMAIL_TO"] as const;
    if (email.some((key) => e[key]) && !email.every((key) => e[key])) {
      for (const key of email) {
        if (!e[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when any of KANSHI_NOTIFY_SMTP_URL, KANSHI_NOTIFY_EMAIL_FROM, KANSHI_NOTIFY_EMAIL_TO is set (the e-mail digest needs all three)" });
      }
    }
  })
  .transform(({ KANSHI_DEMO, KANSHI_REGIONS, ...rest }) => ({
    ...rest,
    KANSHI_DEMO: KANSHI_DEMO === undefined ? rest.KANSHI_AWS_MODE === "demo" : ["true", "1", "yes"].includes(KANSHI_DEMO),
    KANSHI_REGIONS: KANSHI_REGIONS ?? (rest.KANSHI_AWS_MODE === "demo" ? ["us-east-1", "ap-northeast-1", "eu-west-1"] : ["us-east-1"]),
  }));

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every setting.`);
    this.name = "EnvError";
  }
}

/** Validates a set of variables (process.env by default); throws EnvError naming each bad setting. */
export function parseEnv(source: Record<string, string | undefined> = process.env): TEnv {
  // An empty string means "not set", as in most .env loaders.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(environment)"} ${i.message}`));
}

let cached: TEnv | undefined;

/** The validated configuration of this process. */
export function getEnv(): TEnv {
  cached ??= parseEnv();
  return cached;
}
