import "server-only";
import type { TSimAccount, TSimOrganization } from "./organization";
import { choose, chooseWeighted, hex, pick, unit } from "./random";
import { gdActors, resourceFor } from "../render/resources";

// CloudTrail management events of one account and region, as pure functions of (seed, account, region, n):
// a steady background of API calls (event n at a strictly increasing time, so "newest first before T" is
// an index walk) plus a short sorted list of "story" events tied to the demo findings (storyEvents). Sensitive calls of every timeline preset are part of the background, rarely.

export const DAY_MS = 86_400_000;
/** Background events start here (long before any simulator clock), so history exists beyond 90 days. */
export const EPOCH_MS = Date.UTC(2025, 0, 1);

export type TTrailResource = { type: string; name: string; arn?: string };
export type TTrailRecord = Record<string, unknown> & { eventID: string; eventTime: string; eventName: string; eventSource: string };
export type TSimTrailEvent = {
  id: string; time: number; name: string; source: string; readOnly: boolean; username: string | null; accessKeyId: string | null;
  resources: TTrailResource[]; record: TTrailRecord;
};

export type TPrincipal =
  | { kind: "role"; role: string; session: string }
  | { kind: "user"; user: string }
  | { kind: "root" }
  | { kind: "service"; service: string };

type TCtx = { seed: number; acct: TSimAccount; region: string; n: number; salt: number };
export type TTemplate = {
  name: string; source: string; readOnly: boolean; weight: number; global?: boolean; console?: boolean;
  principal?: (c: TCtx) => TPrincipal;
  resources?: (c: TCtx) => TTrailResource[];
  params?: (c: TCtx, resources: TTrailResource[]) => Record<string, unknown> | null;
  response?: (c: TCtx) => Record<string, unknown> | null;
  /** error code and message, when this call failed */
  error?: (c: TCtx) => [string, string] | null;
};

const ROLES = ["ci-deploy-role", "app-task-role", "OrganizationAccountAccessRole", "AWSReservedSSO_AdministratorAccess_1a2b3c4d", "AWSReservedSSO_ReadOnlyAccess_5e6f7a8b", "lambda-exec-role"];
const USERS = ["ci-deployer", "terraform", "jenkins", "alice.kim", "bob.tanaka", "carol.smith", "legacy-batch", "backup-operator", "data-loader"];
const APPS = ["checkout", "orders", "catalog", "auth", "billing", "search", "ingest", "notifier", "etl", "gateway", "ledger", "profile"];
const AGENTS = [
  "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.79 exe/x86_64.amzn.2023 prompt/off command/ec2.describe-instances",
  "aws-sdk-java/2.25.6 Linux/5.10.210 OpenJDK_64-Bit_Server_VM/17.0.10+7-LTS",
  "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10 md/arch#x86_64 lang/python#3.11.6",
  "APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.40.0",
  "aws-sdk-js/3.540.0 ua/2.0 os/linux#5.10 lang/js md/nodejs#20.11.1",
];
const CONSOLE_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

