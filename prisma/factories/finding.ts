import { randomUUID } from "node:crypto";

// Raw AWS findings as the SDK returns them, for normalization and sync tests.

export function asffFinding(overrides: Record<string, unknown> = {}) {
  const id = `arn:aws:securityhub:us-east-1:111122223333:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.1/finding/${randomUUID()}`;
  return {
    SchemaVersion: "2018-10-08",
    Id: id,
    ProductArn: "arn:aws:securityhub:us-east-1::product/aws/securityhub",
    ProductName: "Security Hub",
    GeneratorId: "security-control/S3.1",
    AwsAccountId: "111122223333",
    Region: "us-east-1",
    Types: ["Software and Configuration Checks/Industry and Regulatory Standards"],
    CreatedAt: "2026-10-01T00:00:00.000Z",
    UpdatedAt: "2026-10-02T00:00:00.000Z",
    FirstObservedAt: "2026-10-01T00:00:00.000Z",
    LastObservedAt: "2026-10-02T00:00:00.000Z",
    Severity: { Label: "HIGH", Normalized: 70 },
    Title: "S3 general purpose buckets should have block public access settings enabled",
    Description: "This control checks whether the preceding Amazon S3 block public access settings are configured.",
    Compliance: { Status: "FAILED", SecurityControlId: "S3.1" },
    Workflow: { Status: "NEW" },
    RecordState: "ACTIVE",
    Resources: [{ Type: "AwsAccount", Id: "AWS::::Account:111122223333", Partition: "aws", Region: "us-east-1" }],
    ...overrides,
  };
}

export function guardDutyFinding(overrides: Record<string, unknown> = {}) {
  const id = randomUUID().replace(/-/g, "");
  return {
    Id: id,
    Arn: `arn:aws:guardduty:us-east-1:111122223333:detector/d1/finding/${id}`,
    AccountId: "111122223333",
    Region: "us-east-1",
    Type: "UnauthorizedAccess:EC2/SSHBruteForce",
    Title: "85.12.3.4 is performing SSH brute force attacks against i-0abc.",
    Description: "85.12.3.4 is performing SSH brute force attacks against i-0abc.",
    Severity: 5,
    CreatedAt: "2026-10-01T00:00:00.000Z",
    UpdatedAt: "2026-10-02T00:00:00.000Z",
    SchemaVersion: "2.0",
    Partition: "aws",
    Resource: { ResourceType: "Instance", InstanceDetails: { InstanceId: "i-0abc" } },
    Service: { Archived: false, Count: 3, EventFirstSeen: "2026-10-01T00:00:00.000Z", EventLastSeen: "2026-10-02T00:00:00.000Z" },
    ...overrides,
  };
}

/** The Security Hub copy of a native GuardDuty finding: same ARN as Id. */
export function guardDutyCopyInSecurityHub(native: ReturnType<typeof guardDutyFinding>, overrides: Record<string, unknown> = {}) {
  return asffFinding({
    Id: native.Arn,
    ProductArn: "arn:aws:securityhub:us-east-1::product/aws/guardduty",
    ProductName: "GuardDuty",
    GeneratorId: native.Type,
    AwsAccountId: native.AccountId,
    Title: native.Title,
    Severity: { Label: "MEDIUM", Normalized: 50 },
    Compliance: undefined,
    ...overrides,
  });
}
