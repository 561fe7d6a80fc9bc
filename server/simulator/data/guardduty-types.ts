import "server-only";

export type TGdResourceKind = "Instance" | "AccessKey" | "S3Bucket";
export type TGdActionKind = "NETWORK_CONNECTION" | "AWS_API_CALL" | "DNS_REQUEST" | "PORT_PROBE";
export type TGdType = { type: string; severity: number; resource: TGdResourceKind; action: TGdActionKind; title: string; description: string; weight: number };

// Real GuardDuty finding types with their usual severities. LOW ones exist only natively (Security Hub
// receives GuardDuty findings of MEDIUM and above in this simulation, as in a typical integration setup).
export const GD_LOW_TYPES: TGdType[] = [
  { type: "Policy:S3/BucketBlockPublicAccessDisabled", severity: 2, resource: "S3Bucket", action: "AWS_API_CALL", title: "Amazon S3 Block Public Access was disabled for S3 bucket {bucket}.", description: "Amazon S3 Block Public Access was disabled for S3 bucket {bucket} by {user}.", weight: 3 },
  { type: "Recon:EC2/PortProbeUnprotectedPort", severity: 2, resource: "Instance", action: "PORT_PROBE", title: "Unprotected port on EC2 instance {instance} is being probed.", description: "EC2 instance has an unprotected port which is being probed by a known malicious host.", weight: 4 },
  { type: "Stealth:IAMUser/CloudTrailLoggingDisabled", severity: 2, resource: "AccessKey", action: "AWS_API_CALL", title: "AWS CloudTrail trail was disabled.", description: "The API StopLogging was invoked by {user}, disabling a CloudTrail trail.", weight: 1 },
  { type: "Policy:IAMUser/RootCredentialUsage", severity: 2, resource: "AccessKey", action: "AWS_API_CALL", title: "API ListBuckets was invoked using root credentials.", description: "An API was invoked using the root credentials of account {account}.", weight: 2 },
  { type: "UnauthorizedAccess:EC2/RDPBruteForce", severity: 2, resource: "Instance", action: "NETWORK_CONNECTION", title: "{instance} is performing RDP brute force attacks.", description: "EC2 instance {instance} was involved in RDP brute force attacks.", weight: 2 },
];