const roleP = (c: TCtx): TPrincipal => ({ kind: "role", role: choose(ROLES, c.seed, c.salt, 11), session: choose(["deploy", "i-0a1b2c3d4e5f", "alice.kim@example.com", "bob.tanaka@example.com", "1712345678901"], c.seed, c.salt, 12) });
const userP = (c: TCtx): TPrincipal => ({ kind: "user", user: choose(USERS, c.seed, c.salt, 13) });
const anyP = (c: TCtx): TPrincipal => (unit(c.seed, c.salt, 14) < 0.7 ? roleP(c) : userP(c));
const serviceP = (service: string) => (): TPrincipal => ({ kind: "service", service });
const app = (c: TCtx) => choose(APPS, c.seed, c.salt, 20);
const bucket = (c: TCtx): TTrailResource => {
  const name = `${c.acct.name}-${app(c)}-${hex(6, c.seed, c.salt, 21)}`;
  return { type: "AWS::S3::Bucket", name, arn: `arn:aws:s3:::${name}` };
};
const instance = (c: TCtx): TTrailResource => {
  const id = `i-0${hex(16, c.seed, c.salt, 22)}`;
  return { type: "AWS::EC2::Instance", name: id, arn: `arn:aws:ec2:${c.region}:${c.acct.id}:instance/${id}` };
};
const securityGroup = (c: TCtx): TTrailResource => {
  const id = `sg-0${hex(16, c.seed, c.salt, 23)}`;
  return { type: "AWS::EC2::SecurityGroup", name: id, arn: `arn:aws:ec2:${c.region}:${c.acct.id}:security-group/${id}` };
};
const iamUser = (c: TCtx): TTrailResource => {
  const name = choose(USERS, c.seed, c.salt, 24);
  return { type: "AWS::IAM::User", name, arn: `arn:aws:iam::${c.acct.id}:user/${name}` };
};
const kmsKey = (c: TCtx): TTrailResource => {
  const id = `${hex(8, c.seed, c.salt, 25)}-${hex(4, c.seed, c.salt, 26)}-4${hex(3, c.seed, c.salt, 27)}-a${hex(3, c.seed, c.salt, 28)}-${hex(12, c.seed, c.salt, 29)}`;
  return { type: "AWS::KMS::Key", name: id, arn: `arn:aws:kms:${c.region}:${c.acct.id}:key/${id}` };
};
const trail = (c: TCtx): TTrailResource => ({ type: "AWS::CloudTrail::Trail", name: `${c.acct.name}-trail`, arn: `arn:aws:cloudtrail:${c.region}:${c.acct.id}:trail/${c.acct.name}-trail` });
const denied = (rate: number) => (c: TCtx): [string, string] | null => (unit(c.seed, c.salt, 30) < rate ? ["AccessDenied", "User is not authorized to perform this operation"] : null);

/** Ordinary traffic, by weight. */
const BACKGROUND: TTemplate[] = [
  { name: "DescribeInstances", source: "ec2.amazonaws.com", readOnly: true, weight: 14, principal: anyP, error: denied(0.02) },
  { name: "DescribeSecurityGroups", source: "ec2.amazonaws.com", readOnly: true, weight: 6, principal: anyP },
  { name: "GetBucketAcl", source: "s3.amazonaws.com", readOnly: true, weight: 5, principal: serviceP("config.amazonaws.com"), resources: (c) => [bucket(c)], params: (_, r) => ({ bucketName: r[0]?.name, acl: "" }) },
  { name: "ListBuckets", source: "s3.amazonaws.com", readOnly: true, weight: 4, principal: anyP },
  { name: "AssumeRole", source: "sts.amazonaws.com", readOnly: true, weight: 10, principal: userP, params: (c) => ({ roleArn: `arn:aws:iam::${c.acct.id}:role/${choose(ROLES, c.seed, c.salt, 31)}`, roleSessionName: "deploy" }) },
  { name: "GetCallerIdentity", source: "sts.amazonaws.com", readOnly: true, weight: 4, principal: anyP },
  { name: "Decrypt", source: "kms.amazonaws.com", readOnly: true, weight: 8, principal: roleP, resources: (c) => [kmsKey(c)] },
  { name: "GenerateDataKey", source: "kms.amazonaws.com", readOnly: true, weight: 3, principal: roleP, resources: (c) => [kmsKey(c)] },
  { name: "DescribeDBInstances", source: "rds.amazonaws.com", readOnly: true, weight: 3, principal: anyP },
  { name: "ListFunctions20150331", source: "lambda.amazonaws.com", readOnly: true, weight: 3, principal: anyP },
  { name: "GetFindings", source: "securityhub.amazonaws.com", readOnly: true, weight: 3, principal: roleP },
  { name: "PutEvaluations", source: "config.amazonaws.com", readOnly: false, weight: 3, principal: serviceP("config.amazonaws.com") },
  { name: "RunInstances", source: "ec2.amazonaws.com", readOnly: false, weight: 2, principal: roleP, resources: (c) => [instance(c)], params: (c) => ({ instanceType: choose(["t3.medium", "m5.large"], c.seed, c.salt, 32), minCount: 1, maxCount: 1 }) },
  { name: "TerminateInstances", source: "ec2.amazonaws.com", readOnly: false, weight: 1, principal: roleP, resources: (c) => [instance(c)] },
  { name: "CreateTags", source: "ec2.amazonaws.com", readOnly: false, weight: 2, principal: roleP, resources: (c) => [instance(c)] },
  { name: "PutObject", source: "s3.amazonaws.com", readOnly: false, weight: 2, principal: roleP, resources: (c) => [bucket(c)], params: (_, r) => ({ bucketName: r[0]?.name, key: "reports/daily.csv" }) },
  { name: "UpdateFunctionCode20150331v2", source: "lambda.amazonaws.com", readOnly: false, weight: 1, principal: roleP, params: (c) => ({ functionName: `${app(c)}-handler` }) },
  { name: "ListUsers", source: "iam.amazonaws.com", readOnly: true, weight: 3, global: true, principal: anyP },
  { name: "GetRole", source: "iam.amazonaws.com", readOnly: true, weight: 3, global: true, principal: anyP },
  { name: "ConsoleLogin", source: "signin.amazonaws.com", readOnly: false, weight: 2, global: true, console: true, principal: (c) => ({ kind: "role", role: "AWSReservedSSO_AdministratorAccess_1a2b3c4d", session: choose(["alice.kim@example.com", "bob.tanaka@example.com"], c.seed, c.salt, 33) }) },
  { name: "CreateLogStream", source: "logs.amazonaws.com", readOnly: false, weight: 4, principal: serviceP("lambda.amazonaws.com") },
];

