import "server-only";
import { remediationUrl } from "../data/catalog-fsbp";
import { CVES } from "../data/inspector-cves";
import { gdAsffType, gdSeverityLabel } from "../data/guardduty-types";
import { choose, pick } from "../data/random";
import { consolidated, controlGeneratorId, securityControl } from "../data/security-controls";
import type { TIdentity, TState } from "../model/findings";
import type { SimData } from "../model/store";
import { gdFacts } from "./guardduty";
import { securityHubId } from "./ids";
import { resourceFor } from "./resources";

const iso = (ms: number) => new Date(ms).toISOString();
const NORMALIZED: Record<string, number> = { CRITICAL: 90, HIGH: 70, MEDIUM: 40, LOW: 1, INFORMATIONAL: 0 };
const WORKFLOW_STATE: Record<string, string> = { NEW: "NEW", NOTIFIED: "ASSIGNED", SUPPRESSED: "DEFERRED", RESOLVED: "RESOLVED" };
const STANDARD_TYPE: Record<string, string> = {
  "aws-foundational-security-best-practices/v/1.0.0": "Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices",
  "cis-aws-foundations-benchmark/v/1.4.0": "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark",
};

/** Severity label of finding i in its current state (before any BatchUpdateFindings override). */
export function baseSeverityLabel(data: SimData, id: TIdentity, st: TState): string {
  if (id.kind === "control") return st.compliance === "PASSED" ? "INFORMATIONAL" : (id.control?.severity ?? "MEDIUM");
  if (id.kind === "inspector") return choose(CVES, data.seed, 601, id.i).label;
  return gdSeverityLabel(data.model.gdIdentity(id.gd as number).type.severity);
}

