import "server-only";
import type { TSimAccount, TSimOrganization } from "./organization";
import { alnum, choose, chooseWeighted, hex, pick, unit } from "./random";

// Software versions running in each member account and region, for the EOL inventory: Lambda functions,
// RDS instances, Aurora clusters (with their member instances) and EKS clusters. Static per account and
// region, a pure function of (seed, scale, account, region, timeline start). Versions mix current,
// deprecated and unknown ones so that, at the default start (2026-11-01), some are past their end of life
// (EKS 1.25–1.31, PostgreSQL 11/13, MySQL 5.7/8.0) and some end within 90 days (EKS 1.34, MariaDB 10.6).

const DAY = 86_400_000;
const REGION_FACTOR = [1, 0.7, 0.5];

const w = <T>(weight: number, value: T) => ({ weight, value });

const LAMBDA_RUNTIMES = [
  w(3, "nodejs20.x"), w(2, "nodejs18.x"), w(1.5, "nodejs16.x"), w(2, "nodejs22.x"), w(0.4, "nodejs12.x"),
  w(2.5, "python3.12"), w(1.5, "python3.9"), w(1, "python3.8"), w(1.5, "python3.13"),
  w(1, "java11"), w(1.5, "java17"), w(0.8, "java21"), w(1, "provided.al2"), w(0.8, "provided.al2023"),
  w(0.7, "dotnet6"), w(0.8, "dotnet8"), w(0.3, "dotnetcore3.1"), w(0.8, "ruby3.2"),
  // container-image functions have no runtime: their software is inside the image
  w(0.8, null),
] as const;

const HANDLERS: Record<string, string> = { nodejs: "index.handler", python: "app.lambda_handler", java: "com.example.Handler::handleRequest", dotnet: "Function::Function.Function::FunctionHandler", ruby: "function.handler", provided: "bootstrap" };

type TEngine = { engine: string; versions: readonly string[]; classes: readonly string[]; license: string; port: number };
const RDS_ENGINES: { weight: number; value: TEngine }[] = [
  w(3, { engine: "postgres", versions: ["11.22", "13.14", "14.12", "15.4", "15.7", "16.3"], classes: ["db.t3.medium", "db.r6g.large", "db.m6g.xlarge"], license: "postgresql-license", port: 5432 }),
  w(2.5, { engine: "mysql", versions: ["5.7.44", "8.0.35", "8.0.39", "8.4.3"], classes: ["db.t3.small", "db.r6g.large"], license: "general-public-license", port: 3306 }),
  w(0.8, { engine: "mariadb", versions: ["10.6.18", "10.11.8"], classes: ["db.t3.medium"], license: "general-public-license", port: 3306 }),
  w(0.6, { engine: "sqlserver-se", versions: ["15.00.4345.5.v1", "16.00.4131.2.v1"], classes: ["db.m5.xlarge"], license: "license-included", port: 1433 }),
  w(0.5, { engine: "oracle-se2", versions: ["19.0.0.0.ru-2024-10.rur-2024-10.r1"], classes: ["db.m5.large"], license: "bring-your-own-license", port: 1521 }),
];

const AURORA_ENGINES: { weight: number; value: TEngine }[] = [
  w(2, { engine: "aurora-postgresql", versions: ["13.12", "14.10", "15.4", "16.2"], classes: ["db.r6g.large", "db.r7g.xlarge"], license: "postgresql-license", port: 5432 }),
  w(1.5, { engine: "aurora-mysql", versions: ["5.7.mysql_aurora.2.11.5", "8.0.mysql_aurora.3.04.3", "8.0.mysql_aurora.3.05.2", "8.0.mysql_aurora.3.07.1"], classes: ["db.r6g.large"], license: "general-public-license", port: 3306 }),
];

const EKS_VERSIONS = [w(0.6, "1.25"), w(0.8, "1.26"), w(1, "1.27"), w(1.2, "1.28"), w(1.5, "1.29"), w(1.5, "1.30"), w(1.5, "1.31"), w(1.2, "1.32"), w(1, "1.33"), w(1.5, "1.34")] as const;
const EKS_PLATFORM: Record<string, number> = { "1.25": 11, "1.26": 12, "1.27": 16, "1.28": 19, "1.29": 20, "1.30": 15, "1.31": 12, "1.32": 8, "1.33": 6, "1.34": 4 };

const APPS = ["orders", "billing", "checkout", "catalog", "search", "auth", "reports", "ingest", "notify", "ledger", "images", "events"];
const VERBS = ["handler", "worker", "sync", "export", "resize", "webhook", "cron", "stream", "api", "cleanup"];