/** Sensitive calls: one per timeline preset category, rare in the background. */
export const SENSITIVE: TTemplate[] = [
  { name: "ConsoleLogin", source: "signin.amazonaws.com", readOnly: false, weight: 0.15, global: true, console: true, principal: () => ({ kind: "root" }) },
  { name: "ConsoleLogin", source: "signin.amazonaws.com", readOnly: false, weight: 0.2, global: true, console: true, principal: userP, params: () => null, response: () => ({ ConsoleLogin: "Success" }) },
  { name: "ConsoleLogin", source: "signin.amazonaws.com", readOnly: false, weight: 0.2, global: true, console: true, principal: userP, error: () => ["Failed authentication", "Failed authentication"] },
  { name: "StopLogging", source: "cloudtrail.amazonaws.com", readOnly: false, weight: 0.05, principal: userP, resources: (c) => [trail(c)], params: (_, r) => ({ name: r[0]?.arn }) },
  { name: "UpdateTrail", source: "cloudtrail.amazonaws.com", readOnly: false, weight: 0.05, principal: roleP, resources: (c) => [trail(c)], params: (_, r) => ({ name: r[0]?.arn, isMultiRegionTrail: false }) },
  { name: "DeleteTrail", source: "cloudtrail.amazonaws.com", readOnly: false, weight: 0.02, principal: userP, resources: (c) => [trail(c)], params: (_, r) => ({ name: r[0]?.arn }) },
  { name: "DisableSecurityHub", source: "securityhub.amazonaws.com", readOnly: false, weight: 0.02, principal: userP },
  { name: "DeleteDetector", source: "guardduty.amazonaws.com", readOnly: false, weight: 0.02, principal: userP, params: (c) => ({ detectorId: hex(32, c.seed, 8400, c.acct.index) }) },
  { name: "StopConfigurationRecorder", source: "config.amazonaws.com", readOnly: false, weight: 0.03, principal: roleP, params: () => ({ configurationRecorderName: "default" }) },
  { name: "CreateAccessKey", source: "iam.amazonaws.com", readOnly: false, weight: 0.1, global: true, principal: userP, resources: (c) => [iamUser(c)], params: (_, r) => ({ userName: r[0]?.name }) },
  { name: "CreateUser", source: "iam.amazonaws.com", readOnly: false, weight: 0.05, global: true, principal: roleP, resources: (c) => [iamUser(c)], params: (_, r) => ({ userName: r[0]?.name }) },
  { name: "AttachUserPolicy", source: "iam.amazonaws.com", readOnly: false, weight: 0.05, global: true, principal: roleP, resources: (c) => [iamUser(c)], params: (_, r) => ({ userName: r[0]?.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }) },
  { name: "PutUserPolicy", source: "iam.amazonaws.com", readOnly: false, weight: 0.03, global: true, principal: userP, resources: (c) => [iamUser(c)], params: (_, r) => ({ userName: r[0]?.name, policyName: "inline-admin" }) },
  { name: "AuthorizeSecurityGroupIngress", source: "ec2.amazonaws.com", readOnly: false, weight: 0.15, principal: anyP, resources: (c) => [securityGroup(c)], params: (c, r) => ingressParams(r[0]?.name ?? "", pick(3, c.seed, c.salt, 34)) },
  { name: "PutBucketPolicy", source: "s3.amazonaws.com", readOnly: false, weight: 0.08, principal: anyP, resources: (c) => [bucket(c)], params: (_, r) => ({ bucketName: r[0]?.name, bucketPolicy: { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }] } }) },
  { name: "PutBucketAcl", source: "s3.amazonaws.com", readOnly: false, weight: 0.04, principal: anyP, resources: (c) => [bucket(c)], params: (_, r) => ({ bucketName: r[0]?.name, "x-amz-acl": ["public-read"] }) },
  { name: "DeletePublicAccessBlock", source: "s3.amazonaws.com", readOnly: false, weight: 0.04, principal: userP, resources: (c) => [bucket(c)], params: (_, r) => ({ bucketName: r[0]?.name, publicAccessBlock: "" }) },
  { name: "ScheduleKeyDeletion", source: "kms.amazonaws.com", readOnly: false, weight: 0.04, principal: roleP, resources: (c) => [kmsKey(c)], params: (_, r) => ({ keyId: r[0]?.arn, pendingWindowInDays: 7 }) },
  { name: "DisableKey", source: "kms.amazonaws.com", readOnly: false, weight: 0.04, principal: roleP, resources: (c) => [kmsKey(c)], params: (_, r) => ({ keyId: r[0]?.arn }) },
  { name: "LeaveOrganization", source: "organizations.amazonaws.com", readOnly: false, weight: 0.01, global: true, principal: userP, error: denied(0.5) },
];

