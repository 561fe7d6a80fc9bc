import "server-only";
import { z } from "zod";
import { STANDARDS, type TStandardKey } from "./findings.types";
import { guardDutySeverity, SEVERITIES, type TSeverity } from "./severity.types";

/** A finding as Kanshi stores it, from either source. GuardDuty findings and their Security Hub copies share externalId (the GuardDuty ARN). */
export type TFindingRow = {
  externalId: string;
  source: "SECURITY_HUB" | "GUARDDUTY";
  /** which API the row came from: the Security Hub copy owns workflow state, the native GuardDuty finding only archive state */
  origin: "securityhub" | "guardduty";
  guardDutyId: string | null;
  productArn: string | null;
  productName: string | null;
  generatorId: string | null;
  controlId: string | null;
  awsAccountId: string;
  region: string;
  title: string;
  description: string | null;
  severity: TSeverity;
  workflowStatus: "NEW" | "NOTIFIED" | "RESOLVED" | "SUPPRESSED";
  recordState: "ACTIVE" | "ARCHIVED";
  complianceStatus: string | null;
  /** the known standards the control finding counts for, in STANDARDS order (empty for other findings) */
  standards: TStandardKey[];
  resourceType: string | null;
  resourceId: string | null;
  /** never null: FirstObservedAt (Security Hub) / Service.EventFirstSeen (GuardDuty), else CreatedAt */
  firstObservedAt: Date;
  lastObservedAt: Date | null;
  awsCreatedAt: Date;
  awsUpdatedAt: Date;
  raw: unknown;
};

export type TNormalized = { ok: true; row: TFindingRow } | { ok: false; id: string; error: string };

const date = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: "is not a date" });
    return z.NEVER;
  }
  return d;
});
const optionalDate = date.optional().nullable().catch(null);
const accountId = z.string().regex(/^\d{12}$/, "must be a 12-digit account id");

// Only what Kanshi relies on is checked; the rest is kept as it came in `raw`.
const ZAsff = z.object({
  Id: z.string().min(1),
  ProductArn: z.string().min(1),
  ProductName: z.string().optional(),
  GeneratorId: z.string().optional(),
  AwsAccountId: accountId,
  Region: z.string().min(1).optional(),
  Title: z.string().min(1),
  Description: z.string().optional(),
  CreatedAt: date,
  UpdatedAt: date,
  FirstObservedAt: optionalDate,
  LastObservedAt: optionalDate,
  Severity: z.object({ Label: z.enum(SEVERITIES).optional(), Normalized: z.number().optional() }),
  Workflow: z.object({ Status: z.enum(["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"]).optional() }).optional(),
  WorkflowState: z.string().optional(),
  RecordState: z.enum(["ACTIVE", "ARCHIVED"]).optional(),
  Compliance: z.object({
    Status: z.string().optional(),
    SecurityControlId: z.string().optional(),
    // Lenient: an entry that is not { StandardsId: string } only loses its standard, never the finding.
    AssociatedStandards: z.array(z.unknown()).optional().catch(undefined),
  }).optional(),
  ProductFields: z.record(z.string(), z.string()).optional(),
  Resources: z.array(z.object({ Type: z.string().optional(), Id: z.string().optional() })).optional(),
});

function labelFromNormalized(n: number | undefined): TSeverity {
  if (n === undefined) return "INFORMATIONAL";
  if (n >= 90) return "CRITICAL";
  if (n >= 70) return "HIGH";
  if (n >= 40) return "MEDIUM";
  if (n >= 1) return "LOW";
  return "INFORMATIONAL";
}

const STANDARD_ENTRIES = Object.entries(STANDARDS) as [TStandardKey, string][];
/** "arn:aws:securityhub:::standards/…" (any partition or region) → "standards/…" */
const ARN_HEAD = /^arn:[^:]+:securityhub:[^:]*:[^:]*:/;

/**
 * The known standards a Security Hub finding counts for. A consolidated control finding (GeneratorId
 * "security-control/<ControlId>") lists them in Compliance.AssociatedStandards[].StandardsId
 * ("standards/aws-foundational-security-best-practices/v/1.0.0", "ruleset/cis-aws-foundations-benchmark/v/1.2.0", …);
 * a per-standard finding names its one standard in the GeneratorId prefix ("<standard>/<control>") and in
 * ProductFields.StandardsArn. Any of them counts; standards Kanshi does not score (CIS v1.2.0, PCI DSS, …) are left out.
 * The migration 20261127151000_finding_standards backfills stored findings with the same rules.
 */
export function findingStandards(f: { GeneratorId?: string; ProductFields?: Record<string, string>; Compliance?: { AssociatedStandards?: unknown[] } }): TStandardKey[] {
  const ids = new Set<string>();
  for (const entry of f.Compliance?.AssociatedStandards ?? []) {
    const id = (entry as { StandardsId?: unknown } | null)?.StandardsId;
    if (typeof id === "string") ids.add(id.replace(ARN_HEAD, ""));
  }
  const arn = f.ProductFields?.StandardsArn;
  if (arn) ids.add(arn.replace(ARN_HEAD, ""));
  const generator = f.GeneratorId ?? "";
  return STANDARD_ENTRIES.filter(([, path]) => ids.has(`standards/${path}`) || generator.startsWith(`${path}/`)).map(([key]) => key);
}