export function renderAsff(data: SimData, id: TIdentity, st: TState): Record<string, unknown> {
  const account = data.org.accounts[id.account];
  const acct = account?.id as string;
  const region = data.org.regions[id.region] as string;
  const findingId = securityHubId(data.seed, data.org, id);
  const ov = data.overrides.get(id.i);
  const label = ov?.severityLabel ?? baseSeverityLabel(data, id, st);
  const common = {
    SchemaVersion: "2018-10-08", Id: findingId, AwsAccountId: acct, AwsAccountName: account?.name, Region: region,
    CreatedAt: iso(st.createdAt), UpdatedAt: iso(st.updatedAt), FirstObservedAt: iso(st.createdAt), LastObservedAt: iso(st.lastObservedAt),
    ProcessedAt: iso(st.updatedAt),
    Workflow: { Status: st.workflow }, WorkflowState: WORKFLOW_STATE[st.workflow], RecordState: st.recordState,
    ...(ov?.note ? { Note: ov.note } : {}),
    ...(ov?.userDefinedFields ? { UserDefinedFields: ov.userDefinedFields } : {}),
    ...(ov?.verificationState ? { VerificationState: ov.verificationState } : {}),
    ...(ov?.confidence !== undefined ? { Confidence: ov.confidence } : {}),
    ...(ov?.criticality !== undefined ? { Criticality: ov.criticality } : {}),
  };
  if (id.kind === "control") {
    const c = id.control!;
    const productArn = `arn:aws:securityhub:${region}::product/aws/securityhub`;
    const original = st.compliance === "PASSED" ? "INFORMATIONAL" : c.severity;
    if (consolidated(account)) {
      // A consolidated control finding (as Security Hub sends with consolidated control findings on): one finding
      // for the control across standards, every standard of the control in AssociatedStandards, the control's
      // own title, no StandardsArn / ControlId in ProductFields.
      const control = securityControl(c.controlId);
      const types = ["Software and Configuration Checks/Industry and Regulatory Standards"];
      return {
        ...common, ProductArn: productArn, ProductName: "Security Hub", CompanyName: "AWS",
        GeneratorId: controlGeneratorId(account, c), Types: types,
        Severity: { Label: label, Normalized: NORMALIZED[label] ?? 40, Original: original },
        FindingProviderFields: { Severity: { Label: original, Original: original }, Types: types },
        Title: control.title,
        Description: `This control checks the following requirement: ${control.title}.`,
        Remediation: { Recommendation: { Text: "For information on how to correct this issue, consult the AWS Security Hub controls documentation.", Url: remediationUrl(c.controlId) } },
        ProductFields: {
          "aws/securityhub/ProductName": "Security Hub", "aws/securityhub/CompanyName": "AWS", "aws/securityhub/FindingId": `${productArn}/${findingId}`,
        },
        Resources: [resourceFor(c.resourceType, data.seed, id.i, acct, account?.name ?? "acct", region)],
        Compliance: {
          Status: st.compliance, SecurityControlId: c.controlId,
          ...(control.requirements.length ? { RelatedRequirements: control.requirements } : {}),
          AssociatedStandards: control.standards.map((standard) => ({ StandardsId: `standards/${standard}` })),
        },
      };
    }
    return {
      ...common, ProductArn: productArn, ProductName: "Security Hub", CompanyName: "AWS",
      GeneratorId: controlGeneratorId(account, c), Types: [STANDARD_TYPE[c.standard]],
      Severity: { Label: label, Normalized: NORMALIZED[label] ?? 40, Original: original },
      FindingProviderFields: { Severity: { Label: original, Original: original }, Types: [STANDARD_TYPE[c.standard]] },
      Title: c.requirement ? `${c.requirement} ${c.title}` : c.title,
      Description: `This control checks the following requirement: ${c.title}.`,
      Remediation: { Recommendation: { Text: "For information on how to correct this issue, consult the AWS Security Hub controls documentation.", Url: remediationUrl(c.controlId) } },
      ProductFields: {
        StandardsArn: `arn:aws:securityhub:::standards/${c.standard}`, ControlId: c.generatorSuffix, RecommendationUrl: remediationUrl(c.controlId),
        "aws/securityhub/ProductName": "Security Hub", "aws/securityhub/CompanyName": "AWS", "aws/securityhub/FindingId": `${productArn}/${findingId}`,
      },
      Resources: [resourceFor(c.resourceType, data.seed, id.i, acct, account?.name ?? "acct", region)],
      Compliance: {
        Status: st.compliance, SecurityControlId: c.controlId, AssociatedStandards: [{ StandardsId: `standards/${c.standard}` }],
        ...(c.requirement ? { RelatedRequirements: [`CIS AWS Foundations Benchmark v1.4.0/${c.requirement}`] } : {}),
      },
    };
  }
  if (id.kind === "inspector") {
    const cve = choose(CVES, data.seed, 601, id.i);
    const resourceType = choose(["AwsEc2Instance", "AwsEc2Instance", "AwsEcrContainerImage", "AwsLambdaFunction"], data.seed, 602, id.i);
    const productArn = `arn:aws:securityhub:${region}::product/aws/inspector`;
    return {
      ...common, ProductArn: productArn, ProductName: "Inspector", CompanyName: "Amazon", GeneratorId: "AWSInspector",
      Types: ["Software and Configuration Checks/Vulnerabilities/CVE"],
      Severity: { Label: label, Normalized: NORMALIZED[label] ?? 40, Original: cve.label },
      FindingProviderFields: { Severity: { Label: cve.label, Original: cve.label }, Types: ["Software and Configuration Checks/Vulnerabilities/CVE"] },
      Title: `${cve.id} - ${cve.pkg}`,
      Description: `${cve.id} affects ${cve.pkg} ${cve.version}. Upgrade to ${cve.fixed} or later.`,
      Remediation: { Recommendation: { Text: `Upgrade ${cve.pkg} to version ${cve.fixed} or later.`, Url: `https://nvd.nist.gov/vuln/detail/${cve.id}` } },
      ProductFields: {
        "aws/inspector/ProductVersion": "2", "aws/inspector/FindingStatus": st.recordState === "ACTIVE" ? "ACTIVE" : "CLOSED",
        "aws/inspector/inspectorScore": String(cve.score), "aws/securityhub/ProductName": "Inspector", "aws/securityhub/CompanyName": "Amazon",
        "aws/securityhub/FindingId": `${productArn}/${findingId}`,
      },
      Resources: [resourceFor(resourceType, data.seed, id.i, acct, account?.name ?? "acct", region)],
      Vulnerabilities: [{
        Id: cve.id,
        VulnerablePackages: [{ Name: cve.pkg, Version: cve.version, FixedInVersion: cve.fixed, PackageManager: cve.manager, Remediation: `Upgrade to ${cve.fixed}`, Architecture: "x86_64" }],
        Cvss: [{ Version: "3.1", BaseScore: cve.score, BaseVector: cve.vector, Source: "NVD" }],
        Vendor: { Name: "NVD", Url: `https://nvd.nist.gov/vuln/detail/${cve.id}`, VendorSeverity: cve.label },
        ReferenceUrls: [`https://nvd.nist.gov/vuln/detail/${cve.id}`], FixAvailable: "YES", ExploitAvailable: pick(3, data.seed, 603, id.i) === 0 ? "YES" : "NO",
      }],
    };
  }
  const view = { ...data.model.gdIdentity(id.gd as number), createdAt: st.createdAt, updatedAt: st.updatedAt, archived: st.archived, count: st.count };
  const f = gdFacts(data, view);
  const original = String(view.type.severity);
  const productArn = `arn:aws:securityhub:${region}::product/aws/guardduty`;
  const resourceType = view.type.resource === "Instance" ? "AwsEc2Instance" : view.type.resource === "S3Bucket" ? "AwsS3Bucket" : "AwsIamAccessKey";
  return {
    ...common, ProductArn: productArn, ProductName: "GuardDuty", CompanyName: "Amazon",
    GeneratorId: `arn:aws:guardduty:${region}:${acct}:detector/${f.detectorId}`, Types: [gdAsffType(view.type.type)],
    Severity: { Label: label, Normalized: Math.round(view.type.severity * 10), Original: original, Product: view.type.severity },
    FindingProviderFields: { Severity: { Label: gdSeverityLabel(view.type.severity), Original: original }, Types: [gdAsffType(view.type.type)] },
    Title: f.title, Description: f.description,
    Remediation: { Recommendation: { Text: "For more information, see the remediation section of the GuardDuty finding type documentation.", Url: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_remediate.html" } },
    SourceUrl: `https://console.aws.amazon.com/guardduty/home?region=${region}#/findings?macros=current&fId=${f.arn.slice(f.arn.lastIndexOf("/") + 1)}`,
    ProductFields: {
      "aws/guardduty/service/archived": String(st.archived), "aws/guardduty/service/count": String(st.count),
      "aws/guardduty/service/action/actionType": view.type.action, "aws/guardduty/service/serviceName": "guardduty",
      "aws/guardduty/service/detectorId": f.detectorId, "aws/guardduty/service/eventFirstSeen": f.firstSeen,
      "aws/guardduty/service/eventLastSeen": iso(st.lastObservedAt), "aws/guardduty/type": view.type.type,
      "aws/securityhub/ProductName": "GuardDuty", "aws/securityhub/CompanyName": "Amazon", "aws/securityhub/FindingId": `${productArn}/${findingId}`,
    },
    Resources: [
      resourceType === "AwsEc2Instance"
        ? { Type: resourceType, Id: `arn:aws:ec2:${region}:${acct}:instance/${f.actors.instanceId}`, Partition: "aws", Region: region, Details: { AwsEc2Instance: { Type: f.actors.instanceType, ImageId: f.actors.imageId } } }
        : resourceType === "AwsS3Bucket"
          ? { Type: resourceType, Id: `arn:aws:s3:::${f.actors.bucket}`, Partition: "aws", Region: region }
          : { Type: resourceType, Id: `AWS::IAM::AccessKey:${f.actors.accessKeyId}`, Partition: "aws", Region: region, Details: { AwsIamAccessKey: { PrincipalName: f.actors.user, PrincipalType: "IAMUser" } } },
    ],
  };
}