export type TLambdaFunction = {
  name: string; arn: string; runtime: string | null; packageType: "Zip" | "Image"; handler: string | null; role: string;
  memoryMb: number; timeoutS: number; codeSize: number; lastModified: number; architecture: "x86_64" | "arm64"; codeSha256: string; description: string;
};
export type TRdsInstance = {
  id: string; arn: string; resourceId: string; engine: string; engineVersion: string; instanceClass: string; licenseModel: string;
  port: number; createdAt: number; availabilityZone: string; multiAz: boolean; encrypted: boolean;
  /** Aurora member instances belong to a cluster (and carry its engine version) */
  clusterId: string | null;
};
export type TRdsCluster = {
  id: string; arn: string; resourceId: string; engine: string; engineVersion: string; createdAt: number; port: number; encrypted: boolean;
  members: { instanceId: string; writer: boolean }[];
};
export type TEksCluster = { name: string; arn: string; version: string; platformVersion: string; createdAt: number; endpoint: string; roleArn: string };
export type TSoftwareInventory = { functions: TLambdaFunction[]; instances: TRdsInstance[]; clusters: TRdsCluster[]; eks: TEksCluster[] };

const EMPTY: TSoftwareInventory = { functions: [], instances: [], clusters: [], eks: [] };

/** ×1 at the demo scale (3,000), ×4 at 300,000, ×16 from about 3 million: big organizations page every list. */
function scaled(scale: number): number {
  return Math.min(4, Math.max(0.5, 1 + Math.log10(scale / 3000) / 2)) ** 2;
}

function count(seed: number, salt: number, account: TSimAccount, region: number, base: number, perWeight: number, scale: number): number {
  const raw = (base + perWeight * account.weight * (0.3 + 0.7 * unit(seed, salt, account.index, region))) * (REGION_FACTOR[region] ?? 0.5) * scaled(scale);
  return Math.max(0, Math.round(raw));
}

function buildFunctions(seed: number, scale: number, account: TSimAccount, regionName: string, region: number, startMs: number, env: string): TLambdaFunction[] {
  const n = count(seed, 7500, account, region, 2, 9, scale);
  const names = new Set<string>();
  const out: TLambdaFunction[] = [];
  for (let k = 0; k < n; k++) {
    let name = `${env}-${choose(APPS, seed, 7501, account.index, region, k)}-${choose(VERBS, seed, 7502, account.index, region, k)}`;
    if (names.has(name)) name = `${name}-${alnum(4, seed, 7503, account.index, region, k)}`;
    names.add(name);
    const runtime = chooseWeighted(LAMBDA_RUNTIMES, seed, 7504, account.index, region, k);
    const family = runtime ? (/^[a-z]+/.exec(runtime)?.[0] ?? "") : "";
    out.push({
      name,
      arn: `arn:aws:lambda:${regionName}:${account.id}:function:${name}`,
      runtime,
      packageType: runtime ? "Zip" : "Image",
      handler: runtime ? (HANDLERS[family.replace(/core$/, "")] ?? "index.handler") : null,
      role: `arn:aws:iam::${account.id}:role/${name}-role`,
      memoryMb: choose([128, 256, 512, 1024, 2048], seed, 7505, account.index, region, k),
      timeoutS: choose([3, 15, 30, 60, 300, 900], seed, 7506, account.index, region, k),
      codeSize: 2_000 + pick(40_000_000, seed, 7507, account.index, region, k),
      lastModified: startMs - (1 + pick(900, seed, 7508, account.index, region, k)) * DAY - pick(DAY, seed, 7509, account.index, region, k),
      architecture: unit(seed, 7510, account.index, region, k) < 0.35 ? "arm64" : "x86_64",
      codeSha256: Buffer.from(hex(64, seed, 7511, account.index, region, k), "hex").toString("base64"),
      description: `${env} ${name.split("-").slice(1).join(" ")}`,
    });
  }
  return out;
}

function azOf(regionName: string, seed: number, ...parts: number[]): string {
  return `${regionName}${choose(["a", "b", "c"], seed, ...parts)}`;
}