/** Ingress from anywhere: IPv4 0.0.0.0/0, IPv6 ::/0, or (variant 2) an office range. */
export function ingressParams(groupId: string, variant: number): Record<string, unknown> {
  const range = variant === 0 ? { ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] } } : variant === 1 ? { ipv6Ranges: { items: [{ cidrIpv6: "::/0" }] } } : { ipRanges: { items: [{ cidrIp: "203.0.113.0/24" }] } };
  return { groupId, ipPermissions: { items: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, groups: {}, ...range }] } };
}

const ALL = [...BACKGROUND, ...SENSITIVE].map((t) => ({ weight: t.weight, value: t }));
const REGIONAL = ALL.filter((t) => !t.value.global);

/** Background event rate of one account and region per day: enough for weeks of history in the demo. */
export function perDay(scale: number): number {
  return Math.max(2, Math.round(scale / 60));
}

export function uuid(...parts: number[]): string {
  const h = hex(32, ...parts);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16] as string, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function accessKeyOf(seed: number, acct: TSimAccount, p: TPrincipal): string | null {
  if (p.kind === "service") return null;
  const tag = p.kind === "user" ? USERS.indexOf(p.user) : p.kind === "root" ? 99 : ROLES.indexOf(p.role);
  return `${p.kind === "role" ? "ASIA" : "AKIA"}${hex(16, seed, 8101, acct.index, tag, p.kind.length).toUpperCase()}`;
}

