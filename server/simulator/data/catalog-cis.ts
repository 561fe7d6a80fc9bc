import "server-only";
import type { TSeverity } from "./catalog-fsbp";

export type TCisRequirement = { id: string; title: string; controlId: string; severity: TSeverity; resourceType: string; global?: boolean };

// CIS AWS Foundations Benchmark v1.4.0 requirements with the Security Hub control each maps to.
export const CIS_REQUIREMENTS: TCisRequirement[] = [
  { id: "1.4", title: "Ensure no 'root' user account access key exists", controlId: "IAM.4", severity: "CRITICAL", resourceType: "AwsAccount", global: true },
  { id: "1.5", title: "Ensure MFA is enabled for the 'root' user account", controlId: "IAM.9", severity: "CRITICAL", resourceType: "AwsAccount", global: true },
  { id: "1.6", title: "Ensure hardware MFA is enabled for the 'root' user account", controlId: "IAM.6", severity: "CRITICAL", resourceType: "AwsAccount", global: true },
  { id: "1.7", title: "Eliminate use of the 'root' user for administrative and daily tasks", controlId: "CloudWatch.1", severity: "LOW", resourceType: "AwsAccount", global: true },
  { id: "1.8", title: "Ensure IAM password policy requires minimum length of 14 or greater", controlId: "IAM.15", severity: "MEDIUM", resourceType: "AwsAccount", global: true },
  { id: "1.9", title: "Ensure IAM password policy prevents password reuse", controlId: "IAM.16", severity: "LOW", resourceType: "AwsAccount", global: true },
  { id: "1.10", title: "Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password", controlId: "IAM.5", severity: "MEDIUM", resourceType: "AwsIamUser", global: true },
  { id: "1.12", title: "Ensure credentials unused for 45 days or greater are disabled", controlId: "IAM.22", severity: "MEDIUM", resourceType: "AwsIamUser", global: true },
  { id: "1.14", title: "Ensure access keys are rotated every 90 days or less", controlId: "IAM.3", severity: "MEDIUM", resourceType: "AwsIamUser", global: true },
  { id: "1.16", title: 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached', controlId: "IAM.1", severity: "HIGH", resourceType: "AwsIamPolicy", global: true },
  { id: "1.17", title: "Ensure a support role has been created to manage incidents with AWS Support", controlId: "IAM.18", severity: "LOW", resourceType: "AwsAccount", global: true },
  { id: "1.20", title: "Ensure that IAM Access analyzer is enabled for all regions", controlId: "IAM.28", severity: "HIGH", resourceType: "AwsAccount" },
  { id: "2.1.1", title: "Ensure all S3 buckets employ encryption-at-rest", controlId: "S3.4", severity: "MEDIUM", resourceType: "AwsS3Bucket" },
  { id: "2.1.2", title: "Ensure S3 Bucket Policy is set to deny HTTP requests", controlId: "S3.5", severity: "MEDIUM", resourceType: "AwsS3Bucket" },
  { id: "2.1.5", title: "Ensure that S3 Buckets are configured with 'Block public access (bucket settings)'", controlId: "S3.8", severity: "HIGH", resourceType: "AwsS3Bucket" },
  { id: "2.2.1", title: "Ensure EBS volume encryption is enabled in all regions", controlId: "EC2.7", severity: "MEDIUM", resourceType: "AwsAccount" },
  { id: "2.3.1", title: "Ensure that encryption is enabled for RDS Instances", controlId: "RDS.3", severity: "MEDIUM", resourceType: "AwsRdsDbInstance" },
  { id: "3.1", title: "Ensure CloudTrail is enabled in all regions", controlId: "CloudTrail.1", severity: "HIGH", resourceType: "AwsAccount", global: true },
  { id: "3.2", title: "Ensure CloudTrail log file validation is enabled", controlId: "CloudTrail.4", severity: "LOW", resourceType: "AwsCloudTrailTrail" },
  { id: "3.4", title: "Ensure CloudTrail trails are integrated with CloudWatch Logs", controlId: "CloudTrail.5", severity: "LOW", resourceType: "AwsCloudTrailTrail" },
  { id: "3.5", title: "Ensure AWS Config is enabled in all regions", controlId: "Config.1", severity: "MEDIUM", resourceType: "AwsAccount" },
  { id: "3.6", title: "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket", controlId: "CloudTrail.7", severity: "LOW", resourceType: "AwsS3Bucket" },
  { id: "3.7", title: "Ensure CloudTrail logs are encrypted at rest using KMS CMKs", controlId: "CloudTrail.2", severity: "MEDIUM", resourceType: "AwsCloudTrailTrail" },
  { id: "3.8", title: "Ensure rotation for customer created symmetric CMKs is enabled", controlId: "KMS.4", severity: "MEDIUM", resourceType: "AwsKmsKey" },
  { id: "3.9", title: "Ensure VPC flow logging is enabled in all VPCs", controlId: "EC2.6", severity: "MEDIUM", resourceType: "AwsEc2Vpc" },
  { id: "4.1", title: "Ensure a log metric filter and alarm exist for unauthorized API calls", controlId: "CloudWatch.2", severity: "LOW", resourceType: "AwsAccount" },
  { id: "4.3", title: "Ensure a log metric filter and alarm exist for usage of 'root' account", controlId: "CloudWatch.1", severity: "LOW", resourceType: "AwsAccount" },
  { id: "4.4", title: "Ensure a log metric filter and alarm exist for IAM policy changes", controlId: "CloudWatch.4", severity: "LOW", resourceType: "AwsAccount" },
  { id: "5.1", title: "Ensure no Network ACLs allow ingress from 0.0.0.0/0 to remote server administration ports", controlId: "EC2.21", severity: "MEDIUM", resourceType: "AwsEc2NetworkAcl" },
  { id: "5.3", title: "Ensure the default security group of every VPC restricts all traffic", controlId: "EC2.2", severity: "HIGH", resourceType: "AwsEc2SecurityGroup" },
];

export const CIS_STANDARD = "cis-aws-foundations-benchmark/v/1.4.0";
