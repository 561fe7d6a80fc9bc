import "server-only";
import type { TServiceName } from "../errors";
import type { TSimAccount, TSimOrganization } from "./organization";
import { hash, pick } from "./random";

// The account security baseline of every simulated account (CloudTrail, Config, GuardDuty detector,
// Security Hub standards, ECR scanning, EBS default encryption). Most accounts pass everything; a few
// members, chosen from the seed, fail one area each, and one member's read role lacks a service's
// permissions. The management and delegated-administrator accounts always pass. SSM associations come
// from data/ssm.ts (missingAssociations).

export type TTrailState = "multi-region" | "single-region" | "not-logging";
export type TDetectorState = "ENABLED" | "DISABLED" | "ABSENT";

export type TAccountBaseline = {
  trail: TTrailState;
  /** region indexes whose configuration recorder is stopped */
  recorderStopped: number[];
  /** detector state per region index (default ENABLED) */
  detector: Record<number, TDetectorState>;
  /** not subscribed to CIS AWS Foundations v1.4.0 in any region */
  cisMissing: boolean;
  /** region indexes with a repository without scan on push (and no registry-level rule) */
  ecrUnscanned: number[];
  /** region indexes where EBS encryption by default is off */
  ebsOff: number[];
  /** services this account's read role may not call (AccessDenied from that service only) */
  deniedServices: TServiceName[];
  /** the registry-level rule scans every repository on push */
  registryScanOnPush: boolean;
};

const CLEAN: Omit<TAccountBaseline, "detector" | "registryScanOnPush"> = {
  trail: "multi-region", recorderStopped: [], cisMissing: false, ecrUnscanned: [], ebsOff: [], deniedServices: [],
};

/** What goes wrong in the n-th chosen member account (region r is picked per account). */
const FAULTS: ((r: number) => Partial<TAccountBaseline>)[] = [
  () => ({ trail: "single-region" }),
  (r) => ({ trail: "not-logging", ebsOff: [r] }),
  (r) => ({ recorderStopped: [r] }),
  (r) => ({ detector: { [r]: "DISABLED" } }),
  (r) => ({ detector: { [r]: "ABSENT" }, cisMissing: true }),
  (r) => ({ ecrUnscanned: [r] }),
  () => ({ deniedServices: ["config"] }),
  (r) => ({ deniedServices: ["ec2"], ebsOff: [r] }),
];

const cache = new Map<string, Map<number, TAccountBaseline>>();

/** Every account's baseline, by account index (pure: a function of the seed and the organization). */
export function baselineProfiles(seed: number, org: TSimOrganization): Map<number, TAccountBaseline> {
  const key = `${seed}:${org.id}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const members = org.accounts.filter((a) => a.status === "ACTIVE" && a.id !== org.managementAccountId && a.id !== org.adminAccountId);
  // A seeded shuffle of the members: the first FAULTS.length get one fault each.
  const order = [...members].sort((a, b) => hash(seed, 7500, a.index) - hash(seed, 7500, b.index));
  const out = new Map<number, TAccountBaseline>();
  for (const account of org.accounts) {
    out.set(account.index, { ...CLEAN, detector: {}, registryScanOnPush: hash(seed, 7501, account.index) % 3 === 0 });
  }
  order.slice(0, FAULTS.length).forEach((account: TSimAccount, n) => {
    const region = pick(org.regions.length, seed, 7502, account.index);
    const fault = (FAULTS[n] as (r: number) => Partial<TAccountBaseline>)(region);
    const base = out.get(account.index) as TAccountBaseline;
    // A repository failing scan on push needs the registry-level rule off, or the rule would cover it.
    out.set(account.index, { ...base, ...fault, registryScanOnPush: fault.ecrUnscanned ? false : base.registryScanOnPush });
  });
  cache.set(key, out);
  return out;
}

export function baselineOf(seed: number, org: TSimOrganization, account: TSimAccount): TAccountBaseline {
  return baselineProfiles(seed, org).get(account.index) as TAccountBaseline;
}

const REPOSITORY_NAMES = ["api", "web", "worker", "batch-jobs", "base-images/node", "base-images/python", "ingest", "reports"];

/** The ECR repositories of an account and region: 0–6 by account weight; the first is the unscanned one where one is. */
export function repositories(seed: number, account: TSimAccount, region: number, unscanned: boolean): { name: string; scanOnPush: boolean; createdAt: number }[] {
  if (account.status !== "ACTIVE") return [];
  const sized = Math.min(REPOSITORY_NAMES.length - 1, Math.round(account.weight * 2 * (0.3 + (hash(seed, 7510, account.index, region) % 100) / 100)));
  const count = unscanned ? Math.max(2, sized) : sized;
  const prefix = account.name.split("-").slice(-1)[0] ?? "app";
  return Array.from({ length: count }, (_, n) => ({
    name: `${prefix}/${REPOSITORY_NAMES[(n + account.index) % REPOSITORY_NAMES.length]}`,
    scanOnPush: !(unscanned && n === 0),
    createdAt: Date.UTC(2023, 0, 1) + (hash(seed, 7511, account.index, region, n) % 600) * 86_400_000,
  }));
}