export function sourceIpOf(seed: number, p: TPrincipal, salt: number): string {
  if (p.kind === "service") return p.service;
  const r = unit(seed, salt, 40);
  if (r < 0.15) return `2001:db8:${hex(4, seed, salt, 41)}::${hex(3, seed, salt, 42)}`;
  if (r < 0.6) return `203.0.113.${1 + pick(254, seed, salt, 43)}`;
  return `198.51.100.${1 + pick(254, seed, salt, 44)}`;
}

/** userIdentity of a CloudTrail record, and the name LookupEvents reports as Username. */
export function identityOf(seed: number, acct: TSimAccount, p: TPrincipal, consoleLogin: boolean): { identity: Record<string, unknown>; username: string | null } {
  const accessKeyId = consoleLogin ? undefined : (accessKeyOf(seed, acct, p) ?? undefined);
  switch (p.kind) {
    case "root":
      return { identity: { type: "Root", principalId: acct.id, arn: `arn:aws:iam::${acct.id}:root`, accountId: acct.id, ...(accessKeyId ? { accessKeyId } : {}) }, username: "root" };
    case "user":
      return { identity: { type: "IAMUser", principalId: `AIDA${hex(17, seed, 8102, acct.index, USERS.indexOf(p.user)).toUpperCase()}`, arn: `arn:aws:iam::${acct.id}:user/${p.user}`, accountId: acct.id, ...(accessKeyId ? { accessKeyId } : {}), userName: p.user }, username: p.user };
    case "role": {
      const roleId = `AROA${hex(17, seed, 8103, acct.index, ROLES.indexOf(p.role)).toUpperCase()}`;
      return {
        identity: {
          type: "AssumedRole", principalId: `${roleId}:${p.session}`, arn: `arn:aws:sts::${acct.id}:assumed-role/${p.role}/${p.session}`, accountId: acct.id,
          ...(accessKeyId ? { accessKeyId } : {}),
          sessionContext: { sessionIssuer: { type: "Role", principalId: roleId, arn: `arn:aws:iam::${acct.id}:role/${p.role}`, accountId: acct.id, userName: p.role }, attributes: { creationDate: "2026-01-01T00:00:00Z", mfaAuthenticated: "false" } },
        },
        username: p.session,
      };
    }
    default:
      return { identity: { type: "AWSService", invokedBy: p.service }, username: null };
  }
}

/** A full CloudTrail record and its LookupEvents view. */
export function buildEvent(o: {
  seed: number; acct: TSimAccount; region: string; time: number; id: string; template: TTemplate; ctx: TCtx;
  principal?: TPrincipal; sourceIp?: string; resources?: TTrailResource[]; accessKeyId?: string;
}): TSimTrailEvent {
  const t = o.template;
  const c = o.ctx;
  const principal = o.principal ?? t.principal?.(c) ?? roleP(c);
  const { identity, username } = identityOf(o.seed, o.acct, principal, !!t.console);
  if (o.accessKeyId) identity.accessKeyId = o.accessKeyId;
  const resources = o.resources ?? t.resources?.(c) ?? [];
  const error = t.error?.(c) ?? null;
  const region = t.global ? "us-east-1" : o.region;
  const consoleLogin = t.name === "ConsoleLogin";
  const mfa = consoleLogin ? (principal.kind === "root" || unit(o.seed, c.salt, 45) < 0.3 ? "No" : "Yes") : undefined;
  if (identity.sessionContext && consoleLogin) (identity.sessionContext as { attributes: Record<string, string> }).attributes.mfaAuthenticated = mfa === "Yes" ? "true" : "false";
  const record: TTrailRecord = {
    eventVersion: "1.09", userIdentity: identity, eventTime: new Date(o.time).toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: t.source, eventName: t.name, awsRegion: region,
    sourceIPAddress: o.sourceIp ?? sourceIpOf(o.seed, principal, c.salt),
    userAgent: t.console ? CONSOLE_AGENT : principal.kind === "service" ? principal.service : choose(AGENTS, o.seed, c.salt, 46),
    ...(error ? { errorCode: error[0], errorMessage: error[1] } : {}),
    requestParameters: t.params?.(c, resources) ?? null,
    responseElements: consoleLogin ? { ConsoleLogin: error ? "Failure" : "Success" } : (t.response?.(c) ?? null),
    ...(consoleLogin ? { additionalEventData: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: mfa } } : {}),
    requestID: uuid(o.seed, 8104, c.salt), eventID: o.id, readOnly: t.readOnly,
    ...(resources.length ? { resources: resources.map((r) => ({ ARN: r.arn ?? r.name, accountId: o.acct.id, type: r.type })) } : {}),
    eventType: t.console ? "AwsConsoleSignIn" : "AwsApiCall", managementEvent: true, recipientAccountId: o.acct.id, eventCategory: "Management",
  };
  return {
    id: o.id, time: o.time, name: t.name, source: t.source, readOnly: t.readOnly, username,
    accessKeyId: (identity.accessKeyId as string | undefined) ?? null, resources, record,
  };
}