function regionFromArn(arn: string): string | null {
  return arn.split(":")[3] || null;
}

/** An ASFF finding from Security Hub GetFindings. */
export function normalizeAsff(input: unknown): TNormalized {
  const parsed = ZAsff.safeParse(input);
  if (!parsed.success) {
    const id = (input as { Id?: unknown } | null)?.Id;
    return { ok: false, id: typeof id === "string" ? id : "(no Id)", error: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") };
  }
  const f = parsed.data;
  const fromGuardDuty = /:product\/aws\/guardduty$/.test(f.ProductArn);
  const compliance = f.Compliance?.Status ?? null;
  let workflow = f.Workflow?.Status ?? (f.WorkflowState === "RESOLVED" ? "RESOLVED" : "NEW");
  // Security Hub semantics: a PASSED control finding is resolved (a suppression stays).
  if (compliance === "PASSED" && workflow !== "SUPPRESSED") workflow = "RESOLVED";
  const resource = f.Resources?.[0];
  return {
    ok: true,
    row: {
      externalId: f.Id,
      source: fromGuardDuty ? "GUARDDUTY" : "SECURITY_HUB",
      origin: "securityhub",
      guardDutyId: fromGuardDuty ? (f.Id.split("/").pop() ?? null) : null,
      productArn: f.ProductArn,
      productName: f.ProductName ?? null,
      generatorId: f.GeneratorId ?? null,
      controlId: f.Compliance?.SecurityControlId ?? f.ProductFields?.ControlId ?? null,
      awsAccountId: f.AwsAccountId,
      region: f.Region ?? regionFromArn(f.ProductArn) ?? "unknown",
      title: f.Title,
      description: f.Description ?? null,
      severity: f.Severity.Label ?? labelFromNormalized(f.Severity.Normalized),
      workflowStatus: workflow,
      recordState: f.RecordState ?? "ACTIVE",
      complianceStatus: compliance,
      standards: findingStandards(f),
      resourceType: resource?.Type ?? null,
      resourceId: resource?.Id ?? null,
      firstObservedAt: f.FirstObservedAt ?? f.CreatedAt,
      lastObservedAt: f.LastObservedAt ?? f.UpdatedAt,
      awsCreatedAt: f.CreatedAt,
      awsUpdatedAt: f.UpdatedAt,
      raw: input,
    },
  };
}

const ZGuardDuty = z.object({
  Id: z.string().min(1),
  Arn: z.string().min(1),
  AccountId: accountId,
  Region: z.string().min(1),
  Type: z.string().min(1),
  Title: z.string().optional(),
  Description: z.string().optional(),
  Severity: z.number(),
  CreatedAt: date,
  UpdatedAt: date,
  Resource: z.object({ ResourceType: z.string().optional() }).passthrough().optional(),
  Service: z
    .object({ Archived: z.boolean().optional(), EventFirstSeen: optionalDate, EventLastSeen: optionalDate })
    .passthrough()
    .optional(),
});

function guardDutyResourceId(resource: Record<string, unknown> | undefined): string | null {
  const r = resource as { InstanceDetails?: { InstanceId?: string }; AccessKeyDetails?: { AccessKeyId?: string; UserName?: string }; S3BucketDetails?: { Name?: string }[] } | undefined;
  return r?.InstanceDetails?.InstanceId ?? r?.AccessKeyDetails?.AccessKeyId ?? r?.AccessKeyDetails?.UserName ?? r?.S3BucketDetails?.[0]?.Name ?? null;
}

/** A native GuardDuty finding from GetFindings. */
export function normalizeGuardDuty(input: unknown): TNormalized {
  const parsed = ZGuardDuty.safeParse(input);
  if (!parsed.success) {
    const id = (input as { Arn?: unknown; Id?: unknown } | null)?.Arn ?? (input as { Id?: unknown } | null)?.Id;
    return { ok: false, id: typeof id === "string" ? id : "(no Id)", error: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") };
  }
  const f = parsed.data;
  return {
    ok: true,
    row: {
      externalId: f.Arn,
      source: "GUARDDUTY",
      origin: "guardduty",
      guardDutyId: f.Id,
      productArn: `arn:aws:securityhub:${f.Region}::product/aws/guardduty`,
      productName: "GuardDuty",
      generatorId: f.Type,
      controlId: null,
      awsAccountId: f.AccountId,
      region: f.Region,
      title: f.Title ?? f.Type,
      description: f.Description ?? null,
      severity: guardDutySeverity(f.Severity),
      workflowStatus: "NEW",
      recordState: f.Service?.Archived ? "ARCHIVED" : "ACTIVE",
      complianceStatus: null,
      standards: [],
      resourceType: f.Resource?.ResourceType ?? null,
      resourceId: guardDutyResourceId(f.Resource as Record<string, unknown> | undefined),
      firstObservedAt: f.Service?.EventFirstSeen ?? f.CreatedAt,
      lastObservedAt: f.Service?.EventLastSeen ?? f.UpdatedAt,
      awsCreatedAt: f.CreatedAt,
      awsUpdatedAt: f.UpdatedAt,
      raw: input,
    },
  };
}
