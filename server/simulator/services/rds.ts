import "server-only";
import { inventoryOf, type TRdsCluster, type TRdsInstance } from "../data/inventory";
import { SimError } from "../errors";
import { queryError, queryResponse, XmlList } from "../protocols/aws-query";
import { pageAt, pageSize } from "../protocols/inventory-services";
import type { SimRuntime, TRequest, TService } from "../runtime";

// RDS (awsQuery: form-encoded POST, XML in RDS's namespace): DescribeDBInstances and DescribeDBClusters for
// the EOL inventory. A caller sees its own account and region. Aurora member instances are listed by both
// calls, as in AWS (DescribeDBInstances shows them with their DBClusterIdentifier).

const NS = "http://rds.amazonaws.com/doc/2014-10-31/";
const invalid = (message: string) => new SimError(400, "InvalidParameterValue", message);
const iso = (ms: number) => new Date(ms).toISOString();

function params(req: TRequest): URLSearchParams {
  return req.method === "POST" ? new URLSearchParams(req.body) : req.query;
}

/** `Filters.Filter.N.Name` / `Filters.Filter.N.Values.Value.M`, as the SDK serializes them. */
function filtersOf(p: URLSearchParams): { name: string; values: string[] }[] {
  const out: { name: string; values: string[] }[] = [];
  for (let n = 1; p.has(`Filters.Filter.${n}.Name`); n++) {
    const values: string[] = [];
    for (let m = 1; p.has(`Filters.Filter.${n}.Values.Value.${m}`); m++) values.push(p.get(`Filters.Filter.${n}.Values.Value.${m}`) ?? "");
    out.push({ name: p.get(`Filters.Filter.${n}.Name`) ?? "", values });
  }
  return out;
}

function applyFilters<T extends { engine: string }>(items: T[], filters: { name: string; values: string[] }[], idOf: (item: T) => string, clusterOf: (item: T) => string | null): T[] {
  return items.filter((item) => filters.every((f) => {
    if (f.values.length === 0) throw invalid(`The filter ${f.name} must have at least one value.`);
    switch (f.name) {
      case "engine": return f.values.includes(item.engine);
      case "db-instance-id": case "db-cluster-id": return f.values.includes(idOf(item)) || (clusterOf(item) !== null && f.values.includes(clusterOf(item) as string));
      default: throw invalid(`Unrecognized filter name: ${f.name}.`);
    }
  }));
}

function instanceShape(i: TRdsInstance, region: string) {
  return {
    DBInstanceIdentifier: i.id, DBInstanceClass: i.instanceClass, Engine: i.engine, DBInstanceStatus: "available", MasterUsername: "admin",
    Endpoint: { Address: `${i.id}.c${i.resourceId.slice(3, 13).toLowerCase()}.${region}.rds.amazonaws.com`, Port: i.port, HostedZoneId: "Z2R2ITUGPM61AM" },
    AllocatedStorage: i.clusterId ? 1 : 100, InstanceCreateTime: iso(i.createdAt), PreferredBackupWindow: "03:00-03:30", BackupRetentionPeriod: 7,
    AvailabilityZone: i.availabilityZone, PreferredMaintenanceWindow: "sun:05:00-sun:05:30", MultiAZ: i.multiAz, EngineVersion: i.engineVersion,
    AutoMinorVersionUpgrade: true, LicenseModel: i.licenseModel, PubliclyAccessible: false, StorageType: i.clusterId ? "aurora" : "gp3",
    DBClusterIdentifier: i.clusterId ?? undefined, StorageEncrypted: i.encrypted, DbiResourceId: i.resourceId, DBInstanceArn: i.arn,
    DeletionProtection: false, CopyTagsToSnapshot: true, TagList: new XmlList("Tag", []),
  };
}

function clusterShape(c: TRdsCluster, region: string) {
  const host = `${c.id}.cluster-c${c.resourceId.slice(8, 18).toLowerCase()}.${region}.rds.amazonaws.com`;
  return {
    AllocatedStorage: 1, BackupRetentionPeriod: 7, DBClusterIdentifier: c.id, DBClusterParameterGroup: `default.${c.engine}`, Status: "available",
    Endpoint: host, ReaderEndpoint: host.replace(".cluster-", ".cluster-ro-"), MultiAZ: c.members.length > 1, Engine: c.engine, EngineVersion: c.engineVersion,
    Port: c.port, MasterUsername: "admin", PreferredBackupWindow: "03:00-03:30", PreferredMaintenanceWindow: "sun:05:00-sun:05:30",
    DBClusterMembers: new XmlList("DBClusterMember", c.members.map((m) => ({ DBInstanceIdentifier: m.instanceId, IsClusterWriter: m.writer, DBClusterParameterGroupStatus: "in-sync", PromotionTier: 1 }))),
    StorageEncrypted: c.encrypted, DbClusterResourceId: c.resourceId, DBClusterArn: c.arn, ClusterCreateTime: iso(c.createdAt), EngineMode: "provisioned",
    DeletionProtection: false, HttpEndpointEnabled: false, CopyTagsToSnapshot: true, TagList: new XmlList("Tag", []),
  };
}

function handle(operation: string, req: TRequest, rt: SimRuntime): Record<string, unknown> {
  const p = params(req);
  const regionIndex = rt.regionIndex(req.caller.region);
  const inventory = regionIndex < 0 ? { instances: [], clusters: [] } : inventoryOf(rt.data, req.caller.account, regionIndex);
  const size = pageSize(p.get("MaxRecords"), { min: 20, max: 100, fallback: 100, member: "maxRecords" }, () => invalid(`Invalid value ${p.get("MaxRecords")} for MaxRecords. Must be between 20 and 100`));
  const scope = `${operation}:${req.caller.account.index}:${regionIndex}:${p.get("DBInstanceIdentifier") ?? p.get("DBClusterIdentifier") ?? ""}:${JSON.stringify(filtersOf(p))}`;
  const badMarker = () => invalid("The marker is not valid for this request.");
  if (operation === "DescribeDBInstances") {
    const id = p.get("DBInstanceIdentifier");
    let found = applyFilters(inventory.instances, filtersOf(p), (i) => i.id, (i) => i.clusterId);
    if (id) {
      found = found.filter((i) => i.id === id);
      if (found.length === 0) throw new SimError(404, "DBInstanceNotFound", `DBInstance ${id} not found.`);
    }
    const page = pageAt(found, size, p.get("Marker"), scope, badMarker);
    return { Marker: page.next, DBInstances: new XmlList("DBInstance", page.items.map((i) => instanceShape(i, req.caller.region))) };
  }
  const id = p.get("DBClusterIdentifier");
  let found = applyFilters(inventory.clusters, filtersOf(p), (c) => c.id, () => null);
  if (id) {
    found = found.filter((c) => c.id === id);
    if (found.length === 0) throw new SimError(404, "DBClusterNotFoundFault", `DBCluster ${id} not found.`);
  }
  const page = pageAt(found, size, p.get("Marker"), scope, badMarker);
  return { Marker: page.next, DBClusters: new XmlList("DBCluster", page.items.map((c) => clusterShape(c, req.caller.region))) };
}

const OPERATIONS = new Set(["DescribeDBInstances", "DescribeDBClusters"]);

export const rds: TService = {
  label: "RDS",
  operation: (req) => {
    const action = params(req).get("Action");
    return action && OPERATIONS.has(action) ? action : null;
  },
  handle: (operation, req, rt) => queryResponse(operation, handle(operation, req, rt), req.requestId, NS),
  encodeError: (error, requestId) => queryError(error, requestId, NS),
};