/** The n-th background event of an account and region: times strictly increase with n. */
export class BackgroundStream {
  readonly stepMs: number;
  constructor(readonly seed: number, readonly org: TSimOrganization, readonly acct: TSimAccount, readonly region: number, scale: number) {
    this.stepMs = Math.floor(DAY_MS / perDay(scale) / 1000) * 1000;
  }

  timeOf(n: number): number {
    // whole seconds, jittered inside the step so that times stay strictly increasing
    return EPOCH_MS + n * this.stepMs + Math.floor(unit(this.seed, 8001, this.acct.index, this.region, n) * (this.stepMs / 1000 - 1)) * 1000;
  }

  /** The last n whose time is ≤ t (−1 when none). */
  lastAtOrBefore(t: number): number {
    let n = Math.floor((t - EPOCH_MS) / this.stepMs);
    while (n >= 0 && this.timeOf(n) > t) n--;
    return n;
  }

  event(n: number): TSimTrailEvent {
    const salt = Number.parseInt(hex(7, this.seed, 8002, this.acct.index, this.region, n), 16);
    const region = this.org.regions[this.region] as string;
    const choices = this.region === 0 ? ALL : REGIONAL;
    const template = chooseWeighted(choices, this.seed, 8003, this.acct.index, this.region, n);
    const ctx: TCtx = { seed: this.seed, acct: this.acct, region, n, salt };
    return buildEvent({ seed: this.seed, acct: this.acct, region, time: this.timeOf(n), id: uuid(this.seed, 8004, this.acct.index, this.region, n), template, ctx });
  }
}

export function templateByName(name: string): TTemplate {
  return ([...SENSITIVE, ...BACKGROUND].find((t) => t.name === name) ?? BACKGROUND[0]) as TTemplate;
}

// ---- story events: the API calls behind the demo findings ----

/** How many of the first findings get story events (enough for the demo, cheap to build). */
const STORY_FINDINGS = 1500;
const MINUTE = 60_000;

const adHoc = (name: string, source: string, readOnly = false, extra: Partial<TTemplate> = {}): TTemplate => ({ name, source, readOnly, weight: 0, ...extra });
const sensitive = (name: string, n = 0): TTemplate => SENSITIVE.filter((t) => t.name === name)[n] ?? adHoc(name, "unknown.amazonaws.com");