export const GD_TYPES: TGdType[] = [
  { type: "UnauthorizedAccess:EC2/SSHBruteForce", severity: 5, resource: "Instance", action: "NETWORK_CONNECTION", title: "{ip} is performing SSH brute force attacks against {instance}.", description: "{ip} is performing SSH brute force attacks against {instance}. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.", weight: 8 },
  { type: "Recon:IAMUser/MaliciousIPCaller", severity: 5, resource: "AccessKey", action: "AWS_API_CALL", title: "Reconnaissance API GetBucketAcl was invoked from a known malicious IP address.", description: "API GetBucketAcl was invoked from IP address {ip} which is on a threat list. Such activity is commonly associated with reconnaissance.", weight: 6 },
  { type: "Discovery:S3/MaliciousIPCaller", severity: 5, resource: "S3Bucket", action: "AWS_API_CALL", title: "The S3 bucket {bucket} was probed from a known malicious IP address.", description: "An API commonly used to discover data in S3 was invoked from IP address {ip} on a threat list.", weight: 5 },
  { type: "PenTest:IAMUser/KaliLinux", severity: 5, resource: "AccessKey", action: "AWS_API_CALL", title: "API DescribeInstances was invoked from a Kali Linux computer.", description: "An API was invoked by {user} from a Kali Linux machine.", weight: 2 },
  { type: "UnauthorizedAccess:IAMUser/ConsoleLoginSuccess.B", severity: 5, resource: "AccessKey", action: "AWS_API_CALL", title: "Unusual console login was seen for principal {user}.", description: "Multiple worldwide successful console logins were observed for {user}.", weight: 3 },
  { type: "Impact:EC2/PortSweep", severity: 8, resource: "Instance", action: "PORT_PROBE", title: "EC2 instance {instance} is performing outbound port scans.", description: "EC2 instance {instance} is probing a port on a large number of IP addresses.", weight: 3 },
  { type: "CryptoCurrency:EC2/BitcoinTool.B!DNS", severity: 8, resource: "Instance", action: "DNS_REQUEST", title: "EC2 instance {instance} is querying a domain name that is associated with Bitcoin-related activity.", description: "EC2 instance {instance} is querying a domain name that is associated with Bitcoin-related activity.", weight: 3 },
  { type: "Trojan:EC2/DNSDataExfiltration", severity: 8, resource: "Instance", action: "DNS_REQUEST", title: "Data exfiltration through DNS queries from EC2 instance {instance}.", description: "EC2 instance {instance} is attempting to exfiltrate data by performing DNS queries.", weight: 2 },
  { type: "Backdoor:EC2/C&CActivity.B!DNS", severity: 8, resource: "Instance", action: "DNS_REQUEST", title: "Command and control server domain name queried by EC2 instance {instance}.", description: "EC2 instance {instance} is querying a domain name associated with a known command and control server.", weight: 2 },
  { type: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", severity: 8, resource: "AccessKey", action: "AWS_API_CALL", title: "Credentials for instance role {user} used from external IP address.", description: "Credentials created exclusively for an EC2 instance using instance role {user} have been used from external IP address {ip}.", weight: 2 },
  { type: "Exfiltration:S3/AnomalousBehavior", severity: 8, resource: "S3Bucket", action: "AWS_API_CALL", title: "Anomalous API GetObject was invoked on the S3 bucket {bucket}.", description: "An IAM entity invoked GetObject on {bucket} in a way that is considered anomalous.", weight: 2 },
  { type: "Execution:EC2/MaliciousFile", severity: 8, resource: "Instance", action: "NETWORK_CONNECTION", title: "A malicious file has been detected on EC2 instance {instance}.", description: "GuardDuty Malware Protection detected a malicious file on an EBS volume of {instance}.", weight: 1 },
  { type: "AttackSequence:IAM/CompromisedCredentials", severity: 9, resource: "AccessKey", action: "AWS_API_CALL", title: "Potential credential compromise of {user} indicated by a sequence of actions.", description: "A sequence of actions involving multiple signals indicates that credentials of {user} are being misused.", weight: 0.6 },
  { type: "AttackSequence:S3/CompromisedData", severity: 9.5, resource: "S3Bucket", action: "AWS_API_CALL", title: "Potential data compromise of S3 bucket {bucket} indicated by a sequence of actions.", description: "A sequence of actions indicates that data in {bucket} may be compromised.", weight: 0.4 },
];

export function gdSeverityLabel(severity: number): "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" {
  if (severity >= 9) return "CRITICAL";
  if (severity >= 7) return "HIGH";
  if (severity >= 4) return "MEDIUM";
  return "LOW";
}

/** GuardDuty finding type → the ASFF `Types` entry Security Hub gives it. */
export function gdAsffType(type: string): string {
  const [threat] = type.split(":");
  const family: Record<string, string> = {
    UnauthorizedAccess: "TTPs/Initial Access", Recon: "TTPs/Discovery", Discovery: "TTPs/Discovery",
    PenTest: "TTPs/Discovery", Impact: "Effects/Resource Consumption", CryptoCurrency: "TTPs/Command and Control",
    Trojan: "TTPs/Command and Control", Backdoor: "TTPs/Command and Control", Exfiltration: "Effects/Data Exfiltration",
    Execution: "TTPs/Execution", Policy: "Software and Configuration Checks", Stealth: "TTPs/Defense Evasion",
    AttackSequence: "TTPs/Initial Access",
  };
  return `${family[threat ?? ""] ?? "TTPs"}/${type.replace("/", "-")}`;
}
