// The contract between AWS discovery (discover.ts: Lambda, RDS/Aurora, EKS, SSM inventory) and the EOL
// inventory (which stores what discovery found next to manual and imported entries). Pure types.

export type TDiscoverySource = "lambda" | "rds" | "aurora" | "eks" | "ssm";

/** One piece of software found running in AWS. A version with no catalog match keeps product/cycle null: shown as "no EOL data", never dropped. */
export type TDiscoveredSoftware = {
  /**
   * stable identity across runs: "lambda:<function ARN>", "rds:<DB instance ARN>" (or "rds:<DB cluster ARN>" for a
   * Multi-AZ DB cluster), "aurora:<DB cluster ARN>" (Aurora: one item per cluster, not per member), "eks:<cluster ARN>",
   * "ssm:<account>:<region>:<instance id>"
   */
  sourceKey: string;
  source: TDiscoverySource;
  accountId: string;
  region: string;
  /** ARN (or instance id for SSM) and a readable name */
  resourceId: string;
  resourceName: string;
  /** as AWS reports it: "nodejs18.x", "aurora-postgresql", "Amazon Linux" */
  rawName: string;
  /** as AWS reports it: "", "15.4", "2", "1.29" */
  rawVersion: string;
  /** endoflife.date product slug and cycle (catalog.ts mapAwsRuntime + matchVersion); null = no EOL data */
  product: string | null;
  cycle: string | null;
  /** the upstream software behind an AWS-managed release (Lambda python3.12 -> python 3.12), when the catalog knows it */
  upstreamProduct?: string | null;
  upstreamCycle?: string | null;
};

/**
 * One account × region × service that discovery read (or could not: the error says why, e.g. AccessDenied).
 * The "rds" scope covers both the "rds" and "aurora" sources.
 */
export type TDiscoveryScope = { accountId: string; region: string; service: "lambda" | "rds" | "eks" | "ssm"; ok: boolean; error?: string; found: number };

export type TDiscoveryResult = { items: TDiscoveredSoftware[]; scopes: TDiscoveryScope[] };
