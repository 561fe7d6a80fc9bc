// Synthetic findings for npm run bench:findings: an organization of 24 accounts in 7 OUs, users, and
// N findings written by one INSERT … SELECT FROM generate_series (secondary indexes dropped first and
// rebuilt after, as a bulk load does), then VACUUM ANALYZE. Deterministic (setseed).
import pg from "pg";
import { hashPassword } from "@/server/auth/password";

export const BENCH_PASSWORD = "bench password 123";

const OUS: [id: string, name: string, parent: string | null][] = [
  ["r-bnch", "Root", null],
  ["ou-bnch-security", "Security", "r-bnch"],
  ["ou-bnch-infra", "Infrastructure", "r-bnch"],
  ["ou-bnch-workloads", "Workloads", "r-bnch"],
  ["ou-bnch-prod", "Production", "ou-bnch-workloads"],
  ["ou-bnch-staging", "Staging", "ou-bnch-workloads"],
  ["ou-bnch-dev", "Development", "ou-bnch-workloads"],
  ["ou-bnch-sandbox", "Sandbox", "r-bnch"],
];

// [name, OU, weight]: production accounts hold most findings.
const ACCOUNTS: [string, string, number][] = [
  ["management", "r-bnch", 2], ["security-audit", "ou-bnch-security", 3], ["log-archive", "ou-bnch-security", 2],
  ["network-hub", "ou-bnch-infra", 4], ["shared-services", "ou-bnch-infra", 5], ["identity", "ou-bnch-infra", 2],
  ["prod-web", "ou-bnch-prod", 12], ["prod-payments", "ou-bnch-prod", 9], ["prod-data", "ou-bnch-prod", 10],
  ["prod-api", "ou-bnch-prod", 10], ["prod-batch", "ou-bnch-prod", 6], ["prod-analytics", "ou-bnch-prod", 7],
  ["stg-web", "ou-bnch-staging", 4], ["stg-payments", "ou-bnch-staging", 3], ["stg-data", "ou-bnch-staging", 3], ["stg-api", "ou-bnch-staging", 3],
  ["dev-web", "ou-bnch-dev", 3], ["dev-payments", "ou-bnch-dev", 2], ["dev-data", "ou-bnch-dev", 2], ["dev-api", "ou-bnch-dev", 2], ["dev-ml", "ou-bnch-dev", 2],
  ["sandbox-alice", "ou-bnch-sandbox", 1], ["sandbox-bob", "ou-bnch-sandbox", 1], ["sandbox-ml", "ou-bnch-sandbox", 1],
];

const R = {
  bucket: "arn:aws:s3:::{slug}-{word}-{h6}",
  instance: "arn:aws:ec2:{region}:{acct}:instance/i-0{h16}",
  sg: "arn:aws:ec2:{region}:{acct}:security-group/sg-0{h16}",
  vpc: "arn:aws:ec2:{region}:{acct}:vpc/vpc-0{h16}",
  user: "arn:aws:iam::{acct}:user/{user}",
  policy: "arn:aws:iam::{acct}:policy/{slug}-admin-{h6}",
  account: "AWS::::Account:{acct}",
  rds: "arn:aws:rds:{region}:{acct}:db:{slug}-db-{h6}",
  lambda: "arn:aws:lambda:{region}:{acct}:function:{slug}-{word}-{h6}",
  kms: "arn:aws:kms:{region}:{acct}:key/{h32}",
  trail: "arn:aws:cloudtrail:{region}:{acct}:trail/{slug}-trail",
  alb: "arn:aws:elasticloadbalancing:{region}:{acct}:loadbalancer/app/{slug}-alb/{h16}",
  image: "arn:aws:ecr:{region}:{acct}:repository/{slug}/{word}/sha256:{h32}",
  secret: "arn:aws:secretsmanager:{region}:{acct}:secret:{slug}/{word}-{h6}",
  table: "arn:aws:dynamodb:{region}:{acct}:table/{slug}-{word}",
  key: "AWS::IAM::AccessKey:AKIA{H16}",
};

