import "server-only";

export type TSeverity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
export type TControl = { id: string; title: string; severity: TSeverity; resourceType: string; global?: boolean };

// AWS Foundational Security Best Practices v1.0.0 controls (ids, titles and severities as Security Hub
// publishes them). `global` controls evaluate account-level resources and live in the home region.
export const FSBP_CONTROLS: TControl[] = [
  { id: "Account.1", title: "Security contact information should be provided for an AWS account", severity: "MEDIUM", resourceType: "AwsAccount", global: true },
  { id: "ACM.1", title: "Imported and ACM-issued certificates should be renewed after a specified time period", severity: "MEDIUM", resourceType: "AwsCertificateManagerCertificate" },
  { id: "APIGateway.1", title: "API Gateway REST and WebSocket API execution logging should be enabled", severity: "MEDIUM", resourceType: "AwsApiGatewayStage" },
  { id: "AutoScaling.1", title: "Auto Scaling groups associated with a load balancer should use ELB health checks", severity: "LOW", resourceType: "AwsAutoScalingAutoScalingGroup" },
  { id: "CloudFront.1", title: "CloudFront distributions should have a default root object configured", severity: "HIGH", resourceType: "AwsCloudFrontDistribution", global: true },
  { id: "CloudTrail.1", title: "CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events", severity: "HIGH", resourceType: "AwsAccount", global: true },
  { id: "CloudTrail.2", title: "CloudTrail should have encryption at-rest enabled", severity: "MEDIUM", resourceType: "AwsCloudTrailTrail" },
  { id: "CloudTrail.4", title: "CloudTrail log file validation should be enabled", severity: "LOW", resourceType: "AwsCloudTrailTrail" },
  { id: "CloudTrail.5", title: "CloudTrail trails should be integrated with Amazon CloudWatch Logs", severity: "LOW", resourceType: "AwsCloudTrailTrail" },
  { id: "CodeBuild.1", title: "CodeBuild Bitbucket source repository URLs should not contain sensitive credentials", severity: "CRITICAL", resourceType: "AwsCodeBuildProject" },
  { id: "Config.1", title: "AWS Config should be enabled and use the service-linked role for resource recording", severity: "MEDIUM", resourceType: "AwsAccount" },
  { id: "DynamoDB.1", title: "DynamoDB tables should automatically scale capacity with demand", severity: "MEDIUM", resourceType: "AwsDynamoDbTable" },
  { id: "EC2.1", title: "Amazon EBS snapshots should not be publicly restorable", severity: "CRITICAL", resourceType: "AwsAccount" },
  { id: "EC2.2", title: "VPC default security groups should not allow inbound or outbound traffic", severity: "HIGH", resourceType: "AwsEc2SecurityGroup" },
  { id: "EC2.3", title: "Attached Amazon EBS volumes should be encrypted at-rest", severity: "MEDIUM", resourceType: "AwsEc2Volume" },
  { id: "EC2.6", title: "VPC flow logging should be enabled in all VPCs", severity: "MEDIUM", resourceType: "AwsEc2Vpc" },
  { id: "EC2.7", title: "EBS default encryption should be enabled", severity: "MEDIUM", resourceType: "AwsAccount" },
  { id: "EC2.8", title: "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", severity: "HIGH", resourceType: "AwsEc2Instance" },
  { id: "EC2.9", title: "Amazon EC2 instances should not have a public IPv4 address", severity: "HIGH", resourceType: "AwsEc2Instance" },
  { id: "EC2.18", title: "Security groups should only allow unrestricted incoming traffic for authorized ports", severity: "HIGH", resourceType: "AwsEc2SecurityGroup" },
  { id: "EC2.19", title: "Security groups should not allow unrestricted access to ports with high risk", severity: "CRITICAL", resourceType: "AwsEc2SecurityGroup" },
  { id: "ECR.1", title: "ECR private repositories should have image scanning configured", severity: "HIGH", resourceType: "AwsEcrRepository" },
  { id: "EKS.1", title: "EKS cluster endpoints should not be publicly accessible", severity: "HIGH", resourceType: "AwsEksCluster" },
  { id: "ELB.1", title: "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS", severity: "MEDIUM", resourceType: "AwsElbv2LoadBalancer" },
  { id: "GuardDuty.1", title: "GuardDuty should be enabled", severity: "HIGH", resourceType: "AwsAccount" },
  { id: "IAM.1", title: 'IAM policies should not allow full "*" administrative privileges', severity: "HIGH", resourceType: "AwsIamPolicy", global: true },
  { id: "IAM.2", title: "IAM users should not have IAM policies attached", severity: "LOW", resourceType: "AwsIamUser", global: true },
  { id: "IAM.3", title: "IAM users' access keys should be rotated every 90 days or less", severity: "MEDIUM", resourceType: "AwsIamUser", global: true },
  { id: "IAM.4", title: "IAM root user access key should not exist", severity: "CRITICAL", resourceType: "AwsAccount", global: true },
  { id: "IAM.5", title: "MFA should be enabled for all IAM users that have a console password", severity: "MEDIUM", resourceType: "AwsIamUser", global: true },
  { id: "IAM.6", title: "Hardware MFA should be enabled for the root user", severity: "CRITICAL", resourceType: "AwsAccount", global: true },
  { id: "IAM.7", title: "Password policies for IAM users should have strong configurations", severity: "MEDIUM", resourceType: "AwsAccount", global: true },
  { id: "IAM.8", title: "Unused IAM user credentials should be removed", severity: "MEDIUM", resourceType: "AwsIamUser", global: true },
  { id: "KMS.1", title: "IAM customer managed policies should not allow decryption actions on all KMS keys", severity: "MEDIUM", resourceType: "AwsIamPolicy", global: true },
  { id: "KMS.2", title: "IAM principals should not have IAM inline policies that allow decryption actions on all KMS keys", severity: "MEDIUM", resourceType: "AwsIamRole", global: true },
  { id: "KMS.3", title: "AWS KMS keys should not be deleted unintentionally", severity: "CRITICAL", resourceType: "AwsKmsKey" },
  { id: "KMS.4", title: "AWS KMS key rotation should be enabled", severity: "MEDIUM", resourceType: "AwsKmsKey" },
  { id: "Lambda.1", title: "Lambda function policies should prohibit public access", severity: "CRITICAL", resourceType: "AwsLambdaFunction" },
  { id: "Lambda.2", title: "Lambda functions should use supported runtimes", severity: "MEDIUM", resourceType: "AwsLambdaFunction" },
  { id: "RDS.1", title: "RDS snapshot should be private", severity: "CRITICAL", resourceType: "AwsRdsDbSnapshot" },
  { id: "RDS.2", title: "RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration", severity: "CRITICAL", resourceType: "AwsRdsDbInstance" },
  { id: "RDS.3", title: "RDS DB instances should have encryption at-rest enabled", severity: "MEDIUM", resourceType: "AwsRdsDbInstance" },
  { id: "RDS.5", title: "RDS DB instances should be configured with multiple Availability Zones", severity: "MEDIUM", resourceType: "AwsRdsDbInstance" },
  { id: "Redshift.1", title: "Amazon Redshift clusters should prohibit public access", severity: "CRITICAL", resourceType: "AwsRedshiftCluster" },
  { id: "S3.1", title: "S3 general purpose buckets should have block public access settings enabled", severity: "MEDIUM", resourceType: "AwsAccount", global: true },
  { id: "S3.2", title: "S3 general purpose buckets should block public read access", severity: "CRITICAL", resourceType: "AwsS3Bucket" },
  { id: "S3.3", title: "S3 general purpose buckets should block public write access", severity: "CRITICAL", resourceType: "AwsS3Bucket" },
  { id: "S3.5", title: "S3 general purpose buckets should require requests to use SSL", severity: "MEDIUM", resourceType: "AwsS3Bucket" },
  { id: "S3.8", title: "S3 general purpose buckets should block public access", severity: "HIGH", resourceType: "AwsS3Bucket" },
  { id: "SecretsManager.1", title: "Secrets Manager secrets should have automatic rotation enabled", severity: "MEDIUM", resourceType: "AwsSecretsManagerSecret" },
  { id: "SNS.1", title: "SNS topics should be encrypted at-rest using AWS KMS", severity: "MEDIUM", resourceType: "AwsSnsTopic" },
  { id: "SQS.1", title: "Amazon SQS queues should be encrypted at rest", severity: "MEDIUM", resourceType: "AwsSqsQueue" },
  { id: "SSM.1", title: "Amazon EC2 instances should be managed by AWS Systems Manager", severity: "MEDIUM", resourceType: "AwsEc2Instance" },
  { id: "SSM.2", title: "Amazon EC2 instances managed by Systems Manager should have a patch compliance status of COMPLIANT after a patch installation", severity: "HIGH", resourceType: "AwsEc2Instance" },
];

export const FSBP_STANDARD = "aws-foundational-security-best-practices/v/1.0.0";

export function remediationUrl(controlId: string): string {
  return `https://docs.aws.amazon.com/console/securityhub/${controlId}/remediation`;
}
