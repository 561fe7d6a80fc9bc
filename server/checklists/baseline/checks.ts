import "server-only";
import type { AwsContext } from "@/server/aws/clients";
import { describeTrails, getTrailStatus } from "@/server/aws/baseline-cloudtrail";
import { describeRecorders } from "@/server/aws/baseline-config";
import { getEbsEncryptionByDefault } from "@/server/aws/baseline-ec2";
import { getRegistryScanning, listRepositories, type TRegistryScanning } from "@/server/aws/baseline-ecr";
import { getDetector } from "@/server/aws/baseline-guardduty";
import { describeHub, listStandardsSubscriptions } from "@/server/aws/baseline-securityhub";
import { listDetectorIds } from "@/server/aws/guardduty";
import { listAssociations } from "@/server/aws/ssm";
import type { TBaselineCheck, TBaselineEvidence, TBaselineProblem, TBaselineStatus } from "./baseline.types";

// One function per baseline check: read the facts from AWS, decide pass / fail, keep the facts as
// evidence. `problem` names why a check failed (the UI translates it); AWS errors become UNKNOWN upstream.

export type TScope = { accountId: string; region: string };
export type TCheckOutcome = { status: Exclude<TBaselineStatus, "UNKNOWN">; evidence: TBaselineEvidence };
type TCheck = (ctx: AwsContext, scope: TScope) => Promise<TCheckOutcome>;

const outcome = (pass: boolean, evidence: TBaselineEvidence, problem: TBaselineProblem): TCheckOutcome =>
  pass ? { status: "PASS", evidence } : { status: "FAIL", evidence: { ...evidence, problem } };

export const FSBP_STANDARD_SUFFIX = "::standards/aws-foundational-security-best-practices/v/1.0.0";
export const CIS_STANDARD_SUFFIX = "::standards/cis-aws-foundations-benchmark/v/1.4.0";
export const INVENTORY_DOCUMENT = "AWS-GatherSoftwareInventory";
export const PATCH_DOCUMENT = "AWS-RunPatchBaseline";

/** CloudTrail: at least one multi-region trail that is logging. Account-level: run in one region. */
const cloudtrail: TCheck = async (ctx, scope) => {
  const trails = await describeTrails(ctx.cloudTrail(scope), ctx.limiter, scope);
  const facts = [];
  for (const t of trails) {
    const home = { accountId: scope.accountId, region: t.homeRegion };
    const status = await getTrailStatus(ctx.cloudTrail(home), ctx.limiter, home, t.arn);
    facts.push({ name: t.name, arn: t.arn, homeRegion: t.homeRegion, isMultiRegionTrail: t.isMultiRegion, isOrganizationTrail: t.isOrganizationTrail, isLogging: status.isLogging, stopLoggingAt: status.stopLoggingAt?.toISOString() ?? null });
  }
  const multi = facts.filter((t) => t.isMultiRegionTrail);
  const ok = multi.some((t) => t.isLogging);
  return outcome(ok, { evaluatedIn: scope.region, trails: facts }, facts.length === 0 ? "noTrail" : multi.length === 0 ? "noMultiRegionTrail" : "trailNotLogging");
};

const config: TCheck = async (ctx, scope) => {
  const recorders = await describeRecorders(ctx.config(scope), ctx.limiter, scope);
  const ok = recorders.some((r) => r.recording);
  const facts = recorders.map((r) => ({ name: r.name, recording: r.recording, allSupported: r.allSupported, lastStatus: r.lastStatus, lastStopAt: r.lastStopAt?.toISOString() ?? null }));
  return outcome(ok, { recorders: facts }, recorders.length === 0 ? "noRecorder" : "recorderStopped");
};

const guardduty: TCheck = async (ctx, scope) => {
  const client = ctx.guardDuty(scope);
  const ids = await listDetectorIds(client, ctx.limiter, scope);
  const detectors = [];
  for (const id of ids) {
    const d = await getDetector(client, ctx.limiter, scope, id);
    detectors.push({ detectorId: d.detectorId, status: d.status, findingPublishingFrequency: d.findingPublishingFrequency });
  }
  return outcome(detectors.some((d) => d.status === "ENABLED"), { detectors }, detectors.length === 0 ? "noDetector" : "detectorDisabled");
};

const securityhub: TCheck = async (ctx, scope) => {
  const client = ctx.securityHub(scope);
  const hub = await describeHub(client, ctx.limiter, scope);
  if (!hub) return outcome(false, { hubArn: null, standards: [] }, "hubDisabled");
  const subscriptions = await listStandardsSubscriptions(client, ctx.limiter, scope);
  const active = subscriptions.filter((s) => s.status !== "DELETING" && s.status !== "FAILED");
  const has = (suffix: string) => active.some((s) => s.standardsArn.endsWith(suffix));
  const missing = [...(has(FSBP_STANDARD_SUFFIX) ? [] : ["aws-foundational-security-best-practices/v/1.0.0"]), ...(has(CIS_STANDARD_SUFFIX) ? [] : ["cis-aws-foundations-benchmark/v/1.4.0"])];
  const evidence = { hubArn: hub.hubArn, subscribedAt: hub.subscribedAt, standards: subscriptions.map((s) => ({ standardsArn: s.standardsArn, status: s.status })), missingStandards: missing };
  return outcome(missing.length === 0, evidence, "standardMissing");
};

/** A WILDCARD repository filter ("*" matches any run of characters). */
function matches(filter: string, name: string): boolean {
  const pattern = filter.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${pattern}$`).test(name);
}

function registryScans(scanning: TRegistryScanning, name: string): boolean {
  return scanning.rules.some((r) => (r.frequency === "SCAN_ON_PUSH" || r.frequency === "CONTINUOUS_SCAN") && r.filters.some((f) => matches(f.filter, name)));
}

/** ECR: every repository is scanned on push, by its own setting (basic scanning) or by a registry-level rule. */
const ecr: TCheck = async (ctx, scope) => {
  const client = ctx.ecr(scope);
  const [repositories, scanning] = await Promise.all([listRepositories(client, ctx.limiter, scope), getRegistryScanning(client, ctx.limiter, scope)]);
  // Enhanced scanning ignores the repositories' own flag: only the registry's rules count there.
  const scanned = (r: { name: string; scanOnPush: boolean }) => (scanning.scanType !== "ENHANCED" && r.scanOnPush) || registryScans(scanning, r.name);
  const unscanned = repositories.filter((r) => !scanned(r)).map((r) => r.name);
  const evidence = { scanType: scanning.scanType, registryRules: scanning.rules, repositories: repositories.length, withoutScanOnPush: unscanned };
  return outcome(unscanned.length === 0, evidence, "repositoryWithoutScanOnPush");
};

const ssm: TCheck = async (ctx, scope) => {
  const associations = await listAssociations(ctx.ssm(scope), ctx.limiter, scope);
  const found = associations.map((a) => ({ name: a.name, associationName: a.associationName, schedule: a.scheduleExpression, status: a.status }));
  const missing = [PATCH_DOCUMENT, INVENTORY_DOCUMENT].filter((d) => !associations.some((a) => a.name === d));
  return outcome(missing.length === 0, { associations: found, missingAssociations: missing }, "associationMissing");
};

const ebs: TCheck = async (ctx, scope) => {
  const on = await getEbsEncryptionByDefault(ctx.ec2(scope), ctx.limiter, scope);
  return outcome(on, { ebsEncryptionByDefault: on }, "ebsEncryptionOff");
};

export const CHECKS: Record<TBaselineCheck, TCheck> = { cloudtrail, config, guardduty, securityhub, ecr, ssm, ebs };
