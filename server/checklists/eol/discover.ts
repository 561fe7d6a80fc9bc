import "server-only";
import { getEnv } from "@/server/env";
import type { AwsContext } from "@/server/aws/clients";
import { listClusters } from "@/server/aws/eks";
import { listFunctions } from "@/server/aws/lambda";
import { listDbClusters, listDbInstances } from "@/server/aws/rds";
import { listManagedInstances } from "@/server/aws/ssm";
import { listInstanceOs } from "@/server/aws/ssm-inventory";
import { describeError } from "@/server/sync/sync-run-log";
import { mapAwsRuntime, matchVersion, type TAwsRuntimeKind } from "./catalog";
import type { TDiscoveredSoftware, TDiscoveryResult, TDiscoveryScope } from "./discovery.types";
import { memberScopes, pool } from "@/server/sync/fan-out";

// AWS discovery for the EOL inventory: in each account × region, Lambda runtimes, RDS engines (Aurora and
// Multi-AZ DB clusters once per cluster, not per member), EKS versions and the operating systems from SSM
// inventory, each mapped to an endoflife.date product and cycle. What the catalog does not know is kept
// with a null product or cycle ("no EOL data"), never dropped.

export type TDiscoveryTarget = { accountId: string; region: string };

/** Scopes read at once; each reads its four services in parallel, so about 4 × 4 calls are in flight. */
export const DISCOVERY_CONCURRENCY = 4;

type TService = TDiscoveryScope["service"];
type TMapping = Pick<TDiscoveredSoftware, "product" | "cycle" | "upstreamProduct" | "upstreamCycle">;
type TBase = Omit<TDiscoveredSoftware, keyof TMapping>;

/**
 * The catalog product and cycle of one AWS value. When the AWS-managed product (aws-lambda, amazon-rds-*)
 * has no cycle for it but the upstream software does, the upstream one carries the end of life.
 */
export function mapDiscovered(kind: TAwsRuntimeKind, value: string, version?: string): TMapping {
  const ref = value ? mapAwsRuntime(kind, value, version) : null;
  if (!ref) return { product: null, cycle: null, upstreamProduct: null, upstreamCycle: null };
  const cycle = matchVersion(ref.slug, ref.version)?.cycle ?? null;
  const upstreamProduct = ref.upstream?.slug ?? null;
  const upstreamCycle = ref.upstream ? (matchVersion(ref.upstream.slug, ref.upstream.version)?.cycle ?? null) : null;
  if (cycle === null && upstreamProduct && upstreamCycle !== null) return { product: upstreamProduct, cycle: upstreamCycle, upstreamProduct, upstreamCycle };
  return { product: ref.slug, cycle, upstreamProduct, upstreamCycle };
}

function item(base: TBase, kind: TAwsRuntimeKind, value: string, version?: string): TDiscoveredSoftware {
  return { ...base, ...mapDiscovered(kind, value, version) };
}

async function lambdaItems(ctx: AwsContext, s: TDiscoveryTarget): Promise<TDiscoveredSoftware[]> {
  const functions = await listFunctions(ctx.lambda(s), ctx.limiter, s);
  return functions.map((f) => {
    const base = { sourceKey: `lambda:${f.arn}`, source: "lambda" as const, accountId: s.accountId, region: s.region, resourceId: f.arn, resourceName: f.name };
    // A container image brings its own runtime: nothing to map, kept as "no EOL data".
    if (!f.runtime) return item({ ...base, rawName: "container image", rawVersion: "" }, "lambda", "");
    return item({ ...base, rawName: f.runtime, rawVersion: "" }, "lambda", f.runtime);
  });
}

async function rdsItems(ctx: AwsContext, s: TDiscoveryTarget): Promise<TDiscoveredSoftware[]> {
  const client = ctx.rds(s);
  const [instances, clusters] = await Promise.all([listDbInstances(client, ctx.limiter, s), listDbClusters(client, ctx.limiter, s)]);
  const clusterIds = new Set(clusters.map((c) => c.id));
  const where = { accountId: s.accountId, region: s.region };
  const fromClusters = clusters.map((c) => {
    const source = c.engine.startsWith("aurora") ? ("aurora" as const) : ("rds" as const);
    return item({ sourceKey: `${source}:${c.arn}`, source, ...where, resourceId: c.arn, resourceName: c.id, rawName: c.engine, rawVersion: c.engineVersion }, "rds", c.engine, c.engineVersion);
  });
  // Cluster members run their cluster's version: counted once, with the cluster.
  const fromInstances = instances
    .filter((i) => !i.clusterId || !clusterIds.has(i.clusterId))
    .map((i) => {
      const source = i.engine.startsWith("aurora") ? ("aurora" as const) : ("rds" as const);
      return item({ sourceKey: `${source}:${i.arn}`, source, ...where, resourceId: i.arn, resourceName: i.id, rawName: i.engine, rawVersion: i.engineVersion }, "rds", i.engine, i.engineVersion);
    });
  return [...fromInstances, ...fromClusters];
}

