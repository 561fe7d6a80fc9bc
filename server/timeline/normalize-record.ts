import "server-only";
import { isIP } from "node:net";

// One CloudTrail record (a trail file's Records[] item, or LookupEvents' CloudTrailEvent) → the row we
// store. Both paths go through here, so an event read both ways is stored the same way.

export type TEventRow = {
  eventId: string; eventTime: Date; eventName: string; eventSource: string; accountId: string; region: string;
  principalArn: string | null; principalType: string | null; userName: string | null; accessKeyId: string | null;
  sourceAddress: string | null; sourceIp: string | null; userAgent: string | null; readOnly: boolean | null;
  errorCode: string | null; errorMessage: string | null; resources: string[]; raw: string; origin: "lookup" | "file";
};

// Validated by hand rather than with zod: imports run this for every record (≥ 20,000 a second) and a
// passthrough zod object costs more than the rest of the row. The rules are those of a CloudTrail record.
type TObject = Record<string, unknown>;
type TIdentity = { type?: string; arn?: string; accountId?: string; accessKeyId?: string; userName?: string; invokedBy?: string };
type TRecord = {
  eventID: string; eventTime: string; eventName: string; eventSource: string; awsRegion: string; recipientAccountId?: string; userIdentity?: TIdentity;
  sourceIPAddress?: string; userAgent?: string; readOnly?: boolean | string; errorCode?: string; errorMessage?: string;
  resources?: { ARN?: unknown }[]; requestParameters?: TObject | null;
};

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const isObject = (v: unknown): v is TObject => typeof v === "object" && v !== null && !Array.isArray(v);

const ACCOUNT = /^\d{12}$/;
type TRule = { required?: boolean; max?: number; test?: (v: string) => boolean; message?: string };
const NO_RULE: TRule = {};
const RULES = {
  eventID: { required: true, test: (v: string) => UUID.test(v), message: "not a UUID" },
  eventTime: { required: true, test: (v: string) => !Number.isNaN(Date.parse(v)), message: "not a time" },
  name: { required: true, max: 256 },
  region: { required: true, max: 64 },
  account: { test: (v: string) => ACCOUNT.test(v), message: "not a 12-digit account id" },
  address: { max: 1024 },
} satisfies Record<string, TRule>;
const IDENTITY_KEYS = ["type", "arn", "accountId", "accessKeyId", "userName", "invokedBy"].map((key) => [key, `userIdentity.${key}`] as const);

// A module-level function rather than a closure per record: this runs ~15 times per record.
function checkText(errors: string[], obj: TObject, key: string, path: string, rule: TRule = NO_RULE): void {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (rule.required) errors.push(`${path}: required`);
  } else if (typeof v !== "string") errors.push(`${path}: not a string`);
  else if ((rule.required && v.length === 0) || v.length > (rule.max ?? 100_000)) errors.push(`${path}: bad length`);
  else if (rule.test && !rule.test(v)) errors.push(`${path}: ${rule.message ?? "invalid"}`);
}

function validate(input: unknown): { record: TRecord } | { error: string } {
  if (!isObject(input)) return { error: "record: not an object" };
  const errors: string[] = [];
  checkText(errors, input, "eventID", "eventID", RULES.eventID);
  checkText(errors, input, "eventTime", "eventTime", RULES.eventTime);
  checkText(errors, input, "eventName", "eventName", RULES.name);
  checkText(errors, input, "eventSource", "eventSource", RULES.name);
  checkText(errors, input, "awsRegion", "awsRegion", RULES.region);
  checkText(errors, input, "recipientAccountId", "recipientAccountId", RULES.account);
  checkText(errors, input, "sourceIPAddress", "sourceIPAddress", RULES.address);
  checkText(errors, input, "userAgent", "userAgent");
  checkText(errors, input, "errorCode", "errorCode");
  checkText(errors, input, "errorMessage", "errorMessage");
  const identity = input.userIdentity;
  if (identity !== undefined && identity !== null) {
    if (!isObject(identity)) errors.push("userIdentity: not an object");
    else for (const [key, path] of IDENTITY_KEYS) checkText(errors, identity, key, path);
  }
  if (input.readOnly !== undefined && typeof input.readOnly !== "boolean" && typeof input.readOnly !== "string") errors.push("readOnly: not a boolean");
  if (input.resources !== undefined && (!Array.isArray(input.resources) || !input.resources.every(isObject))) errors.push("resources: not a list of objects");
  if (input.requestParameters !== undefined && input.requestParameters !== null && !isObject(input.requestParameters)) errors.push("requestParameters: not an object");
  return errors.length ? { error: errors.slice(0, 3).join("; ") } : { record: input as unknown as TRecord };
}

