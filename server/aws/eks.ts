import "server-only";
import { DescribeClusterCommand, ListClustersCommand, type EKSClient } from "@aws-sdk/client-eks";
import type { RateLimiter } from "./rate-limiter";

// EKS is per account and region: the scope names whose clusters these are.
type TScope = { accountId?: string; region: string };

export type TEksClusterInfo = {
  name: string;
  arn: string;
  /** Kubernetes minor version, e.g. "1.29" */
  version: string;
  platformVersion: string | null;
  status: string | null;
};

/** The names of every cluster of the scope's account and region, 100 per page. */
export async function listClusterNames(client: EKSClient, limiter: RateLimiter, scope: TScope): Promise<string[]> {
  const out: string[] = [];
  let nextToken: string | undefined;
  do {
    await limiter.take("eks", "ListClusters", scope);
    const page = await client.send(new ListClustersCommand({ maxResults: 100, nextToken }));
    out.push(...(page.clusters ?? []));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
}

/**
 * Every cluster with its version (ListClusters, then DescribeCluster for each). A cluster deleted between
 * the two calls (ResourceNotFoundException) is skipped.
 */
export async function listClusters(client: EKSClient, limiter: RateLimiter, scope: TScope): Promise<TEksClusterInfo[]> {
  const out: TEksClusterInfo[] = [];
  for (const name of await listClusterNames(client, limiter, scope)) {
    await limiter.take("eks", "DescribeCluster", scope);
    try {
      const { cluster } = await client.send(new DescribeClusterCommand({ name }));
      if (!cluster?.arn) continue;
      out.push({ name, arn: cluster.arn, version: cluster.version ?? "", platformVersion: cluster.platformVersion ?? null, status: cluster.status ?? null });
    } catch (error) {
      if ((error as { name?: string }).name === "ResourceNotFoundException") continue;
      throw error;
    }
  }
  return out;
}