async function eksItems(ctx: AwsContext, s: TDiscoveryTarget): Promise<TDiscoveredSoftware[]> {
  const clusters = await listClusters(ctx.eks(s), ctx.limiter, s);
  return clusters.map((c) =>
    item({ sourceKey: `eks:${c.arn}`, source: "eks", accountId: s.accountId, region: s.region, resourceId: c.arn, resourceName: c.name, rawName: "EKS", rawVersion: c.version }, "eks", c.version, c.version),
  );
}

/**
 * Operating systems from SSM inventory (AWS:InstanceInformation). Managed instances that have no inventory
 * (no gather-inventory association in that account and region) still report their platform to
 * DescribeInstanceInformation: taken from there, so no instance is left out.
 */
async function ssmItems(ctx: AwsContext, s: TDiscoveryTarget): Promise<TDiscoveredSoftware[]> {
  const client = ctx.ssm(s);
  const [inventory, managed] = await Promise.all([listInstanceOs(client, ctx.limiter, s), listManagedInstances(client, ctx.limiter, s)]);
  const seen = new Set(inventory.map((i) => i.instanceId));
  const fromManaged = managed
    .filter((m) => !seen.has(m.instanceId) && m.platformName)
    .map((m) => ({ instanceId: m.instanceId, platformName: m.platformName ?? "", platformVersion: m.platformVersion ?? "", computerName: m.computerName, instanceStatus: null }));
  return [...inventory, ...fromManaged]
    .filter((i) => i.instanceStatus !== "Terminated")
    .map((i) =>
      item(
        {
          sourceKey: `ssm:${s.accountId}:${s.region}:${i.instanceId}`, source: "ssm", accountId: s.accountId, region: s.region,
          resourceId: i.instanceId, resourceName: i.computerName || i.instanceId, rawName: i.platformName, rawVersion: i.platformVersion,
        },
        "ssm-os", i.platformName, i.platformVersion,
      ),
    );
}

const READERS: Record<TService, (ctx: AwsContext, s: TDiscoveryTarget) => Promise<TDiscoveredSoftware[]>> = {
  lambda: lambdaItems, rds: rdsItems, eks: eksItems, ssm: ssmItems,
};

async function readScope(ctx: AwsContext, s: TDiscoveryTarget): Promise<{ items: TDiscoveredSoftware[]; scopes: TDiscoveryScope[] }> {
  const services = Object.keys(READERS) as TService[];
  const results = await Promise.all(services.map(async (service) => {
    try {
      const items = await READERS[service](ctx, s);
      return { items, scope: { accountId: s.accountId, region: s.region, service, ok: true, found: items.length } };
    } catch (error) {
      return { items: [], scope: { accountId: s.accountId, region: s.region, service, ok: false, error: describeError(error), found: 0 } };
    }
  }));
  return { items: results.flatMap((r) => r.items), scopes: results.map((r) => r.scope) };
}

/**
 * Reads Lambda, RDS/Aurora, EKS and SSM inventory in every scope through the member read role, a few
 * scopes at a time. A service that fails in a scope (AccessDenied, throttling after the SDK's retries)
 * is recorded in `scopes` with its error and stops nothing else.
 */
export async function discoverSoftware(ctx: AwsContext, scopes: TDiscoveryTarget[], options: { concurrency?: number } = {}): Promise<TDiscoveryResult> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DISCOVERY_CONCURRENCY));
  const results = await pool(scopes.map((scope) => () => readScope(ctx, scope)), concurrency);
  return { items: results.flatMap((r) => r.items), scopes: results.flatMap((r) => r.scopes) };
}

/**
 * The account × region scopes discovery reads, decided like the findings sync's fan-out: every ACTIVE
 * account of the organization (aws_accounts) in every configured region. Lambda, RDS, EKS and SSM have no
 * delegated-administrator view, so discovery fans out whatever the findings topology.
 */
export async function discoveryScopes(regions: string[] = getEnv().KANSHI_REGIONS): Promise<TDiscoveryTarget[]> {
  return memberScopes(regions);
}
