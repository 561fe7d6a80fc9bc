import "server-only";
import { alnum, hash } from "./random";

// The demo organization: a management account, a Security OU with the delegated administrator,
// shared infrastructure, workloads split into Prod and NonProd, and a sandbox with a suspended account.
// Accounts marked `consolidated` emit consolidated control findings (Security Hub's SECURITY_CONTROL finding
// generator: one finding per control and resource, GeneratorId "security-control/<ControlId>", every standard
// in Compliance.AssociatedStandards); the others per-standard findings ("<standard>/<control>").

export const REGIONS = ["us-east-1", "ap-northeast-1", "eu-west-1"] as const;
export const REGION_WEIGHTS = [0.5, 0.3, 0.2];

type TOuSpec = { key: string; name: string; parent: string };
const OU_SPECS: TOuSpec[] = [
  { key: "security", name: "Security", parent: "root" },
  { key: "infrastructure", name: "Infrastructure", parent: "root" },
  { key: "workloads", name: "Workloads", parent: "root" },
  { key: "prod", name: "Prod", parent: "workloads" },
  { key: "nonprod", name: "NonProd", parent: "workloads" },
  { key: "sandbox", name: "Sandbox", parent: "root" },
];

type TAccountSpec = { name: string; ou: string; env: string; owner: string; costCenter: string; weight: number; suspended?: boolean; consolidated?: boolean };
const ACCOUNT_SPECS: TAccountSpec[] = [
  { name: "management", ou: "root", env: "management", owner: "cloud-platform", costCenter: "CC-1000", weight: 0.5 },
  { name: "security-tooling", ou: "security", env: "security", owner: "security-team", costCenter: "CC-1100", weight: 1 },
  { name: "log-archive", ou: "security", env: "security", owner: "security-team", costCenter: "CC-1100", weight: 1 },
  { name: "audit", ou: "security", env: "security", owner: "security-team", costCenter: "CC-1100", weight: 0.8 },
  { name: "shared-services", ou: "infrastructure", env: "shared", owner: "cloud-platform", costCenter: "CC-1200", weight: 2 },
  { name: "network", ou: "infrastructure", env: "shared", owner: "network-team", costCenter: "CC-1200", weight: 1 },
  { name: "prod-payments", ou: "prod", env: "prod", owner: "payments-team", costCenter: "CC-2100", weight: 3 },
  { name: "prod-web", ou: "prod", env: "prod", owner: "web-team", costCenter: "CC-2200", weight: 3 },
  { name: "prod-api", ou: "prod", env: "prod", owner: "api-team", costCenter: "CC-2300", weight: 2.5, consolidated: true },
  { name: "data-analytics", ou: "prod", env: "prod", owner: "data-team", costCenter: "CC-2400", weight: 2, consolidated: true },
  { name: "staging-web", ou: "nonprod", env: "staging", owner: "web-team", costCenter: "CC-2200", weight: 2 },
  { name: "staging-api", ou: "nonprod", env: "staging", owner: "api-team", costCenter: "CC-2300", weight: 1.5, consolidated: true },
  { name: "dev-platform", ou: "nonprod", env: "dev", owner: "cloud-platform", costCenter: "CC-1200", weight: 1.5, consolidated: true },
  { name: "dev-sandbox", ou: "sandbox", env: "sandbox", owner: "engineering", costCenter: "CC-3000", weight: 1, consolidated: true },
  { name: "research-sandbox", ou: "sandbox", env: "sandbox", owner: "data-team", costCenter: "CC-3000", weight: 0.4, suspended: true },
];

export type TSimAccount = {
  index: number; id: string; name: string; email: string; ouId: string; status: "ACTIVE" | "SUSPENDED";
  joinedMethod: "CREATED" | "INVITED"; joinedSeconds: number; tags: { Key: string; Value: string }[]; weight: number;
  /** Security Hub's control finding generator of the account: SECURITY_CONTROL = consolidated control findings */
  controlFindingGenerator: "SECURITY_CONTROL" | "STANDARD_CONTROL";
};
export type TSimOu = { id: string; name: string; parentId: string; arn: string };
export type TSimOrganization = {
  id: string; arn: string; rootId: string; rootArn: string; managementAccountId: string; adminAccountId: string;
  accounts: TSimAccount[]; ous: TSimOu[]; regions: string[]; /** accounts that contain findings, by weight */
  accountWeights: { weight: number; value: number }[];
};

function accountId(seed: number, n: number): string {
  // 12 digits, never starting with 0, distinct for a given seed (n is folded into the low digits).
  const high = 1 + (hash(seed, 11, n) % 9);
  const middle = hash(seed, 12, n) % 100_000_000;
  return `${high}${String(middle).padStart(8, "0")}${String(100 + n).slice(-3)}`;
}

export function buildOrganization(seed: number): TSimOrganization {
  const orgId = `o-${alnum(10, seed, 1)}`;
  const rootId = `r-${alnum(4, seed, 2)}`;
  const ids = ACCOUNT_SPECS.map((_, n) => accountId(seed, n));
  const managementAccountId = ids[0] as string;
  const ouIds = new Map<string, string>([["root", rootId]]);
  const ous: TSimOu[] = OU_SPECS.map((spec, n) => {
    const id = `ou-${rootId.slice(2)}-${alnum(8, seed, 3, n)}`;
    ouIds.set(spec.key, id);
    return { id, name: spec.name, parentId: ouIds.get(spec.parent) as string, arn: `arn:aws:organizations::${managementAccountId}:ou/${orgId}/${id}` };
  });
  const start = Date.UTC(2021, 2, 1) / 1000;
  const accounts: TSimAccount[] = ACCOUNT_SPECS.map((spec, n) => ({
    index: n,
    id: ids[n] as string,
    name: spec.name,
    email: `aws+${spec.name}@example.com`,
    ouId: ouIds.get(spec.ou) as string,
    status: spec.suspended ? "SUSPENDED" : "ACTIVE",
    joinedMethod: n === 0 ? "INVITED" : "CREATED",
    joinedSeconds: start + n * 86_400 * 37 + (hash(seed, 4, n) % 86_400),
    tags: [
      { Key: "Environment", Value: spec.env },
      { Key: "Owner", Value: spec.owner },
      { Key: "CostCenter", Value: spec.costCenter },
    ],
    weight: spec.weight,
    controlFindingGenerator: spec.consolidated ? "SECURITY_CONTROL" : "STANDARD_CONTROL",
  }));
  return {
    id: orgId,
    arn: `arn:aws:organizations::${managementAccountId}:organization/${orgId}`,
    rootId,
    rootArn: `arn:aws:organizations::${managementAccountId}:root/${orgId}/${rootId}`,
    managementAccountId,
    adminAccountId: ids[1] as string,
    accounts,
    ous,
    regions: [...REGIONS],
    accountWeights: accounts.map((a) => ({ weight: a.weight, value: a.index })),
  };
}
