import "server-only";
import type { TSimAccount, TSimOrganization } from "./organization";
import { alnum, choose, chooseWeighted, hash, hex, pick, unit } from "./random";

// SSM managed instances and their patch state: a static fleet per account and region, and patch
// operations on a schedule, so every value is a pure function of (seed, instance, clock time).

const MINUTE = 60_000;
const DAY = 86_400_000;

export type TSsmPlatform = { key: string; type: "Linux" | "Windows"; name: string; version: string; os: string; baselineName: string; installedBase: number; notApplicableBase: number };

export const SSM_PLATFORMS: TSsmPlatform[] = [
  { key: "al2", type: "Linux", name: "Amazon Linux", version: "2", os: "AMAZON_LINUX_2", baselineName: "AWS-AmazonLinux2DefaultPatchBaseline", installedBase: 420, notApplicableBase: 1100 },
  { key: "al2023", type: "Linux", name: "Amazon Linux", version: "2023", os: "AMAZON_LINUX_2023", baselineName: "AWS-AmazonLinux2023DefaultPatchBaseline", installedBase: 380, notApplicableBase: 900 },
  { key: "ubuntu", type: "Linux", name: "Ubuntu", version: "22.04", os: "UBUNTU", baselineName: "AWS-UbuntuDefaultPatchBaseline", installedBase: 610, notApplicableBase: 2400 },
  { key: "win2019", type: "Windows", name: "Microsoft Windows Server 2019 Datacenter", version: "10.0.17763", os: "WINDOWS", baselineName: "AWS-DefaultPatchBaseline", installedBase: 55, notApplicableBase: 230 },
  { key: "win2022", type: "Windows", name: "Microsoft Windows Server 2022 Datacenter", version: "10.0.20348", os: "WINDOWS", baselineName: "AWS-DefaultPatchBaseline", installedBase: 48, notApplicableBase: 190 },
  { key: "rhel", type: "Linux", name: "Red Hat Enterprise Linux", version: "8.9", os: "REDHAT_ENTERPRISE_LINUX", baselineName: "AWS-RedHatDefaultPatchBaseline", installedBase: 520, notApplicableBase: 1500 },
];
const PLATFORM_WEIGHTS = [3, 4, 2, 1, 1.5, 1].map((weight, value) => ({ weight, value }));
const REGION_FACTOR = [1, 0.7, 0.5];

export type TSsmInstance = {
  account: number; region: number; n: number; instanceId: string; platform: TSsmPlatform;
  pingStatus: "Online" | "ConnectionLost" | "Inactive"; computerName: string; ipAddress: string; agentVersion: string;
  registeredAt: number; patchGroup: string; baselineId: string; rebootOption: "RebootIfNeeded" | "NoReboot";
  /** first scheduled operation (ms) and the period between operations */
  phase: number; periodMs: number; installEvery: number;
  /** scans stopped at this time (agent lost, or patching broken): the stale instances */
  frozenAt: number | null;
};

export type TSsmPatchState = {
  operation: "Scan" | "Install"; startTime: number; endTime: number;
  installed: number; installedOther: number; pendingReboot: number; rejected: number; missing: number; failed: number;
  unreportedNotApplicable: number; notApplicable: number; critical: number; security: number; other: number;
};

export type TSsmAssociationKind = "inventory" | "patch";

/** Account-regions without an association: one account lacks inventory everywhere, another lacks patching in one region. */
export function missingAssociations(seed: number, org: TSimOrganization): { account: number; region: number | null; kind: TSsmAssociationKind }[] {
  const members = org.accounts.filter((a) => a.status === "ACTIVE" && a.id !== org.managementAccountId && a.id !== org.adminAccountId);
  const first = members[pick(members.length, seed, 7001)] as TSimAccount;
  const rest = members.filter((a) => a !== first);
  const second = rest[pick(rest.length, seed, 7002)] as TSimAccount;
  return [
    { account: first.index, region: null, kind: "inventory" },
    { account: second.index, region: pick(org.regions.length, seed, 7003), kind: "patch" },
  ];
}

export function hasAssociation(seed: number, org: TSimOrganization, account: number, region: number, kind: TSsmAssociationKind): boolean {
  return !missingAssociations(seed, org).some((m) => m.kind === kind && m.account === account && (m.region === null || m.region === region));
}

/** "a few to ~40" per account-region at the default scale; grows slowly with the scale knob. */
export function fleetSize(seed: number, scale: number, account: TSimAccount, region: number): number {
  if (account.status !== "ACTIVE") return 0;
  const scaleFactor = Math.min(2, Math.max(0.5, 1 + Math.log10(scale / 3000) / 2));
  const base = 2 + 12 * account.weight * (0.4 + 0.6 * unit(seed, 7010, account.index, region));
  return Math.max(2, Math.round(base * (REGION_FACTOR[region] ?? 0.5) * scaleFactor));
}

export function defaultBaselineId(seed: number, region: number, platform: TSsmPlatform): string {
  return `pb-0${hex(16, seed, 7020, region, platform.type === "Windows" ? 99 : SSM_PLATFORMS.indexOf(platform))}`;
}

export function customBaselineId(seed: number, account: number, region: number): string {
  return `pb-0${hex(16, seed, 7021, account, region)}`;
}

