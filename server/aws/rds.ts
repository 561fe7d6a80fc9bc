import "server-only";
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, type RDSClient } from "@aws-sdk/client-rds";
import type { RateLimiter } from "./rate-limiter";

// RDS is per account and region: the scope names whose databases these are.
type TScope = { accountId?: string; region: string };

export type TDbInstance = {
  id: string;
  arn: string;
  engine: string;
  engineVersion: string;
  instanceClass: string | null;
  status: string | null;
  /** set for Aurora (and Multi-AZ DB cluster) members: their version is the cluster's */
  clusterId: string | null;
};

export type TDbCluster = {
  id: string;
  arn: string;
  engine: string;
  engineVersion: string;
  status: string | null;
  members: { instanceId: string; writer: boolean }[];
};

/** Every DB instance (Aurora members included) of the scope's account and region, 100 per page. */
export async function listDbInstances(client: RDSClient, limiter: RateLimiter, scope: TScope): Promise<TDbInstance[]> {
  const out: TDbInstance[] = [];
  let Marker: string | undefined;
  do {
    await limiter.take("rds", "DescribeDBInstances", scope);
    const page = await client.send(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker }));
    for (const i of page.DBInstances ?? []) {
      if (!i.DBInstanceIdentifier || !i.DBInstanceArn) continue;
      out.push({
        id: i.DBInstanceIdentifier,
        arn: i.DBInstanceArn,
        engine: i.Engine ?? "",
        engineVersion: i.EngineVersion ?? "",
        instanceClass: i.DBInstanceClass ?? null,
        status: i.DBInstanceStatus ?? null,
        clusterId: i.DBClusterIdentifier ?? null,
      });
    }
    Marker = page.Marker || undefined;
  } while (Marker);
  return out;
}

/** Every DB cluster (Aurora, Multi-AZ DB clusters) of the scope's account and region, 100 per page. */
export async function listDbClusters(client: RDSClient, limiter: RateLimiter, scope: TScope): Promise<TDbCluster[]> {
  const out: TDbCluster[] = [];
  let Marker: string | undefined;
  do {
    await limiter.take("rds", "DescribeDBClusters", scope);
    const page = await client.send(new DescribeDBClustersCommand({ MaxRecords: 100, Marker }));
    for (const c of page.DBClusters ?? []) {
      if (!c.DBClusterIdentifier || !c.DBClusterArn) continue;
      out.push({
        id: c.DBClusterIdentifier,
        arn: c.DBClusterArn,
        engine: c.Engine ?? "",
        engineVersion: c.EngineVersion ?? "",
        status: c.Status ?? null,
        members: (c.DBClusterMembers ?? []).map((m) => ({ instanceId: m.DBInstanceIdentifier ?? "", writer: m.IsClusterWriter === true })),
      });
    }
    Marker = page.Marker || undefined;
  } while (Marker);
  return out;
}
