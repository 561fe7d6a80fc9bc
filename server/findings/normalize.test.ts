import { describe, expect, it } from "vitest";
import { asffFinding, guardDutyCopyInSecurityHub, guardDutyFinding } from "@/prisma/factories/finding";
import { normalizeAsff, normalizeGuardDuty } from "./normalize";
import { guardDutySeverity } from "./severity.types";

describe("GuardDuty severity bands", () => {
  it.each([
    [9.9, "CRITICAL"], [9, "CRITICAL"], [8.9, "HIGH"], [7, "HIGH"], [6.9, "MEDIUM"], [4, "MEDIUM"], [3.9, "LOW"], [1, "LOW"], [0.5, "INFORMATIONAL"],
  ] as const)("%s → %s", (value, label) => expect(guardDutySeverity(value)).toBe(label));
});

describe("normalizeAsff", () => {
  it("maps a control finding", () => {
    const raw = asffFinding();
    const result = normalizeAsff(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row).toMatchObject({
      externalId: raw.Id, source: "SECURITY_HUB", origin: "securityhub", controlId: "S3.1", severity: "HIGH",
      workflowStatus: "NEW", recordState: "ACTIVE", complianceStatus: "FAILED", awsAccountId: "111122223333", resourceType: "AwsAccount",
    });
    expect(result.row.awsUpdatedAt.toISOString()).toBe("2026-10-02T00:00:00.000Z");
    expect(result.row.raw).toBe(raw);
  });

  it("treats a PASSED control finding as resolved, but keeps a suppression", () => {
    const passed = normalizeAsff(asffFinding({ Compliance: { Status: "PASSED", SecurityControlId: "S3.1" }, Workflow: { Status: "NOTIFIED" } }));
    expect(passed.ok && passed.row.workflowStatus).toBe("RESOLVED");
    const suppressed = normalizeAsff(asffFinding({ Compliance: { Status: "PASSED" }, Workflow: { Status: "SUPPRESSED" } }));
    expect(suppressed.ok && suppressed.row.workflowStatus).toBe("SUPPRESSED");
  });

  it("recognizes the Security Hub copy of a GuardDuty finding by its product and keys it by the GuardDuty ARN", () => {
    const native = guardDutyFinding();
    const copy = normalizeAsff(guardDutyCopyInSecurityHub(native));
    const own = normalizeGuardDuty(native);
    expect(copy.ok && own.ok).toBe(true);
    if (!copy.ok || !own.ok) return;
    expect(copy.row.source).toBe("GUARDDUTY");
    expect(copy.row.externalId).toBe(own.row.externalId);
    expect(copy.row.guardDutyId).toBe(native.Id);
  });

  it("reports what is wrong with a malformed finding instead of throwing", () => {
    const result = normalizeAsff(asffFinding({ AwsAccountId: "12", UpdatedAt: "not a date" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/AwsAccountId must be a 12-digit account id/);
    expect(result.error).toMatch(/UpdatedAt is not a date/);
    expect(normalizeAsff(null)).toMatchObject({ ok: false, id: "(no Id)" });
  });

  it("stores the standards a control finding counts for: AssociatedStandards (consolidated), generator id or StandardsArn", () => {
    const standards = (over: Record<string, unknown>) => {
      const r = normalizeAsff(asffFinding(over));
      return r.ok ? r.row.standards : r.error;
    };
    // A consolidated finding (the factory's GeneratorId "security-control/S3.1"): every associated standard we score,
    // in STANDARDS order; CIS v1.2.0 (ruleset/…), PCI DSS and malformed entries are left out.
    expect(standards({ Compliance: { Status: "FAILED", SecurityControlId: "IAM.4", AssociatedStandards: [
      { StandardsId: "ruleset/cis-aws-foundations-benchmark/v/1.2.0" }, { StandardsId: "standards/cis-aws-foundations-benchmark/v/1.4.0" },
      { StandardsId: "standards/pci-dss/v/3.2.1" }, { StandardsId: "standards/aws-foundational-security-best-practices/v/1.0.0" }, { Nope: 1 }, "x",
    ] } })).toEqual(["fsbp", "cis"]);
    expect(standards({})).toEqual([]);
    expect(standards({ Compliance: { Status: "PASSED", AssociatedStandards: "not a list" } })).toEqual([]);
    // Per-standard findings: the generator id prefix, or ProductFields.StandardsArn (any region or partition).
    expect(standards({ GeneratorId: "cis-aws-foundations-benchmark/v/1.4.0/1.4" })).toEqual(["cis"]);
    expect(standards({ GeneratorId: "aws-foundational-security-best-practices/v/1.0.0/S3.1" })).toEqual(["fsbp"]);
    expect(standards({ GeneratorId: "aws-foundational-security-best-practices/v/1.0.0" })).toEqual([]);
    expect(standards({ GeneratorId: "x", ProductFields: { StandardsArn: "arn:aws-cn:securityhub:cn-north-1::standards/aws-foundational-security-best-practices/v/1.0.0" } })).toEqual(["fsbp"]);
    expect(standards({ GeneratorId: "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.12", ProductFields: { StandardsGuideArn: "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0" } })).toEqual([]);
    // Not control findings: none.
    const gd = guardDutyCopyInSecurityHub(guardDutyFinding());
    expect(standards(gd)).toEqual([]);
    const native = normalizeGuardDuty(guardDutyFinding());
    expect(native.ok && native.row.standards).toEqual([]);
  });

  it("never leaves first seen empty: FirstObservedAt, else CreatedAt (an unreadable one counts as missing)", () => {
    const first = (over: Record<string, unknown>) => {
      const r = normalizeAsff(asffFinding({ CreatedAt: "2026-09-01T00:00:00.000Z", ...over }));
      return r.ok ? r.row.firstObservedAt.toISOString() : r.error;
    };
    expect(first({ FirstObservedAt: "2026-09-05T10:00:00.000Z" })).toBe("2026-09-05T10:00:00.000Z");
    expect(first({ FirstObservedAt: undefined })).toBe("2026-09-01T00:00:00.000Z");
    expect(first({ FirstObservedAt: null })).toBe("2026-09-01T00:00:00.000Z");
    expect(first({ FirstObservedAt: "not a date" })).toBe("2026-09-01T00:00:00.000Z");
  });

  it("derives the label from the normalized score when Label is missing", () => {
    const result = normalizeAsff(asffFinding({ Severity: { Normalized: 95 } }));
    expect(result.ok && result.row.severity).toBe("CRITICAL");
  });
});

describe("normalizeGuardDuty", () => {
  it("maps a native finding with banded severity, resource and archive state", () => {
    const result = normalizeGuardDuty(guardDutyFinding({ Severity: 8.5, Service: { Archived: true } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row).toMatchObject({ source: "GUARDDUTY", origin: "guardduty", severity: "HIGH", recordState: "ARCHIVED", resourceType: "Instance", resourceId: "i-0abc", generatorId: "UnauthorizedAccess:EC2/SSHBruteForce" });
  });

  it("never leaves first seen empty: Service.EventFirstSeen, else CreatedAt", () => {
    const first = (service: Record<string, unknown> | undefined) => {
      const r = normalizeGuardDuty({ ...guardDutyFinding(), CreatedAt: "2026-09-01T00:00:00.000Z", Service: service });
      return r.ok ? r.row.firstObservedAt.toISOString() : r.error;
    };
    expect(first({ Archived: false, EventFirstSeen: "2026-09-03T00:00:00.000Z" })).toBe("2026-09-03T00:00:00.000Z");
    expect(first({ Archived: false })).toBe("2026-09-01T00:00:00.000Z");
    expect(first(undefined)).toBe("2026-09-01T00:00:00.000Z");
  });

  it("skips a finding without a numeric severity", () => {
    expect(normalizeGuardDuty(guardDutyFinding({ Severity: "high" })).ok).toBe(false);
  });
});