// [product, control id, CIS 1.4.0 number, resource type, resource template, severity, title, weight]
type TEntry = [string, string | null, string | null, string, string, string, string, number];
const CATALOG: TEntry[] = [
  ["sh", "S3.1", "2.1.5", "AwsAccount", R.account, "MEDIUM", "S3 general purpose buckets should have block public access settings enabled", 2],
  ["sh", "S3.8", null, "AwsS3Bucket", R.bucket, "HIGH", "S3 general purpose buckets should block public access", 3],
  ["sh", "S3.5", "2.1.2", "AwsS3Bucket", R.bucket, "MEDIUM", "S3 general purpose buckets should require requests to use SSL", 5],
  ["sh", "S3.9", null, "AwsS3Bucket", R.bucket, "MEDIUM", "S3 general purpose buckets should have server access logging enabled", 6],
  ["sh", "S3.13", null, "AwsS3Bucket", R.bucket, "LOW", "S3 general purpose buckets should have Lifecycle configurations", 6],
  ["sh", "EC2.19", null, "AwsEc2SecurityGroup", R.sg, "CRITICAL", "Security groups should not allow unrestricted access to ports with high risk", 1.2],
  ["sh", "EC2.2", "5.3", "AwsEc2SecurityGroup", R.sg, "HIGH", "VPC default security groups should not allow inbound or outbound traffic", 2],
  ["sh", "EC2.18", null, "AwsEc2SecurityGroup", R.sg, "HIGH", "Security groups should only allow unrestricted incoming traffic for authorized ports", 2],
  ["sh", "EC2.8", null, "AwsEc2Instance", R.instance, "HIGH", "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", 3],
  ["sh", "EC2.7", "2.2.1", "AwsAccount", R.account, "MEDIUM", "EBS default encryption should be enabled", 1],
  ["sh", "EC2.6", "3.9", "AwsEc2Vpc", R.vpc, "MEDIUM", "VPC flow logging should be enabled in all VPCs", 3],
  ["sh", "EC2.17", null, "AwsEc2Instance", R.instance, "LOW", "EC2 instances should not use multiple ENIs", 4],
  ["sh", "IAM.1", "1.16", "AwsIamPolicy", R.policy, "HIGH", "IAM policies should not allow full \"*\" administrative privileges", 1.5],
  ["sh", "IAM.6", "1.6", "AwsAccount", R.account, "CRITICAL", "Hardware MFA should be enabled for the root user", 0.3],
  ["sh", "IAM.3", "1.14", "AwsIamUser", R.user, "MEDIUM", "IAM users' access keys should be rotated every 90 days or less", 4],
  ["sh", "IAM.5", "1.10", "AwsIamUser", R.user, "MEDIUM", "MFA should be enabled for all IAM users that have a console password", 3],
  ["sh", "RDS.2", null, "AwsRdsDbInstance", R.rds, "CRITICAL", "RDS DB instances should prohibit public access", 0.5],
  ["sh", "RDS.3", "2.3.1", "AwsRdsDbInstance", R.rds, "MEDIUM", "RDS DB instances should have encryption at-rest enabled", 2],
  ["sh", "Lambda.1", null, "AwsLambdaFunction", R.lambda, "CRITICAL", "Lambda function policies should prohibit public access", 0.4],
  ["sh", "Lambda.2", null, "AwsLambdaFunction", R.lambda, "MEDIUM", "Lambda functions should use supported runtimes", 4],
  ["sh", "KMS.4", "3.8", "AwsKmsKey", R.kms, "MEDIUM", "AWS KMS key rotation should be enabled", 3],
  ["sh", "CloudTrail.1", "3.1", "AwsAccount", R.account, "HIGH", "CloudTrail should be enabled and configured with at least one multi-Region trail", 0.5],
  ["sh", "CloudTrail.2", "3.7", "AwsCloudTrailTrail", R.trail, "MEDIUM", "CloudTrail should have encryption at-rest enabled", 1],
  ["sh", "ELB.1", null, "AwsElbv2LoadBalancer", R.alb, "MEDIUM", "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS", 2],
  ["sh", "SSM.1", null, "AwsEc2Instance", R.instance, "MEDIUM", "EC2 instances should be managed by AWS Systems Manager", 4],
  ["sh", "Config.1", "3.5", "AwsAccount", R.account, "MEDIUM", "AWS Config should be enabled and use the service-linked role for resource recording", 0.5],
  ["sh", "GuardDuty.1", null, "AwsAccount", R.account, "HIGH", "GuardDuty should be enabled", 0.3],
  ["sh", "ECR.1", null, "AwsEcrRepository", R.image, "HIGH", "ECR private repositories should have image scanning configured", 1],
  ["sh", "SecretsManager.1", null, "AwsSecretsManagerSecret", R.secret, "MEDIUM", "Secrets Manager secrets should have automatic rotation enabled", 2],
  ["sh", "DynamoDB.2", null, "AwsDynamoDbTable", R.table, "MEDIUM", "DynamoDB tables should have point-in-time recovery enabled", 2],
  ["sh", "CloudWatch.1", "4.3", "AwsAccount", R.account, "LOW", "A log metric filter and alarm should exist for usage of the root user", 1],
  ["sh", "S3.11", null, "AwsS3Bucket", R.bucket, "INFORMATIONAL", "S3 general purpose buckets should have event notifications enabled", 6],
  ["sh", "EC2.15", null, "AwsEc2Instance", R.instance, "INFORMATIONAL", "EC2 subnets should not automatically assign public IP addresses", 4],
  ["insp", null, null, "AwsEc2Instance", R.instance, "CRITICAL", "{cve} - openssl", 0.4],
  ["insp", null, null, "AwsEc2Instance", R.instance, "HIGH", "{cve} - glibc", 2.5],
  ["insp", null, null, "AwsEcrContainerImage", R.image, "HIGH", "{cve} - curl", 2],
  ["insp", null, null, "AwsEcrContainerImage", R.image, "MEDIUM", "{cve} - libxml2", 4],
  ["insp", null, null, "AwsEc2Instance", R.instance, "MEDIUM", "{cve} - openssl", 3],
  ["insp", null, null, "AwsLambdaFunction", R.lambda, "LOW", "{cve} - python3", 3],
  ["insp", null, null, "AwsEcrContainerImage", R.image, "LOW", "{cve} - zlib", 3],
  ["insp", null, null, "AwsEc2Instance", R.instance, "INFORMATIONAL", "{cve} - sudo", 2],
  ["gd", null, null, "AwsEc2Instance", R.instance, "HIGH", "EC2 instance i-0{h16} is communicating with a known command and control server 198.51.100.{ip}", 1.5],
  ["gd", null, null, "AwsEc2Instance", R.instance, "MEDIUM", "198.51.100.{ip} is performing SSH brute force attacks against i-0{h16}", 3],
  ["gd", null, null, "AwsIamAccessKey", R.key, "MEDIUM", "Unusual API call DescribeInstances was invoked by IAM user {user}", 2.5],
  ["gd", null, null, "AwsS3Bucket", R.bucket, "HIGH", "S3 bucket {slug}-{word}-{h6} policy allows public read access", 0.8],
  ["gd", null, null, "AwsIamAccessKey", R.key, "CRITICAL", "Credentials for instance role of i-0{h16} were used from an external IP address", 0.2],
  ["gd", null, null, "AwsEc2Instance", R.instance, "LOW", "EC2 instance i-0{h16} is probing port 22 on 203.0.113.{ip}", 2],
];