export function buildFleet(seed: number, scale: number, org: TSimOrganization, account: TSimAccount, region: number, startMs: number): TSsmInstance[] {
  const size = fleetSize(seed, scale, account, region);
  const env = account.tags.find((t) => t.Key === "Environment")?.Value ?? "default";
  const patchMissing = !hasAssociation(seed, org, account.index, region, "patch");
  const out: TSsmInstance[] = [];
  for (let n = 0; n < size; n++) {
    const h = (salt: number) => unit(seed, 7030 + salt, account.index, region, n);
    const platform = SSM_PLATFORMS[chooseWeighted(PLATFORM_WEIGHTS, seed, 7040, account.index, region, n)] as TSsmPlatform;
    const ping = h(1);
    const pingStatus = ping < 0.07 ? "ConnectionLost" : ping < 0.09 ? "Inactive" : "Online";
    const brokenPatching = h(2) < 0.08;
    const frozenAt = pingStatus !== "Online" || brokenPatching || patchMissing ? startMs - (8 + pick(30, seed, 7050, account.index, region, n)) * DAY - pick(DAY, seed, 7051, account.index, region, n) : null;
    const ip = `10.${pick(64, seed, 7060, account.index, region)}.${pick(256, seed, 7061, account.index, region, n)}.${1 + pick(254, seed, 7062, account.index, region, n)}`;
    const regionName = org.regions[region] ?? "us-east-1";
    const computerName = platform.type === "Windows"
      ? `EC2AMAZ-${alnum(7, seed, 7063, account.index, region, n).toUpperCase()}`
      : `ip-${ip.replaceAll(".", "-")}.${regionName === "us-east-1" ? "ec2.internal" : `${regionName}.compute.internal`}`;
    out.push({
      account: account.index, region, n,
      instanceId: `i-0${hex(16, seed, 7070, account.index, region, n)}`,
      platform, pingStatus, computerName, ipAddress: ip,
      agentVersion: choose(["3.3.1142.0", "3.3.1345.0", "3.3.1611.0"], seed, 7071, account.index, region, n),
      registeredAt: startMs - (40 + pick(400, seed, 7072, account.index, region, n)) * DAY,
      patchGroup: h(3) < 0.15 ? "" : `${env}-${platform.type.toLowerCase()}`,
      baselineId: h(4) < 0.25 ? customBaselineId(seed, account.index, region) : defaultBaselineId(seed, region, platform),
      rebootOption: h(5) < 0.2 ? "NoReboot" : "RebootIfNeeded",
      phase: startMs - 400 * DAY + pick(DAY, seed, 7080, account.index, region, n),
      periodMs: DAY,
      installEvery: 7,
      frozenAt,
    });
  }
  return out;
}

/** Patch releases that apply to the instance on day k (0–3). */
function released(seed: number, i: TSsmInstance, k: number): number {
  const r = unit(seed, 7090, i.account, i.region, i.n, k);
  return r < 0.45 ? 0 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
}

/** The last patch operation that finished at or before `now` (or before the instance's scans froze). */
export function patchStateAt(seed: number, i: TSsmInstance, now: number): TSsmPatchState {
  const cutoff = i.frozenAt === null ? now : Math.min(now, i.frozenAt);
  const durationOf = (k: number, install: boolean) => (install ? 10 + pick(50, seed, 7100, i.account, i.region, i.n, k) : 2 + pick(18, seed, 7101, i.account, i.region, i.n, k)) * MINUTE;
  const isInstall = (k: number) => k % i.installEvery === (i.n % i.installEvery);
  let k = Math.floor((cutoff - i.phase) / i.periodMs);
  while (k > 0 && i.phase + k * i.periodMs + durationOf(k, isInstall(k)) > cutoff) k--;
  const install = isInstall(k);
  const startTime = i.phase + k * i.periodMs;
  // The last install before (or at) k clears what was released before it, except a few failures.
  let lastInstall = k;
  while (lastInstall > 0 && !isInstall(lastInstall)) lastInstall--;
  let missing = 0;
  for (let d = lastInstall + 1; d <= k; d++) missing += released(seed, i, d);
  const installRoll = unit(seed, 7110, i.account, i.region, i.n, lastInstall);
  const failed = installRoll < 0.1 ? 1 + pick(2, seed, 7111, i.account, i.region, i.n, lastInstall) : 0;
  const justInstalled = install ? released(seed, i, k) + pick(4, seed, 7112, i.account, i.region, i.n, k) : 0;
  const pendingReboot = i.rebootOption === "NoReboot" && install ? justInstalled : 0;
  const nonCompliant = missing + failed;
  const security = Math.min(nonCompliant, failed + Math.floor(missing * (0.4 + 0.4 * unit(seed, 7113, i.account, i.region, i.n, k))));
  const critical = Math.min(security, Math.floor(security * unit(seed, 7114, i.account, i.region, i.n, k)));
  return {
    operation: install ? "Install" : "Scan",
    startTime,
    endTime: startTime + durationOf(k, install),
    installed: i.platform.installedBase + Math.floor(k / i.installEvery) * 2 + (hash(seed, 7115, i.account, i.region, i.n) % 40) - pendingReboot,
    installedOther: hash(seed, 7116, i.account, i.region, i.n) % 12,
    pendingReboot,
    rejected: unit(seed, 7117, i.account, i.region, i.n) < 0.05 ? 1 : 0,
    missing,
    failed,
    unreportedNotApplicable: i.platform.type === "Windows" ? hash(seed, 7118, i.account, i.region, i.n) % 6 : 0,
    notApplicable: i.platform.notApplicableBase + (hash(seed, 7119, i.account, i.region, i.n) % 200),
    critical,
    security,
    other: nonCompliant - security,
  };
}
