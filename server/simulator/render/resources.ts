import "server-only";
import { choose, hex, pick } from "../data/random";

const WORDS = ["assets", "logs", "backup", "uploads", "reports", "artifacts", "exports", "static", "config", "archive", "data", "media"];
const APPS = ["checkout", "orders", "catalog", "auth", "billing", "search", "ingest", "notifier", "etl", "gateway", "ledger", "profile"];
const USERS = ["ci-deployer", "terraform", "jenkins", "alice.kim", "bob.tanaka", "carol.smith", "legacy-batch", "backup-operator", "data-loader"];
const INSTANCE_TYPES = ["t3.medium", "m5.large", "m6i.xlarge", "c6g.large", "r5.2xlarge", "t3.small"];

export type TResource = { Type: string; Id: string; Partition: "aws"; Region: string; Details?: Record<string, unknown>; Tags?: Record<string, string> };

/** A plausible resource of the given ASFF type for finding n in an account. */
export function resourceFor(type: string, seed: number, n: number, acct: string, acctName: string, region: string): TResource {
  const app = choose(APPS, seed, 501, n);
  const suffix = hex(6, seed, 502, n);
  const awsId = (prefix: string) => `${prefix}-0${hex(16, seed, 503, n)}`;
  const base = (Id: string, Details?: Record<string, unknown>): TResource => ({ Type: type, Id, Partition: "aws", Region: region, ...(Details ? { Details } : {}) });
  switch (type) {
    case "AwsAccount":
      return base(`AWS::::Account:${acct}`);
    case "AwsS3Bucket": {
      const name = `${acctName}-${choose(WORDS, seed, 504, n)}-${suffix}`;
      return base(`arn:aws:s3:::${name}`, { AwsS3Bucket: { OwnerId: hex(64, seed, 505, n), CreatedAt: "2023-04-12T09:30:00.000Z", Name: name } });
    }
    case "AwsEc2SecurityGroup": {
      const id = awsId("sg");
      return base(`arn:aws:ec2:${region}:${acct}:security-group/${id}`, { AwsEc2SecurityGroup: { GroupName: `${app}-sg`, GroupId: id, OwnerId: acct, VpcId: `vpc-0${hex(16, seed, 506, pick(4, seed, 507, n))}` } });
    }
    case "AwsEc2Instance": {
      const id = awsId("i");
      return base(`arn:aws:ec2:${region}:${acct}:instance/${id}`, {
        AwsEc2Instance: { Type: choose(INSTANCE_TYPES, seed, 508, n), ImageId: `ami-0${hex(16, seed, 509, n)}`, VpcId: `vpc-0${hex(16, seed, 506, pick(4, seed, 507, n))}`, LaunchedAt: "2026-06-01T08:00:00.000Z" },
      });
    }
    case "AwsEc2Volume":
      return base(`arn:aws:ec2:${region}:${acct}:volume/${awsId("vol")}`, { AwsEc2Volume: { Size: 8 * (1 + pick(16, seed, 510, n)), Encrypted: false } });
    case "AwsEc2Vpc":
      return base(`arn:aws:ec2:${region}:${acct}:vpc/${awsId("vpc")}`, { AwsEc2Vpc: { CidrBlockAssociationSet: [{ CidrBlock: `10.${pick(250, seed, 511, n)}.0.0/16` }] } });
    case "AwsEc2NetworkAcl":
      return base(`arn:aws:ec2:${region}:${acct}:network-acl/${awsId("acl")}`);
    case "AwsIamPolicy":
      return base(`arn:aws:iam::${acct}:policy/${app}-admin-policy`);
    case "AwsIamUser":
      return base(`arn:aws:iam::${acct}:user/${choose(USERS, seed, 512, n)}`);
    case "AwsIamRole":
      return base(`arn:aws:iam::${acct}:role/${app}-service-role`);
    case "AwsKmsKey":
      return base(`arn:aws:kms:${region}:${acct}:key/${hex(8, seed, 513, n)}-${hex(4, seed, 514, n)}-4${hex(3, seed, 515, n)}-a${hex(3, seed, 516, n)}-${hex(12, seed, 517, n)}`);
    case "AwsLambdaFunction":
      return base(`arn:aws:lambda:${region}:${acct}:function:${app}-${choose(["handler", "worker", "cron", "api"], seed, 518, n)}`, { AwsLambdaFunction: { Runtime: choose(["python3.8", "nodejs16.x", "python3.12", "nodejs20.x"], seed, 519, n) } });
    case "AwsRdsDbInstance":
      return base(`arn:aws:rds:${region}:${acct}:db:${app}-db-${suffix.slice(0, 4)}`, { AwsRdsDbInstance: { Engine: choose(["postgres", "mysql", "aurora-postgresql"], seed, 520, n), StorageEncrypted: false } });
    case "AwsRdsDbSnapshot":
      return base(`arn:aws:rds:${region}:${acct}:snapshot:${app}-snap-${suffix}`);
    case "AwsCloudTrailTrail":
      return base(`arn:aws:cloudtrail:${region}:${acct}:trail/${acctName}-trail`);
    case "AwsEcrContainerImage":
      return base(`arn:aws:ecr:${region}:${acct}:repository/${app}/sha256:${hex(64, seed, 521, n)}`, { AwsEcrContainerImage: { RepositoryName: app, ImageTags: ["latest"], Architecture: "amd64" } });
    default: {
      const service = type.replace(/^Aws/, "").replace(/[A-Z][a-z]+$/, "").toLowerCase() || "resource";
      return base(`arn:aws:${service}:${region}:${acct}:${app}-${suffix}`);
    }
  }
}

export function gdActors(seed: number, j: number) {
  const octet = (salt: number) => 1 + pick(254, seed, 530, j, salt);
  return {
    ip: `${choose([45, 91, 103, 185, 193, 198], seed, 531, j)}.${octet(1)}.${octet(2)}.${octet(3)}`,
    country: choose(["Russia", "China", "Netherlands", "Brazil", "United States", "Romania", "Vietnam"], seed, 532, j),
    city: choose(["Moscow", "Shanghai", "Amsterdam", "Sao Paulo", "Ashburn", "Bucharest", "Hanoi"], seed, 532, j),
    org: choose(["DigitalOcean", "Hetzner", "OVH SAS", "Choopa LLC", "Tencent Cloud", "M247 Ltd"], seed, 533, j),
    user: choose(USERS, seed, 534, j),
    accessKeyId: `ASIA${hex(16, seed, 535, j).toUpperCase()}`,
    principalId: `AIDA${hex(17, seed, 536, j).toUpperCase()}`,
    instanceId: `i-0${hex(16, seed, 537, j)}`,
    instanceType: choose(INSTANCE_TYPES, seed, 538, j),
    imageId: `ami-0${hex(16, seed, 539, j)}`,
    bucket: `${choose(APPS, seed, 540, j)}-${choose(WORDS, seed, 541, j)}-${hex(6, seed, 542, j)}`,
    domain: choose(["pool.minexmr.com", "xmr.pool.gntl.uk", "c2.badactor.example", "exfil.tunnel.example"], seed, 543, j),
    port: choose([22, 3389, 445, 23, 5432, 6379], seed, 544, j),
  };
}