/** The call that typically causes a control finding on a resource of this ASFF type. */
function controlCause(type: string, variant: number): { template: TTemplate; params?: (r: TTrailResource) => Record<string, unknown> } | null {
  switch (type) {
    case "AwsEc2SecurityGroup": return { template: sensitive("AuthorizeSecurityGroupIngress"), params: (r) => ingressParams(r.name, variant % 2) };
    case "AwsS3Bucket": return { template: sensitive(choose(["PutBucketPolicy", "DeletePublicAccessBlock", "PutBucketAcl"], variant)) };
    case "AwsKmsKey": return { template: sensitive(variant % 2 ? "DisableKey" : "ScheduleKeyDeletion") };
    case "AwsIamUser": return { template: sensitive(variant % 2 ? "AttachUserPolicy" : "CreateAccessKey") };
    case "AwsCloudTrailTrail": return { template: sensitive(variant % 2 ? "UpdateTrail" : "StopLogging") };
    case "AwsAccount": return { template: sensitive("ConsoleLogin", 0) };
    case "AwsEc2Instance": return { template: adHoc("ModifyInstanceAttribute", "ec2.amazonaws.com") };
    case "AwsLambdaFunction": return { template: adHoc("UpdateFunctionConfiguration20150331v2", "lambda.amazonaws.com") };
    case "AwsRdsDbInstance": return { template: adHoc("ModifyDBInstance", "rds.amazonaws.com") };
    case "AwsIamRole": return { template: adHoc("UpdateAssumeRolePolicy", "iam.amazonaws.com", false, { global: true }) };
    case "AwsIamPolicy": return { template: adHoc("CreatePolicyVersion", "iam.amazonaws.com", false, { global: true }) };
    default: return null;
  }
}

const RESOURCE_TYPE: Record<string, string> = {
  AwsEc2SecurityGroup: "AWS::EC2::SecurityGroup", AwsS3Bucket: "AWS::S3::Bucket", AwsKmsKey: "AWS::KMS::Key", AwsIamUser: "AWS::IAM::User",
  AwsCloudTrailTrail: "AWS::CloudTrail::Trail", AwsAccount: "AWS::::Account", AwsEc2Instance: "AWS::EC2::Instance", AwsLambdaFunction: "AWS::Lambda::Function",
  AwsRdsDbInstance: "AWS::RDS::DBInstance", AwsIamRole: "AWS::IAM::Role", AwsIamPolicy: "AWS::IAM::Policy",
};

/** The short name AWS shows for a resource ARN: the part after the last "/" or ":". */
export function shortName(arn: string): string {
  return arn.slice(Math.max(arn.lastIndexOf("/"), arn.lastIndexOf(":")) + 1);
}

/** The GuardDuty activity behind a finding type: API calls by the finding's actor. */
function gdCalls(type: string, resource: string): TTemplate[] {
  if (type.startsWith("Stealth:IAMUser/CloudTrailLoggingDisabled")) return [sensitive("StopLogging")];
  if (type.startsWith("Policy:IAMUser/RootCredentialUsage")) return [adHoc("ListBuckets", "s3.amazonaws.com", true)];
  if (type.includes("ConsoleLoginSuccess")) return [sensitive("ConsoleLogin", 1), adHoc("ListUsers", "iam.amazonaws.com", true, { global: true })];
  if (type.startsWith("Policy:S3/BucketBlockPublicAccessDisabled")) return [sensitive("DeletePublicAccessBlock")];
  if (type.startsWith("AttackSequence")) return [adHoc("GetCallerIdentity", "sts.amazonaws.com", true), sensitive("CreateAccessKey"), sensitive("AttachUserPolicy")];
  if (resource === "S3Bucket") return [adHoc("ListObjects", "s3.amazonaws.com", true), adHoc("GetObject", "s3.amazonaws.com", true)];
  if (resource === "AccessKey") return [adHoc("GetCallerIdentity", "sts.amazonaws.com", true), adHoc(type.includes("Recon") ? "GetBucketAcl" : "DescribeInstances", type.includes("Recon") ? "s3.amazonaws.com" : "ec2.amazonaws.com", true)];
  return [adHoc("DescribeInstanceAttribute", "ec2.amazonaws.com", true), adHoc("CreateTags", "ec2.amazonaws.com")];
}

type TStoryData = {
  seed: number; scale: number; org: TSimOrganization;
  model: { identity(i: number): { kind: string; account: number; region: number; gd?: number; control?: { resourceType: string; global: boolean } }; gdIdentity(j: number): { account: number; region: number; type: { type: string; resource: string } } };
  timeline: { baseTime(i: number): number; population(t: number): number };
  gdLow: (j: number) => { createdAt: number } | null;
};