function buildRds(seed: number, scale: number, account: TSimAccount, regionName: string, region: number, startMs: number, env: string) {
  const instances: TRdsInstance[] = [];
  const clusters: TRdsCluster[] = [];
  const arnBase = `arn:aws:rds:${regionName}:${account.id}`;
  const resource = (...parts: number[]) => hex(26, seed, ...parts).toUpperCase();
  const standalone = count(seed, 7600, account, region, 0, 1.8, scale);
  for (let k = 0; k < standalone; k++) {
    const e = chooseWeighted(RDS_ENGINES, seed, 7601, account.index, region, k);
    const id = `${env}-${choose(APPS, seed, 7602, account.index, region, k)}-${e.engine.split("-")[0]}-${k + 1}`;
    instances.push({
      id, arn: `${arnBase}:db:${id}`, resourceId: `db-${resource(7603, account.index, region, k)}`,
      engine: e.engine, engineVersion: choose(e.versions, seed, 7604, account.index, region, k), instanceClass: choose(e.classes, seed, 7605, account.index, region, k),
      licenseModel: e.license, port: e.port, createdAt: startMs - (30 + pick(1500, seed, 7606, account.index, region, k)) * DAY,
      availabilityZone: azOf(regionName, seed, 7607, account.index, region, k), multiAz: env === "prod" && unit(seed, 7608, account.index, region, k) < 0.7,
      encrypted: unit(seed, 7609, account.index, region, k) < 0.85, clusterId: null,
    });
  }
  const auroras = count(seed, 7620, account, region, 0, 0.7, scale);
  for (let k = 0; k < auroras; k++) {
    const e = chooseWeighted(AURORA_ENGINES, seed, 7621, account.index, region, k);
    const id = `${env}-${choose(APPS, seed, 7622, account.index, region, k)}-aurora-${k + 1}`;
    const version = choose(e.versions, seed, 7623, account.index, region, k);
    const createdAt = startMs - (30 + pick(1200, seed, 7624, account.index, region, k)) * DAY;
    const size = 1 + pick(env === "prod" ? 3 : 2, seed, 7625, account.index, region, k);
    const members = Array.from({ length: size }, (_, m) => ({ instanceId: `${id}-instance-${m + 1}`, writer: m === 0 }));
    const encrypted = unit(seed, 7626, account.index, region, k) < 0.9;
    clusters.push({ id, arn: `${arnBase}:cluster:${id}`, resourceId: `cluster-${resource(7627, account.index, region, k)}`, engine: e.engine, engineVersion: version, createdAt, port: e.port, encrypted, members });
    members.forEach((member, m) => instances.push({
      id: member.instanceId, arn: `${arnBase}:db:${member.instanceId}`, resourceId: `db-${resource(7628, account.index, region, k, m)}`,
      engine: e.engine, engineVersion: version, instanceClass: choose(e.classes, seed, 7629, account.index, region, k), licenseModel: e.license, port: e.port,
      createdAt: createdAt + m * 60_000, availabilityZone: azOf(regionName, seed, 7630, account.index, region, k, m), multiAz: false, encrypted, clusterId: id,
    }));
  }
  return { instances, clusters };
}

function buildEks(seed: number, scale: number, account: TSimAccount, regionName: string, region: number, startMs: number, env: string): TEksCluster[] {
  const n = count(seed, 7700, account, region, 0, 0.9, scale);
  return Array.from({ length: n }, (_, k) => {
    const name = `${env}-${choose(["platform", "apps", "data", "batch", "edge"], seed, 7701, account.index, region, k)}-${k + 1}`;
    const version = chooseWeighted(EKS_VERSIONS, seed, 7702, account.index, region, k);
    const id = hex(32, seed, 7703, account.index, region, k).toUpperCase();
    return {
      name, arn: `arn:aws:eks:${regionName}:${account.id}:cluster/${name}`, version, platformVersion: `eks.${EKS_PLATFORM[version] ?? 1}`,
      createdAt: startMs - (20 + pick(1000, seed, 7704, account.index, region, k)) * DAY,
      endpoint: `https://${id}.gr7.${regionName}.eks.amazonaws.com`, roleArn: `arn:aws:iam::${account.id}:role/${name}-cluster-role`,
    };
  });
}

/** Everything one account and region runs; suspended accounts and unknown regions run nothing. */
export function buildInventory(seed: number, scale: number, org: TSimOrganization, account: TSimAccount, region: number, startMs: number): TSoftwareInventory {
  const regionName = org.regions[region];
  if (account.status !== "ACTIVE" || !regionName) return EMPTY;
  const env = account.tags.find((t) => t.Key === "Environment")?.Value ?? "app";
  const rds = buildRds(seed, scale, account, regionName, region, startMs, env);
  return {
    functions: buildFunctions(seed, scale, account, regionName, region, startMs, env),
    instances: rds.instances,
    clusters: rds.clusters,
    eks: buildEks(seed, scale, account, regionName, region, startMs, env),
  };
}

type TInventoryData = { seed: number; scale: number; org: TSimOrganization; timeline: { startMs: number } };
const cache = new WeakMap<TInventoryData, Map<string, TSoftwareInventory>>();

/** buildInventory, built once per simulator, account and region. */
export function inventoryOf(data: TInventoryData, account: TSimAccount, region: number): TSoftwareInventory {
  let byScope = cache.get(data);
  if (!byScope) cache.set(data, (byScope = new Map()));
  const key = `${account.index}:${region}`;
  let inventory = byScope.get(key);
  if (!inventory) {
    inventory = buildInventory(data.seed, data.scale, data.org, account, region, data.timeline.startMs);
    byScope.set(key, inventory);
  }
  return inventory;
}
