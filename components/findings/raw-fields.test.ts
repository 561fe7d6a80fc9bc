import { describe, expect, it } from "vitest";
import { guardDutyFacts, rawResources, remediation, shortResourceId, standardsOf, truncateMiddle } from "./raw-fields";

describe("raw finding facts", () => {
  it("reads the remediation of an ASFF finding, links only over http(s)", () => {
    expect(remediation({ Remediation: { Recommendation: { Text: "Fix it", Url: "https://docs.aws.amazon.com/x" } } })).toEqual({
      text: "Fix it",
      url: "https://docs.aws.amazon.com/x",
    });
    expect(remediation({ Remediation: { Recommendation: { Url: "javascript:alert(1)" } } })).toBeNull();
    expect(remediation({})).toBeNull();
  });

  it("reads a native GuardDuty finding's action", () => {
    const facts = guardDutyFacts({
      Type: "Recon:EC2/PortProbeUnprotectedPort",
      Service: {
        Count: 4,
        Action: {
          ActionType: "PORT_PROBE",
          PortProbeAction: { PortProbeDetails: [{ LocalPortDetails: { Port: 22 }, RemoteIpDetails: { IpAddressV4: "198.51.100.7", Country: { CountryName: "Narnia" } } }] },
        },
      },
    });
    expect(facts).toMatchObject({ actionType: "PORT_PROBE", remoteIp: "198.51.100.7", country: "Narnia", localPorts: ["22"], findingType: "Recon:EC2/PortProbeUnprotectedPort", count: "4" });
  });

  it("reads camelCase and ASFF product fields", () => {
    expect(
      guardDutyFacts({ service: { action: { actionType: "NETWORK_CONNECTION", networkConnectionAction: { connectionDirection: "INBOUND", remoteIpDetails: { ipAddressV4: "203.0.113.9" }, localPortDetails: { port: 3389 }, remotePortDetails: { port: 40001 } } } } }),
    ).toMatchObject({ actionType: "NETWORK_CONNECTION", direction: "INBOUND", remoteIp: "203.0.113.9", localPorts: ["3389"], remotePorts: ["40001"] });
    expect(
      guardDutyFacts({ ProductFields: { "aws/guardduty/service/action/actionType": "DNS_REQUEST", "aws/guardduty/type": "Backdoor:EC2/C&CActivity.B!DNS", "aws/securityhub/ProductName": "GuardDuty" } }),
    ).toMatchObject({ actionType: "DNS_REQUEST", findingType: "Backdoor:EC2/C&CActivity.B!DNS" });
    expect(guardDutyFacts({ ProductFields: { ControlId: "S3.1" } })).toBeNull();
  });

  it("lists resources of ASFF and native GuardDuty findings", () => {
    expect(rawResources({ Resources: [{ Type: "AwsS3Bucket", Id: "arn:aws:s3:::b", Region: "us-east-1", Tags: { env: "prod" } }] })).toEqual([
      { type: "AwsS3Bucket", id: "arn:aws:s3:::b", region: "us-east-1", partition: undefined, tags: [["env", "prod"]], details: undefined },
    ]);
    const [native] = rawResources({ Resource: { ResourceType: "Instance", InstanceDetails: { InstanceId: "i-1", Tags: [{ Key: "Name", Value: "app" }] } } });
    expect(native?.type).toBe("Instance");
    expect(native?.tags).toEqual([["Name", "app"]]);
  });

  it("finds the standards of a control finding", () => {
    expect(standardsOf({ Compliance: { AssociatedStandards: [{ StandardsId: "standards/cis-aws-foundations-benchmark/v/1.4.0" }] } }, null)).toEqual([
      "cis-aws-foundations-benchmark/v/1.4.0",
    ]);
    expect(standardsOf({}, "aws-foundational-security-best-practices/v/1.0.0/S3.1")).toEqual(["aws-foundational-security-best-practices/v/1.0.0"]);
  });

  it("shortens ids", () => {
    expect(shortResourceId("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc")).toBe("i-0abc");
    expect(shortResourceId("arn:aws:s3:::my-bucket")).toBe("my-bucket");
    expect(truncateMiddle("abcdefghijklmnopqrstuvwxyz", 9)).toBe("abcd…wxyz");
  });
});