const SLA_DAYS = { CRITICAL: 7, HIGH: 30, MEDIUM: 90, LOW: 180 };
const q = (s: string | null) => (s === null ? "NULL" : `'${s.replaceAll("'", "''")}'`);

/** Cumulative [lo, hi) ranges of weights, as a VALUES list for picking a row with random(). */
function ranges<T>(items: T[], weight: (item: T) => number, row: (item: T, lo: number, hi: number, k: number) => string): string {
  const total = items.reduce((n, item) => n + weight(item), 0);
  let lo = 0;
  return items.map((item, k) => {
    const hi = k === items.length - 1 ? 1.000001 : lo + weight(item) / total;
    const text = row(item, lo, hi, k);
    lo = hi;
    return text;
  }).join(",\n");
}

/** Replaces {placeholders} in a template column, in SQL. */
function fill(column: string): string {
  const parts: [string, string][] = [
    ["{region}", "g.region"], ["{acct}", "a.id"], ["{slug}", "a.slug"], ["{h6}", "substr(g.rh, 1, 6)"], ["{h16}", "substr(g.rh, 1, 16)"],
    ["{H16}", "upper(substr(g.rh, 1, 16))"], ["{h32}", "g.rh"], ["{word}", "(ARRAY['logs','data','backup','static','artifacts','reports','uploads','events'])[1 + g.n % 8]"],
    ["{user}", "(ARRAY['deploy-bot','ci-runner','alice','bob','legacy-admin','terraform','backup-svc','reporting'])[1 + g.n % 8]"],
    ["{ip}", "(g.n % 250 + 2)::text"], ["{cve}", "'CVE-' || (2021 + g.n % 5) || '-' || (10000 + g.n % 40000)"],
  ];
  return parts.reduce((sql, [name, value]) => `replace(${sql}, '${name}', ${value})`, column);
}