/** Story events of every account and region, by "accountIndex:regionIndex", oldest first. */
export function storyEvents(d: TStoryData, startMs: number): Map<string, TSimTrailEvent[]> {
  const out = new Map<string, TSimTrailEvent[]>();
  const add = (account: number, region: number, e: TSimTrailEvent) => {
    const r = e.record.awsRegion === "us-east-1" ? 0 : region;
    const key = `${account}:${r}`;
    const list = out.get(key) ?? [];
    list.push(e);
    out.set(key, list);
  };
  const created = (i: number) => d.timeline.baseTime(i) - Math.floor(unit(d.seed, 301, i) * 20 * DAY_MS);
  const seconds = (t: number) => Math.floor(t / 1000) * 1000;
  const limit = Math.min(d.timeline.population(startMs), STORY_FINDINGS);
  for (let i = 0; i < limit; i++) {
    const id = d.model.identity(i);
    const acct = d.org.accounts[id.account] as TSimAccount;
    const region = d.org.regions[id.region] as string;
    const salt = Number.parseInt(hex(7, d.seed, 8201, i), 16);
    const ctx: TCtx = { seed: d.seed, acct, region, n: i, salt };
    if (id.kind === "control" && id.control) {
      const cause = controlCause(id.control.resourceType, pick(6, d.seed, 8202, i));
      if (!cause) continue;
      const arn = resourceFor(id.control.resourceType, d.seed, i, acct.id, acct.name, region).Id;
      const resource: TTrailResource = { type: RESOURCE_TYPE[id.control.resourceType] ?? id.control.resourceType, name: shortName(arn), arn };
      const template = cause.params ? { ...cause.template, params: () => cause.params?.(resource) ?? null } : cause.template;
      const e = buildEvent({ seed: d.seed, acct, region, time: seconds(created(i) - 10 * MINUTE), id: uuid(d.seed, 8203, i), template, ctx, resources: id.control.resourceType === "AwsAccount" ? [] : [resource] });
      add(id.account, id.region, e);
    } else if (id.kind === "guardduty" && id.gd !== undefined) {
      addGuardDuty(d, id.gd, created(i), add);
    }
  }
  // Native-only (LOW) GuardDuty findings: j = 5m + 4
  for (let j = 4; j < limit / 2; j += 5) {
    const low = d.gdLow(j);
    if (low) addGuardDuty(d, j, low.createdAt, add);
  }
  for (const list of out.values()) list.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  return out;
}

function addGuardDuty(d: TStoryData, j: number, createdAt: number, add: (account: number, region: number, e: TSimTrailEvent) => void): void {
  const g = d.model.gdIdentity(j);
  const acct = d.org.accounts[g.account] as TSimAccount;
  const region = d.org.regions[g.region] as string;
  const a = gdActors(d.seed, j);
  const resources: TTrailResource[] = g.type.resource === "S3Bucket" ? [{ type: "AWS::S3::Bucket", name: a.bucket, arn: `arn:aws:s3:::${a.bucket}` }]
    : g.type.resource === "Instance" ? [{ type: "AWS::EC2::Instance", name: a.instanceId, arn: `arn:aws:ec2:${region}:${acct.id}:instance/${a.instanceId}` }] : [];
  const instance = g.type.resource === "Instance";
  gdCalls(g.type.type, g.type.resource).forEach((template, k) => {
    const salt = Number.parseInt(hex(7, d.seed, 8204, j, k), 16);
    const root = g.type.type.includes("RootCredentialUsage");
    const e = buildEvent({
      seed: d.seed, acct, region, time: Math.floor((createdAt - (5 - k) * MINUTE) / 1000) * 1000, id: uuid(d.seed, 8205, j, k), template,
      ctx: { seed: d.seed, acct, region, n: j, salt },
      principal: root ? { kind: "root" } : instance ? { kind: "role", role: "app-task-role", session: a.instanceId } : { kind: "user", user: a.user },
      sourceIp: a.ip, resources: template.resources ? undefined : resources, accessKeyId: root || instance ? undefined : a.accessKeyId,
    });
    add(g.account, g.region, e);
  });
}