/** The short name AWS shows for an ARN: the part after the last "/" or ":". */
export function shortName(arn: string): string {
  return arn.slice(Math.max(arn.lastIndexOf("/"), arn.lastIndexOf(":")) + 1);
}

// requestParameters keys that name the resource a call acts on.
const PARAM_KEYS = ["bucketName", "groupId", "userName", "roleName", "keyId", "functionName", "dBInstanceIdentifier", "name", "trailName", "detectorId", "policyArn", "instanceId", "accessKeyId"];

function resourcesOf(record: TRecord, extra: string[]): string[] {
  const out = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "string" || !value || value.length > 2048) return;
    out.add(value);
    if (value.startsWith("arn:")) out.add(shortName(value));
  };
  for (const r of record.resources ?? []) add(r.ARN);
  const params = record.requestParameters ?? {};
  for (const key of PARAM_KEYS) add(params[key]);
  if (typeof params.bucketName === "string") out.add(`arn:aws:s3:::${params.bucketName}`);
  const items = (params.instancesSet as { items?: { instanceId?: unknown }[] } | undefined)?.items;
  if (Array.isArray(items)) for (const i of items.slice(0, 50)) add(i?.instanceId);
  for (const name of extra) add(name);
  return [...out];
}

function userNameOf(identity: TIdentity): string | null {
  if (identity.userName) return identity.userName;
  if (identity.type === "Root") return "root";
  if (identity.type === "AssumedRole" && identity.arn) return shortName(identity.arn);
  return identity.invokedBy ?? null;
}

const withoutNul = (json: string) => (json.includes("\\u0000") ? json.replace(/\\u0000/g, "") : json);

/** Validates and normalizes one record; `extraResources` are names LookupEvents reported for it. */
export function normalizeRecord(input: unknown, origin: "lookup" | "file", extraResources: string[] = []): { ok: true; row: TEventRow } | { ok: false; error: string } {
  const checked = validate(input);
  if ("error" in checked) return { ok: false, error: checked.error };
  const r = checked.record;
  const identity = r.userIdentity ?? {};
  const accountId = r.recipientAccountId ?? (identity.accountId && ACCOUNT.test(identity.accountId) ? identity.accountId : null);
  if (!accountId) return { ok: false, error: "recipientAccountId: missing (and no userIdentity.accountId)" };
  const address = r.sourceIPAddress ?? null;
  return {
    ok: true,
    row: {
      eventId: r.eventID.toLowerCase(), eventTime: new Date(r.eventTime), eventName: r.eventName, eventSource: r.eventSource, accountId, region: r.awsRegion,
      principalArn: identity.arn ?? null, principalType: identity.type ?? null, userName: userNameOf(identity), accessKeyId: identity.accessKeyId || null,
      sourceAddress: address, sourceIp: address && isIP(address) ? address : null, userAgent: r.userAgent ?? null,
      readOnly: r.readOnly === undefined ? null : r.readOnly === true || r.readOnly === "true",
      errorCode: r.errorCode ?? null, errorMessage: r.errorMessage ?? null, resources: resourcesOf(r, extraResources),
      // PostgreSQL jsonb cannot hold \u0000
      raw: withoutNul(JSON.stringify(input)), origin,
    },
  };
}