/** The findings a benchmark database already holds (the planner's estimate; 0 when it does not exist yet). */
export async function filledRows(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return Number((await client.query("SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'findings'")).rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function fillFindings(databaseUrl: string, rows: number, log: (step: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2; SET work_mem = '256MB'");
    await client.query(`INSERT INTO organizational_units (id, name, "parentId", "updatedAt") VALUES ${OUS.map(([id, name, parent]) => `(${q(id)}, ${q(name)}, ${q(parent)}, now())`).join(", ")}`);
    await client.query(`INSERT INTO aws_accounts (id, name, email, "ouId", "inOrganization", "updatedAt") VALUES ${ACCOUNTS.map(([name, ou], i) =>
      `('${String(210000000000 + i * 3_700_117_371 % 789_999_999_999).slice(0, 12)}', ${q(name)}, ${q(`aws+${name}@bench.kanshi`)}, ${q(ou)}, true, now())`).join(", ")}`);
    const users = [["bench-analyst@bench.kanshi", "Bench Analyst"], ...Array.from({ length: 8 }, (_, i) => [`owner${i + 1}@bench.kanshi`, `Owner ${i + 1}`])];
    const hash = await hashPassword(BENCH_PASSWORD);
    await client.query(`INSERT INTO users (id, email, name, "passwordHash", role, "updatedAt") VALUES ${users.map(([email, name], i) => `('benchuser${i}', ${q(email!)}, ${q(name!)}, ${q(hash)}, 'ANALYST', now())`).join(", ")}`);

    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'findings' AND indexname <> 'findings_pkey'`);
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    log(`${indexes.length} secondary indexes dropped for the load`);

    const accounts = (await client.query<{ id: string; name: string }>(`SELECT id, name FROM aws_accounts ORDER BY name`)).rows;
    const weightOf = new Map(ACCOUNTS.map(([name, , w]) => [name, w]));
    const accountValues = ranges(accounts, (a) => weightOf.get(a.name)!, (a, lo, hi) => `('${a.id}', ${q(a.name)}, ${lo}, ${hi})`);
    const catalogValues = ranges(CATALOG, (e) => e[7], ([product, control, cis, type, rid, severity, title], lo, hi, k) =>
      `(${k}, '${product}', ${q(control)}, ${q(cis)}, '${type}', ${q(rid)}, '${severity}', ${q(title)}, ${lo}, ${hi})`);

    await client.query("SELECT setseed(0.42)");
    // Times relative to now: first seen over the past year (recent ones more often), last seen since.
    await client.query(`
WITH a(id, slug, lo, hi) AS (VALUES ${accountValues}),
c(k, product, control, cis, rtype, rid, severity, title, lo, hi) AS (VALUES ${catalogValues}),
g AS (
  SELECT i, random() AS r_cat, random() AS r_acct, random() AS r_reg, random() AS r_wf, random() AS r_rec, random() AS r_std,
    random() AS r_owner, random() AS r_wb, random() AS r_sup,
    localtimestamp - power(random(), 1.7) * interval '365 days' AS first_seen, random() AS r_seen,
    md5(((i::bigint * 7919) % 300000)::text) AS rh, abs(hashint4(i)::bigint) AS n, md5(i::text || 'f') AS fh,
    CASE WHEN random() < 0.55 THEN 'us-east-1' WHEN random() < 0.67 THEN 'ap-northeast-1' ELSE 'eu-west-1' END AS region
  FROM generate_series(1, ${rows}) AS i
),
x AS (
  SELECT g.*, a.id AS acct, a.slug, c.product, c.control, c.cis, c.rtype, c.severity, ${fill("c.rid")} AS resource, ${fill("c.title")} AS title,
    CASE WHEN g.r_wf < 0.50 THEN 'NEW' WHEN g.r_wf < 0.62 THEN 'NOTIFIED' WHEN g.r_wf < 0.90 THEN 'RESOLVED' ELSE 'SUPPRESSED' END AS wf,
    g.first_seen + g.r_seen * (localtimestamp - g.first_seen) AS last_seen
  FROM g JOIN a ON g.r_acct >= a.lo AND g.r_acct < a.hi JOIN c ON g.r_cat >= c.lo AND g.r_cat < c.hi
),
y AS (
  SELECT x.*,
    CASE x.product
      WHEN 'sh' THEN 'arn:aws:securityhub:' || x.region || ':' || x.acct || ':security-control/' || x.control || '/finding/' || x.fh
      WHEN 'gd' THEN 'arn:aws:guardduty:' || x.region || ':' || x.acct || ':detector/' || md5(x.acct || x.region) || '/finding/' || x.fh
      ELSE 'arn:aws:inspector2:' || x.region || ':' || x.acct || ':finding/' || x.fh END AS external_id,
    'arn:aws:securityhub:' || x.region || '::product/aws/' || CASE x.product WHEN 'sh' THEN 'securityhub' WHEN 'gd' THEN 'guardduty' ELSE 'inspector' END AS product_arn,
    CASE x.product WHEN 'sh' THEN CASE WHEN x.cis IS NOT NULL AND x.r_std < 0.3 THEN 'cis-aws-foundations-benchmark/v/1.4.0/' || x.cis
        ELSE 'aws-foundational-security-best-practices/v/1.0.0/' || x.control END
      WHEN 'gd' THEN 'arn:aws:guardduty:' || x.region || ':' || x.acct || ':detector/' || md5(x.acct || x.region)
      ELSE 'AWSInspector' END AS generator
  FROM x
)
INSERT INTO findings (id, source, "externalId", "guardDutyId", "productArn", "productName", "inSecurityHub", "generatorId", "controlId", "standards", "awsAccountId", region,
  title, description, severity, "workflowStatus", "recordState", "complianceStatus", "resourceType", "resourceId", "firstObservedAt", "lastObservedAt",
  "awsCreatedAt", "awsUpdatedAt", raw, "ownerId", "dueAt", "suppressedUntil", "suppressionReason", note, "writeBack", "writeBackError", "updatedAt")
SELECT 'bf' || lpad(i::text, 9, '0'), CASE product WHEN 'gd' THEN 'GUARDDUTY' ELSE 'SECURITY_HUB' END::"FindingSource", external_id,
  CASE product WHEN 'gd' THEN fh END, product_arn, CASE product WHEN 'sh' THEN 'Security Hub' WHEN 'gd' THEN 'GuardDuty' ELSE 'Inspector' END, true, generator, control,
  CASE WHEN product <> 'sh' THEN '{}' WHEN generator LIKE 'cis-%' THEN '{cis}' ELSE '{fsbp}' END::text[], acct, region,
  title, NULL, severity::"Severity", wf::"WorkflowStatus",
  CASE WHEN wf = 'RESOLVED' AND r_rec < 0.35 THEN 'ARCHIVED' ELSE 'ACTIVE' END::"RecordState",
  CASE WHEN product = 'sh' THEN CASE WHEN wf = 'RESOLVED' THEN 'PASSED' ELSE 'FAILED' END END, rtype, resource, first_seen, last_seen, first_seen, last_seen,
  jsonb_build_object('SchemaVersion', '2018-10-08', 'Id', external_id, 'ProductArn', product_arn, 'GeneratorId', generator, 'AwsAccountId', acct, 'Region', region,
    'Title', title, 'Severity', jsonb_build_object('Label', severity), 'Workflow', jsonb_build_object('Status', wf), 'Resources', jsonb_build_array(jsonb_build_object('Type', rtype, 'Id', resource))),
  CASE WHEN r_owner < 0.01 THEN 'benchuser0' WHEN r_owner < 0.15 THEN 'benchuser' || (1 + n % 8) END,
  CASE severity ${Object.entries(SLA_DAYS).map(([s, d]) => `WHEN '${s}' THEN first_seen + interval '${d} days'`).join(" ")} END,
  CASE WHEN wf = 'SUPPRESSED' AND r_sup < 0.5 THEN localtimestamp + r_sup * interval '360 days' END,
  CASE WHEN wf = 'SUPPRESSED' THEN 'Accepted risk: compensating control in place' END,
  CASE WHEN wf IN ('RESOLVED', 'SUPPRESSED') AND r_sup < 0.3 THEN 'Reviewed in the weekly meeting' END,
  CASE WHEN r_wb < 0.02 THEN 'SYNCED' WHEN r_wb < 0.025 THEN 'PENDING' WHEN r_wb < 0.03 THEN 'FAILED' ELSE 'NONE' END::"WriteBackState",
  CASE WHEN r_wb >= 0.025 AND r_wb < 0.03 THEN 'AccessDeniedException: not authorized to perform securityhub:BatchUpdateFindings' END,
  localtimestamp
FROM y`);
    log(`${rows.toLocaleString("en-US")} findings inserted`);
    for (const index of indexes) await client.query(index.def);
    log(`${indexes.length} indexes rebuilt`);
    await client.query("VACUUM ANALYZE findings");
    await client.query("VACUUM ANALYZE aws_accounts");
    await client.query("VACUUM ANALYZE organizational_units");
    await client.query("VACUUM ANALYZE users");
    log("VACUUM ANALYZE done");
  } finally {
    await client.end();
  }
}
